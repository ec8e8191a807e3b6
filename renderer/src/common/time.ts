/**
 * Human time labels. Inputs are ms since epoch or ISO 8601 strings (UTC); output is in the user's locale
 * and time zone.
 */

/**
 * "just now", "12 min ago", "3 h ago", "5 days ago" for a past time relative to `now` (both ms); from 60 days
 * on, the date ("on 31 Oct 2019"), which says more than "2577 days ago".
 * A time in the future (a feed's clock ahead of ours) reads "just now" rather than a negative age.
 */
export function timeAgo(atMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - atMs) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days} days ago`;
  return `on ${new Date(atMs).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}

/** `timeAgo` for an ISO 8601 string; `''` when the string is not a date. */
export function isoAgo(iso: string, now: number): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : timeAgo(ms, now);
}

/** Local date and time for a tooltip or `<time>` title, e.g. "25 Sep 2026, 23:49"; `''` for an invalid date. */
export function formatDateTime(at: number | string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Local clock time, e.g. "14:05". */
export function formatClock(atMs: number): string {
  return new Date(atMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Absolute date and time with the time zone, for the title of a relative time ("26 Sep 2026, 01:00 UTC").
 * `timeZone` (IANA name) defaults to the user's; `''` for an invalid date.
 */
export function formatAbsolute(at: number | string, timeZone?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
}
