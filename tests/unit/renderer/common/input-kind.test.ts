import { describe, expect, it } from 'vitest';
import { classifyAddInput } from '../../../../renderer/src/common/input-kind';

describe('classifyAddInput', () => {
  it('is empty for blank text', () => {
    expect(classifyAddInput('')).toEqual({ kind: 'empty' });
    expect(classifyAddInput(' \t ')).toEqual({ kind: 'empty' });
  });

  it('treats a name as a catalog search', () => {
    expect(classifyAddInput(' github ')).toEqual({ kind: 'search', query: 'github' });
    expect(classifyAddInput('ec2 us-east-1')).toEqual({ kind: 'search', query: 'ec2 us-east-1' });
  });

  it('treats a full http(s) address as a URL', () => {
    expect(classifyAddInput('https://www.githubstatus.com/api/v2/summary.json')).toEqual({ kind: 'url', url: 'https://www.githubstatus.com/api/v2/summary.json' });
  });

  it('offers a bare host both as a search and as an https address', () => {
    expect(classifyAddInput('status.example.com')).toEqual({ kind: 'host', query: 'status.example.com', url: 'https://status.example.com' });
    expect(classifyAddInput('example.com:8443/status')).toEqual({ kind: 'host', query: 'example.com:8443/status', url: 'https://example.com:8443/status' });
  });

  it('refuses an address with another scheme instead of searching for it', () => {
    const r = classifyAddInput('javascript:alert(1)');
    expect(r).toMatchObject({ kind: 'invalid-url', message: expect.stringContaining('not javascript') });
    expect(classifyAddInput('ftp://example.com/feed')).toMatchObject({ kind: 'invalid-url' });
  });
});
