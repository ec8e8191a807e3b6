import { describe, expect, it } from 'vitest';
import { formatDateTime, isoAgo, timeAgo } from '../../../../renderer/src/common/time';

const NOW = Date.UTC(2026, 6, 9, 12, 0, 0);
const MIN = 60_000;

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [MIN, '1 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [47 * 60 * MIN, '47 h ago'],
    [48 * 60 * MIN, '2 days ago'],
    [59 * 24 * 60 * MIN, '59 days ago'],
  ])('%i ms ago reads %j', (age, label) => {
    expect(timeAgo(NOW - age, NOW)).toBe(label);
  });

  it('reads a time in the future (a feed clock ahead of ours) as just now', () => {
    expect(timeAgo(NOW + 3 * 60 * MIN, NOW)).toBe('just now');
  });

  it('gives the date instead of a count from 60 days on', () => {
    expect(timeAgo(NOW - 60 * 24 * 60 * MIN, NOW)).toMatch(/^on /);
  });
});

describe('isoAgo and formatDateTime', () => {
  it('read ISO 8601 strings and give nothing for junk', () => {
    expect(isoAgo(new Date(NOW - 5 * MIN).toISOString(), NOW)).toBe('5 min ago');
    expect(isoAgo('not a date', NOW)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDateTime(NOW)).not.toBe('');
  });
});

describe('formatAbsolute', () => {
  it('gives date, time and the time zone, once', async () => {
    const { formatAbsolute } = await import('../../../../renderer/src/common/time');
    const text = formatAbsolute(Date.UTC(2026, 8, 26, 1, 0, 0), 'UTC');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/01:00|1:00/);
    expect(text).toMatch(/UTC/);
    expect(text.match(/2026/g)).toHaveLength(1);
    expect(formatAbsolute('not a date')).toBe('');
  });
});
