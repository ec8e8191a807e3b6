import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../../shared/domain/source-key';

describe('normaliseUrl', () => {
  it('treats case of scheme and host, default ports, fragments and a trailing slash as the same URL', () => {
    const forms = ['https://Status.Example.com/feed', 'HTTPS://status.example.com:443/feed#top', 'https://status.example.com/feed/'];
    expect(new Set(forms.map(normaliseUrl)).size).toBe(1);
  });
  it('keeps path case and query, which can select a different document', () => {
    expect(normaliseUrl('https://x.example/Feed')).not.toBe(normaliseUrl('https://x.example/feed'));
    expect(normaliseUrl('https://x.example/f?a=1')).not.toBe(normaliseUrl('https://x.example/f?a=2'));
  });
});
