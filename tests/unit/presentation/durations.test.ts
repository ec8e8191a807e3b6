import { describe, expect, it } from 'vitest';
import { formatDuration, msSince } from '../../../shared/presentation/durations';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatDuration', () => {
  it.each([
    [-5 * MIN, 'under 1 min'],
    [59_999, 'under 1 min'],
    [MIN, '1 min'],
    [59 * MIN, '59 min'],
    [HOUR, '1 h'],
    [3 * HOUR + 20 * MIN, '3 h 20 min'],
    [12 * HOUR + 20 * MIN, '12 h'],
    [47 * HOUR + 59 * MIN, '47 h'],
    [48 * HOUR, '2 days'],
    [20 * 24 * HOUR + 5 * HOUR, '20 days'],
  ])('%i ms reads %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('msSince', () => {
  it('measures from an ISO time and gives nothing for junk', () => {
    const now = Date.UTC(2026, 8, 26, 1, 0, 0);
    expect(msSince('2026-09-26T00:00:00Z', now)).toBe(HOUR);
    expect(msSince('yesterday', now)).toBeUndefined();
    expect(msSince(undefined, now)).toBeUndefined();
  });
});
