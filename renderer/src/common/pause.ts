/** How long "pause notifications" lasts for each choice the settings window offers. */
export type PauseChoice = '1h' | '4h' | 'tomorrow';

/** Local hour at which "until tomorrow" ends: the start of a working day, not midnight. */
const TOMORROW_HOUR = 8;

/**
 * When a pause chosen at `now` ends, ms since epoch. "tomorrow" is 08:00 local time on the next calendar day
 * (daylight-saving changes are handled by the Date arithmetic on local fields).
 */
export function pauseUntil(choice: PauseChoice, now: number): number {
  switch (choice) {
    case '1h':
      return now + 3_600_000;
    case '4h':
      return now + 4 * 3_600_000;
    case 'tomorrow': {
      const d = new Date(now);
      d.setDate(d.getDate() + 1);
      d.setHours(TOMORROW_HOUR, 0, 0, 0);
      return d.getTime();
    }
  }
}
