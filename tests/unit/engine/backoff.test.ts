import { describe, expect, it } from 'vitest';
import {
  delayAfterFailure,
  delayAfterSuccess,
  intervalMs,
  MAX_AGE_FLOOR_CAP_MS,
  MAX_FAILURE_BACKOFF_MS,
  MIN_FAILURE_BACKOFF_MS,
} from '../../../shared/engine/backoff';

const max = () => 0.999999;
const min = () => 0;

describe('backoff', () => {
  it('clamps intervals to at least 60 s and defaults to 300 s', () => {
    expect(intervalMs(undefined)).toBe(300_000);
    expect(intervalMs(5)).toBe(60_000);
    expect(intervalMs(Number.NaN)).toBe(300_000);
    expect(intervalMs(900)).toBe(900_000);
  });

  it('never polls sooner than the interval after a success, and jitters by at most 10 %', () => {
    expect(delayAfterSuccess(300_000, undefined, min)).toBe(300_000);
    expect(delayAfterSuccess(300_000, undefined, max)).toBeLessThanOrEqual(330_000);
    expect(delayAfterSuccess(300_000, undefined, max)).toBeGreaterThan(329_000);
  });

  it('treats max-age as a floor, capped at one hour', () => {
    expect(delayAfterSuccess(300_000, 600, min)).toBe(600_000);
    expect(delayAfterSuccess(300_000, 60, min)).toBe(300_000);
    expect(delayAfterSuccess(300_000, 86_400, min)).toBe(MAX_AGE_FLOOR_CAP_MS);
  });

  it('grows the failure ceiling exponentially up to 30 minutes, with full jitter and a 60 s floor', () => {
    const ceilings = [1, 2, 3, 4, 5, 10, 50].map((n) => delayAfterFailure(n, 300_000, max));
    expect(ceilings.slice(0, 3).map((c) => Math.round(c / 1000))).toEqual([300, 600, 1200]);
    for (const c of ceilings.slice(3)) expect(c).toBeGreaterThan(MAX_FAILURE_BACKOFF_MS - 5), expect(c).toBeLessThanOrEqual(MAX_FAILURE_BACKOFF_MS);
    for (let n = 1; n < 8; n++) expect(delayAfterFailure(n, 300_000, max)).toBeGreaterThanOrEqual(delayAfterFailure(n - 1 || 1, 300_000, max));
    expect(delayAfterFailure(7, 300_000, min)).toBe(MIN_FAILURE_BACKOFF_MS);
    // Jitter: different random draws give different delays.
    const draws = new Set([0.2, 0.4, 0.6, 0.8].map((r) => delayAfterFailure(4, 300_000, () => r)));
    expect(draws.size).toBe(4);
  });
});
