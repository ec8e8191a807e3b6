/**
 * Noise-control settings: per-source snooze, maintenance opt-in and "tell me when it's fixed" watches, and the
 * app-wide quiet hours, flap threshold and notifications held during quiet hours. Pure types, safe for the
 * renderer. They live inside `AppSettings`/`SourceSettings` (../ipc/contract.ts) as optional fields, so a
 * settings.json written before noise control existed still reads unchanged. Times are ms since the Unix epoch.
 */

/**
 * A provider's notifications held back. `until`: up to that time (ms since epoch). `untilResolved`: until
 * none of these incident ids (open when the snooze began) is open any more.
 */
export type Snooze = { until: number } | { untilResolved: string[] };

/** What the user asks for when snoozing: a number of hours, or until the current incident(s) resolve. */
export type SnoozeRequest = { hours: number } | { untilResolved: true };

/** Hours offered by the tray, the status row and settings. */
export const SNOOZE_HOURS: readonly number[] = [1, 8, 24];

/**
 * A daily window during which notifications are held and later summarised in one notification.
 * `start`/`end` are local wall-clock times `HH:MM` (24 h); `end` before `start` spans midnight, and then the
 * window belongs to the day it started on. `days` are the local weekdays the window may start on, 0 = Sunday.
 */
export interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
  days: number[];
  /** Incidents of `critical` impact (and health changes to a major outage) notify even in quiet hours. */
  criticalAlwaysNotifies: boolean;
}

/** One notification kept back during quiet hours, for the summary when they end. */
export interface HeldNotification {
  sourceId?: string;
  /** Provider display name, when about one provider. */
  provider?: string;
  /** What happened, one line ("Partial outage: Actions degraded"). */
  headline: string;
  /** When it was held, ms since epoch. */
  at: number;
}

/** Most notifications held at once; past it the oldest are dropped (the summary counts those it keeps). */
export const MAX_HELD = 100;

/** Default of "show as failing after N consecutive failed polls". */
export const DEFAULT_FAIL_AFTER_POLLS = 2;
/** Bounds of that setting (1 = show every failure at once). */
export const MIN_FAIL_AFTER_POLLS = 1;
export const MAX_FAIL_AFTER_POLLS = 10;

/** Default quiet hours shown in settings (off until enabled). */
export function defaultQuietHours(): QuietHours {
  return { enabled: false, start: '22:00', end: '07:00', days: [0, 1, 2, 3, 4, 5, 6], criticalAlwaysNotifies: true };
}
