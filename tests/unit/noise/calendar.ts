/** A UTC calendar, so quiet-hours tests do not depend on the machine's time zone. */
import type { LocalCalendar } from '../../../shared/noise/quiet-hours';

export const utcCalendar: LocalCalendar = {
  parts(atMs) {
    const d = new Date(atMs);
    return { day: d.getUTCDay(), minute: d.getUTCHours() * 60 + d.getUTCMinutes() + d.getUTCSeconds() / 60 };
  },
};

/** ms of a UTC date and time; 2026-07-10 is a Friday. */
export const at = (iso: string): number => Date.parse(`${iso}Z`);
