/** How long "pause notifications" lasts for each choice the settings window offers. */
import { tomorrowAtLocal } from '../../../shared/presentation/tray-model';

export type PauseChoice = '1h' | '4h' | 'tomorrow';

/**
 * When a pause chosen at `now` ends, ms since epoch. "tomorrow" is 08:00 local time on the next calendar
 * day — the same moment the tray menu's "until tomorrow" uses (shared/presentation/tray-model.ts).
 */
export function pauseUntil(choice: PauseChoice, now: number): number {
  switch (choice) {
    case '1h':
      return now + 3_600_000;
    case '4h':
      return now + 4 * 3_600_000;
    case 'tomorrow':
      return tomorrowAtLocal(now);
  }
}
