/**
 * Quiet hours: whether a moment falls in the user's daily quiet window, and when that window ends. Pure: the
 * local calendar is passed in (`LocalCalendar`), so tests fix the time zone and the app uses the system's.
 */
import type { QuietHours } from '../domain/noise';

/** Local weekday (0 = Sunday) and minute of the day (fractional, 0 ≤ m < 1440) of a moment. */
export interface LocalCalendar {
  parts(atMs: number): { day: number; minute: number };
}

/** The calendar of this process's time zone. */
export const systemCalendar: LocalCalendar = {
  parts(atMs) {
    const d = new Date(atMs);
    return { day: d.getDay(), minute: d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 + d.getMilliseconds() / 60_000 };
  },
};

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * True when `now` lies in the quiet window. A window whose end is before its start spans midnight and belongs
 * to the day it started (22:00–07:00 on Fridays covers Saturday 03:00). Equal start and end: never quiet.
 */
export function inQuietHours(q: QuietHours | undefined, now: number, calendar: LocalCalendar = systemCalendar): boolean {
  if (!q?.enabled || q.days.length === 0) return false;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  if (start === end) return false;
  const { day, minute } = calendar.parts(now);
  if (start < end) return q.days.includes(day) && minute >= start && minute < end;
  if (minute >= start) return q.days.includes(day);
  return minute < end && q.days.includes((day + 6) % 7);
}

/**
 * When the quiet window `now` lies in ends, ms since epoch; `undefined` when `now` is not in quiet hours.
 * Computed as minutes ahead on the local clock, so across a daylight-saving change it may be an hour off;
 * the summary then comes an hour early or late, never lost.
 */
export function quietHoursEnd(q: QuietHours | undefined, now: number, calendar: LocalCalendar = systemCalendar): number | undefined {
  if (!q || !inQuietHours(q, now, calendar)) return undefined;
  const end = minutesOf(q.end);
  const { minute } = calendar.parts(now);
  const ahead = end > minute ? end - minute : end + 1440 - minute;
  return now + Math.round(ahead * 60_000);
}
