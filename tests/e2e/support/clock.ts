/**
 * The e2e tests' time. Each test starts at a fixed instant, `E2E_EPOCH`, and time then runs at real speed,
 * for the engine, the controller and the browser alike: labels such as "updated 1 h ago" depend only on the
 * captured documents and this instant, never on the day the suite runs.
 */
import { systemClock, type Clock } from '../../../shared/engine/ports';

/** 2026-09-26T01:00:00Z: shortly after the newest captured document the status tests use (Cursor, 23:49 the day before). */
export const E2E_EPOCH = Date.UTC(2026, 8, 26, 1, 0, 0);

/**
 * A clock that reads `epoch` at creation and then moves with the system clock; its timers are real timers
 * (unref'd like the system clock's, so a forgotten one never holds the test runner open).
 */
export function shiftedClock(epoch: number = E2E_EPOCH): Clock {
  const offset = epoch - Date.now();
  return {
    now: () => Date.now() + offset,
    // The system clock's timers: unref'd, and clamped to what setTimeout can hold.
    setTimeout: systemClock.setTimeout,
    clearTimeout: systemClock.clearTimeout,
  };
}
