/** Pure header parsers: HTTP-date (RFC 9110 §5.6.7), Retry-After (§10.2.3), Cache-Control max-age (RFC 9111 §5.2). */
import { describe, expect, it } from 'vitest';
import { parseMaxAge } from '../../../../shared/engine/http/cache-control';
import { parseHttpDate } from '../../../../shared/engine/http/http-date';
import { MAX_RETRY_AFTER_MS, MIN_RETRY_AFTER_MS, retryAfterMs } from '../../../../shared/engine/http/retry-after';

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', 'IMF-fixdate'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 'RFC 850'],
    ['Sun Nov  6 08:49:37 1994', 'asctime (UTC, not local time)'],
  ])('reads %s (%s)', (value) => {
    expect(parseHttpDate(value)).toBe(NOV_6_1994);
  });

  it.each(['', 'yesterday', 'Sun, 31 Feb 2026 00:00:00 GMT', 'Sun, 06 Nov 1994 08:49:37 PST', '2026-03-01T12:00:00Z'])(
    'rejects %j',
    (value) => {
      expect(parseHttpDate(value)).toBeUndefined();
    },
  );
});

describe('retryAfterMs', () => {
  const serverNow = Date.UTC(2026, 2, 1, 12, 0, 0);
  const serverDate = new Date(serverNow).toUTCString();
  const localClockHourAhead = serverNow + 3_600_000;

  it('reads delay-seconds', () => {
    expect(retryAfterMs('120', null, 0)).toBe(120_000);
    expect(retryAfterMs(' 600 ', null, 0)).toBe(600_000);
  });

  it('measures an HTTP-date against the response Date, not the local clock', () => {
    const at = new Date(serverNow + 300_000).toUTCString();
    expect(retryAfterMs(at, serverDate, localClockHourAhead)).toBe(300_000);
  });

  it('falls back to the local clock when the response has no usable Date', () => {
    const at = new Date(serverNow + 900_000).toUTCString();
    expect(retryAfterMs(at, null, serverNow)).toBe(900_000);
    expect(retryAfterMs(at, 'garbage', serverNow)).toBe(900_000);
  });

  it('clamps to [60 s, 24 h]', () => {
    expect(retryAfterMs('0', null, 0)).toBe(MIN_RETRY_AFTER_MS);
    expect(retryAfterMs('5', null, 0)).toBe(60_000);
    expect(retryAfterMs('999999999', null, 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs(new Date(serverNow - 600_000).toUTCString(), serverDate, 0)).toBe(60_000);
    expect(MAX_RETRY_AFTER_MS).toBe(86_400_000);
  });

  it('returns undefined for absent or invalid values', () => {
    expect(retryAfterMs(null, serverDate, 0)).toBeUndefined();
    expect(retryAfterMs('', serverDate, 0)).toBeUndefined();
    expect(retryAfterMs('-5', serverDate, 0)).toBeUndefined();
    expect(retryAfterMs('1.5', serverDate, 0)).toBeUndefined();
    expect(retryAfterMs('in a while', serverDate, 0)).toBeUndefined();
  });
});

describe('parseMaxAge', () => {
  it.each([
    ['max-age=300', 300],
    ['public, max-age=60, s-maxage=600', 60],
    ['s-maxage=600, MAX-AGE=30', 30],
    ['max-age="45"', 45],
    ['private="set-cookie, max-age=1", max-age=90', 90],
    ['max-age=10, max-age=20', 10],
    ['max-age=99999999999', 2_147_483_648],
  ])('%s → %i', (header, seconds) => {
    expect(parseMaxAge(header)).toBe(seconds);
  });

  it.each([null, '', 'no-cache', 'max-age', 'max-age=-1', 'max-age=abc', 's-maxage=10'])('%j → undefined', (header) => {
    expect(parseMaxAge(header)).toBeUndefined();
  });
});
