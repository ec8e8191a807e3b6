/** Noise settings in settings.json: optional and additive, validated, and unchanged by a write/read cycle. */
import { describe, expect, it } from 'vitest';
import { parseSettingsFile, toSettingsFile } from '../../../shared/ipc/settings-schema';
import { settingsWith, source } from '../app/helpers';

describe('noise settings on disk', () => {
  const noisy = settingsWith(
    [source('gh', { snooze: { until: 1_800_000_000_000 }, notifyMaintenance: true, fixWatches: ['abc'], filter: { components: ['Actions', 'API'] } }), source('oa', { snooze: { untilResolved: ['x1'] } })],
    {
      quietHours: { enabled: true, start: '22:00', end: '07:00', days: [1, 2, 3, 4, 5], criticalAlwaysNotifies: false },
      failAfterPolls: 3,
      heldNotifications: [{ sourceId: 'gh', provider: 'GitHub', headline: 'Partial outage: Actions slow', at: 1_800_000_000_000 }],
    },
  );

  it('survive a write and a read (what a restart does)', () => {
    expect(parseSettingsFile(JSON.parse(JSON.stringify(toSettingsFile(noisy))))).toEqual(noisy);
  });

  it('a file written before noise control still reads', () => {
    const old = toSettingsFile(settingsWith([source('gh')]));
    expect(parseSettingsFile(old)?.sources[0]).toEqual(source('gh'));
  });

  it.each([
    ['a quiet-hours time that is not HH:MM', { quietHours: { ...noisy.quietHours, start: '25:00' } }],
    ['a weekday out of range', { quietHours: { ...noisy.quietHours, days: [7] } }],
    ['a flap threshold of 0', { failAfterPolls: 0 }],
    ['an empty "until resolved" snooze', { sources: [source('gh', { snooze: { untilResolved: [] } })] }],
    ['a snooze with both shapes', { sources: [source('gh', { snooze: { until: 1, untilResolved: ['x'] } as never })] }],
  ])('refuses %s', (_what, patch) => {
    expect(parseSettingsFile(toSettingsFile({ ...noisy, ...patch } as typeof noisy))).toBeUndefined();
  });
});
