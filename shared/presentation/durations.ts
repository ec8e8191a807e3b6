/**
 * Lengths of time in the few words a tray row has room for: "12 min", "3 h", "5 days". Pure; used by the
 * status window for how long an incident has been going, how long a check has been failing and when a
 * maintenance starts or ends (docs/popover.md, "Times").
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in ms as "under 1 min", "12 min", "3 h", "3 h 20 min" (under 10 h, where the minutes still
 * matter) or "5 days" (from 48 h on). Negative durations read as zero.
 */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return 'under 1 min';
  const minutes = Math.floor(safe / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(safe / HOUR);
  if (hours < 48) {
    const rest = minutes - hours * 60;
    return hours < 10 && rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(safe / DAY);
  return `${days} days`;
}

/** Milliseconds since the ISO 8601 time `iso` at `now` (ms); `undefined` when `iso` is not a date. */
export function msSince(iso: string | undefined, now: number): number | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : now - at;
}
