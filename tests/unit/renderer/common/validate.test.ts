import { describe, expect, it } from 'vitest';
import { checkIntervalSeconds, checkSourceUrl } from '../../../../renderer/src/common/validate';

describe('checkSourceUrl', () => {
  it('accepts an http(s) address and trims it', () => {
    expect(checkSourceUrl('  https://www.githubstatus.com/api/v2/summary.json \n')).toEqual({ ok: true, url: 'https://www.githubstatus.com/api/v2/summary.json' });
    expect(checkSourceUrl('http://status.example.com')).toEqual({ ok: true, url: 'http://status.example.com' });
  });

  it.each([
    ['', 'Enter the address'],
    ['   ', 'Enter the address'],
    ['not an address', 'not a web address'],
    ['javascript:alert(1)', 'not javascript'],
    ['file:///etc/passwd', 'not file'],
    ['ftp://example.com/feed', 'not ftp'],
    [`https://example.com/${'a'.repeat(2050)}`, 'longer than 2048'],
  ])('refuses %j, saying what to fix', (input, words) => {
    const r = checkSourceUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });
});

describe('checkIntervalSeconds', () => {
  it('accepts whole seconds from a minute to a day', () => {
    expect(checkIntervalSeconds('60')).toEqual({ ok: true, seconds: 60 });
    expect(checkIntervalSeconds(' 300 ')).toEqual({ ok: true, seconds: 300 });
    expect(checkIntervalSeconds('86400')).toEqual({ ok: true, seconds: 86_400 });
  });

  it.each([
    ['', 'whole number'],
    ['  ', 'whole number'],
    ['abc', 'whole number'],
    ['90.5', 'whole number'],
    ['59', 'at most once a minute'],
    ['0', 'at most once a minute'],
    ['-60', 'at most once a minute'],
    ['86401', 'at least once a day'],
  ])('refuses %j', (input, words) => {
    const r = checkIntervalSeconds(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });
});
