import { describe, expect, it } from 'vitest';
import { checkHttpUrl, isHttpUrl, MAX_URL_LENGTH, parseHttpUrl } from '../../../shared/domain/url';

describe('isHttpUrl and parseHttpUrl', () => {
  it('accept absolute http and https URLs only', () => {
    expect(isHttpUrl('https://www.githubstatus.com/')).toBe(true);
    expect(isHttpUrl('http://status.example.com/feed')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '/relative', 'not a url', '']) {
      expect(isHttpUrl(bad)).toBe(false);
    }
  });

  it('resolve a relative link against a base, and still refuse other schemes', () => {
    expect(parseHttpUrl('incidents/abc', 'https://status.example.com/')?.href).toBe('https://status.example.com/incidents/abc');
    expect(parseHttpUrl('javascript:alert(1)', 'https://status.example.com/')).toBeUndefined();
  });
});

describe('checkHttpUrl', () => {
  it('returns the trimmed address', () => {
    expect(checkHttpUrl('  https://status.example.com/ ')).toEqual({ ok: true, url: 'https://status.example.com/' });
  });

  it('names the first problem', () => {
    expect(checkHttpUrl(' ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkHttpUrl(`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`)).toEqual({ ok: false, problem: 'too-long' });
    expect(checkHttpUrl('example')).toEqual({ ok: false, problem: 'not-a-url' });
    expect(checkHttpUrl('ftp://example.com/')).toEqual({ ok: false, problem: 'not-http', scheme: 'ftp' });
  });
});
