/**
 * No timer is ever handed more than setTimeout can hold (2^31-1 ms): a longer delay fires at once with a
 * TimeoutOverflowWarning (`--interval 3000000` flooded stderr with them). Delays are clamped where timers are
 * set — the system clock and the request deadline — and the poll interval itself is capped at 24 h.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intervalMs } from '../../../shared/engine/backoff';
import { MAX_INTERVAL_SECONDS } from '../../../shared/domain/source';
import { Deadline } from '../../../shared/engine/http/deadline';
import { MAX_TIMER_MS, systemClock, timerDelay } from '../../../shared/engine/ports';

afterEach(() => vi.restoreAllMocks());

describe('timer limits', () => {
  it('the system clock clamps a delay beyond 2^31-1 ms (and negative or NaN ones to 0)', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const handle = systemClock.setTimeout(() => undefined, 3_000_000 * 1000 * 10);
    systemClock.clearTimeout(handle);
    expect(spy.mock.calls.map((c) => c[1])).toEqual([MAX_TIMER_MS]);
    expect([timerDelay(-5), timerDelay(Number.NaN), timerDelay(1234), timerDelay(Infinity)]).toEqual([0, 0, 1234, MAX_TIMER_MS]);
  });

  it('a request deadline far in the future arms a timer setTimeout can hold', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const deadline = new Deadline(1e15, undefined);
    deadline.startHeadersTimer(1e15);
    deadline.dispose();
    expect(spy.mock.calls.map((c) => c[1] as number).every((ms) => ms <= MAX_TIMER_MS)).toBe(true);
    expect(spy).toHaveBeenCalled();
  });

  it('a poll interval is at most 24 h', () => {
    expect(MAX_INTERVAL_SECONDS).toBe(86_400);
    expect(intervalMs(3_000_000)).toBe(86_400_000);
    expect(intervalMs(86_400)).toBe(86_400_000);
  });
});
