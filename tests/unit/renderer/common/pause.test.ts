import { describe, expect, it } from 'vitest';
import { pauseUntil } from '../../../../renderer/src/common/pause';
import { tomorrowAtLocal } from '../../../../shared/presentation/tray-model';

// A fixed instant, so nothing depends on when the test runs.
const NOW = Date.UTC(2026, 6, 9, 13, 37, 0);

describe('pauseUntil', () => {
  it('pauses for one or four hours from now', () => {
    expect(pauseUntil('1h', NOW)).toBe(NOW + 60 * 60_000);
    expect(pauseUntil('4h', NOW)).toBe(NOW + 4 * 60 * 60_000);
  });

  it('pauses until 08:00 local time on the next calendar day, the tray menu’s moment', () => {
    const end = pauseUntil('tomorrow', NOW);
    expect(end).toBe(tomorrowAtLocal(NOW));
    const local = new Date(end);
    const nextDay = new Date(NOW);
    nextDay.setDate(nextDay.getDate() + 1);
    expect([local.getFullYear(), local.getMonth(), local.getDate()]).toEqual([nextDay.getFullYear(), nextDay.getMonth(), nextDay.getDate()]);
    expect([local.getHours(), local.getMinutes()]).toEqual([8, 0]);
  });
});
