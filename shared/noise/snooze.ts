/**
 * Snoozing one provider: when a snooze begins, whether it still holds, and how to say when it ends. Pure; the
 * snooze itself is persisted in the source's settings, so it survives a restart.
 */
import type { Snooze, SnoozeRequest } from '../domain/noise';

const HOUR_MS = 3_600_000;

/**
 * The snooze a request makes at `now`.
 * @param openIncidentIds ids of the provider's incidents open now (for "until resolved").
 * @returns the snooze, or an error sentence when "until resolved" is asked with nothing open.
 */
export function startSnooze(request: SnoozeRequest, now: number, openIncidentIds: readonly string[]): Snooze | { error: string } {
  if ('hours' in request) return { until: now + request.hours * HOUR_MS };
  if (openIncidentIds.length === 0) return { error: 'There is no open incident to wait for.' };
  return { untilResolved: [...new Set(openIncidentIds)] };
}

/**
 * True while the snooze holds: before its end time, or while one of its incidents is still open.
 * @param openIncidentIds ids of the provider's incidents open now (from the latest snapshot).
 */
export function isSnoozed(snooze: Snooze | undefined, now: number, openIncidentIds: readonly string[]): boolean {
  if (!snooze) return false;
  if ('until' in snooze) return snooze.until > now;
  return snooze.untilResolved.some((id) => openIncidentIds.includes(id));
}

/**
 * "Snoozed until 14:05", "Snoozed until Tue 08:00" or "Snoozed until its incident resolves"; `undefined` when
 * the snooze no longer holds. `formatTime` renders an end time (local, caller's locale).
 */
export function describeSnooze(
  snooze: Snooze | undefined,
  now: number,
  openIncidentIds: readonly string[],
  formatTime: (at: number) => string,
): string | undefined {
  if (!isSnoozed(snooze, now, openIncidentIds) || !snooze) return undefined;
  if ('until' in snooze) return `Snoozed until ${formatTime(snooze.until)}`;
  const n = snooze.untilResolved.filter((id) => openIncidentIds.includes(id)).length;
  return n === 1 ? 'Snoozed until its incident resolves' : `Snoozed until its ${n} incidents resolve`;
}
