import { describe, expect, it } from 'vitest';
import { inQuietHours, quietHoursEnd } from '../../../shared/noise/quiet-hours';
import { describeSnooze, isSnoozed, startSnooze } from '../../../shared/noise/snooze';
import { shownHealth, showsAsFailing } from '../../../shared/noise/flap';
import { componentChanges, describeChanges, staleOnlyChange } from '../../../shared/noise/what-changed';
import type { ProviderStatus } from '../../../shared/domain/types';
import type { QuietHours } from '../../../shared/domain/noise';
import { incident } from '../app/helpers';
import { at, utcCalendar } from './calendar';

const HOUR = 3_600_000;
const night: QuietHours = { enabled: true, start: '22:00', end: '07:00', days: [1, 2, 3, 4, 5], criticalAlwaysNotifies: true };

describe('quiet hours', () => {
  it('a window across midnight belongs to the day it started on', () => {
    // 2026-07-10 is a Friday: the window starts Friday 22:00 and runs into Saturday.
    expect(inQuietHours(night, at('2026-07-10T21:59:00'), utcCalendar)).toBe(false);
    expect(inQuietHours(night, at('2026-07-10T22:00:00'), utcCalendar)).toBe(true);
    expect(inQuietHours(night, at('2026-07-11T03:00:00'), utcCalendar)).toBe(true);
    expect(inQuietHours(night, at('2026-07-11T07:00:00'), utcCalendar)).toBe(false);
    // Saturday 22:00 is not a start day; Sunday 03:00 belongs to Saturday's (absent) window.
    expect(inQuietHours(night, at('2026-07-11T23:00:00'), utcCalendar)).toBe(false);
    expect(inQuietHours(night, at('2026-07-12T03:00:00'), utcCalendar)).toBe(false);
    // Monday 03:00 belongs to Sunday's window: not a start day either.
    expect(inQuietHours(night, at('2026-07-13T03:00:00'), utcCalendar)).toBe(false);
  });

  it('a daytime window, a disabled one and an empty one', () => {
    const lunch: QuietHours = { ...night, start: '12:00', end: '13:30', days: [5] };
    expect(inQuietHours(lunch, at('2026-07-10T13:29:00'), utcCalendar)).toBe(true);
    expect(inQuietHours(lunch, at('2026-07-10T13:30:00'), utcCalendar)).toBe(false);
    expect(inQuietHours({ ...lunch, enabled: false }, at('2026-07-10T12:30:00'), utcCalendar)).toBe(false);
    expect(inQuietHours({ ...lunch, end: '12:00' }, at('2026-07-10T12:00:00'), utcCalendar)).toBe(false);
    expect(inQuietHours(undefined, at('2026-07-10T12:30:00'), utcCalendar)).toBe(false);
  });

  it('says when the window ends, and nothing outside it', () => {
    expect(quietHoursEnd(night, at('2026-07-10T23:15:00'), utcCalendar)).toBe(at('2026-07-11T07:00:00'));
    expect(quietHoursEnd(night, at('2026-07-11T06:59:30'), utcCalendar)).toBe(at('2026-07-11T07:00:00'));
    expect(quietHoursEnd(night, at('2026-07-10T12:00:00'), utcCalendar)).toBeUndefined();
  });
});

describe('snooze', () => {
  const now = at('2026-07-10T10:00:00');
  it('for some hours: holds until then, and says until when', () => {
    const s = startSnooze({ hours: 8 }, now, []);
    expect(s).toEqual({ until: now + 8 * HOUR });
    if ('error' in s) throw new Error(s.error);
    expect(isSnoozed(s, now + 8 * HOUR - 1, [])).toBe(true);
    expect(isSnoozed(s, now + 8 * HOUR, [])).toBe(false);
    expect(describeSnooze(s, now, [], () => '18:00')).toBe('Snoozed until 18:00');
    expect(describeSnooze(s, now + 9 * HOUR, [], () => '18:00')).toBeUndefined();
  });

  it('until resolved: holds while one of the incidents open at the start is still open', () => {
    const s = startSnooze({ untilResolved: true }, now, ['a', 'b', 'a']);
    expect(s).toEqual({ untilResolved: ['a', 'b'] });
    if ('error' in s) throw new Error(s.error);
    expect(isSnoozed(s, now, ['b', 'c'])).toBe(true);
    expect(describeSnooze(s, now, ['b', 'c'], String)).toBe('Snoozed until its incident resolves');
    // A new incident does not extend it.
    expect(isSnoozed(s, now, ['c'])).toBe(false);
  });

  it('until resolved with nothing open is refused', () => {
    expect(startSnooze({ untilResolved: true }, now, [])).toEqual({ error: expect.stringMatching(/no open incident/) });
  });

  it('is plain data, so it means the same after a restart (JSON round trip)', () => {
    const s = startSnooze({ hours: 1 }, now, []);
    const revived = JSON.parse(JSON.stringify(s)) as typeof s;
    if ('error' in revived) throw new Error(revived.error);
    expect(isSnoozed(revived, now + HOUR / 2, [])).toBe(true);
  });
});

function status(over: Partial<ProviderStatus> = {}): ProviderStatus {
  return { provider: 'GitHub', format: 'statuspage-json', health: 'operational', components: [], activeIncidents: [], recentIncidents: [], scheduledMaintenances: [], coverage: 'active-only', ...over };
}

describe('flap suppression', () => {
  const error = { code: 'timeout', message: 'x', at: 0 };
  const last = status({ health: 'degraded' });
  it('keeps the last known status until failAfter consecutive failures', () => {
    expect(showsAsFailing({ failures: 1, lastError: error, lastStatus: last }, 2)).toBe(false);
    expect(shownHealth({ failures: 1, lastError: error, lastStatus: last }, 2)).toBe('degraded');
    expect(showsAsFailing({ failures: 2, lastError: error, lastStatus: last }, 2)).toBe(true);
    expect(shownHealth({ failures: 2, lastError: error, lastStatus: last }, 2)).toBe('unknown');
  });
  it('a source never read fails at once; failAfter 1 or absent shows every failure', () => {
    expect(showsAsFailing({ failures: 1, lastError: error }, 2)).toBe(true);
    expect(showsAsFailing({ failures: 1, lastError: error, lastStatus: last }, undefined)).toBe(true);
    expect(shownHealth({ failures: 0, lastStatus: last }, 2)).toBe('degraded');
  });
});

describe('what changed', () => {
  it('lists component changes worst first and words them', () => {
    const changes = componentChanges(
      [{ name: 'Actions', status: 'operational' }, { name: 'API', status: 'operational' }, { name: 'Pages', status: 'major_outage' }, { name: 'Git', status: 'operational' }],
      [{ name: 'Actions', status: 'degraded_performance' }, { name: 'API', status: 'degraded_performance' }, { name: 'Pages', status: 'operational' }, { name: 'Git', status: 'operational' }],
    );
    expect(changes.map((c) => c.name)).toEqual(['Actions', 'API', 'Pages']);
    expect(describeChanges(changes)).toBe('Actions and API degraded; Pages back to normal');
    expect(componentChanges(undefined, [{ name: 'A', status: 'major_outage' }])).toEqual([]);
  });
  it('says "and N more" past three names', () => {
    const names = ['A', 'B', 'C', 'D', 'E'];
    const changes = componentChanges(names.map((name) => ({ name, status: 'operational' as const })), names.map((name) => ({ name, status: 'major_outage' as const })));
    expect(describeChanges(changes)).toBe('A, B and C down and 2 more');
  });
  it('a health change that only comes from an incident turning stale is stale-only', () => {
    const open = incident('x', { impact: 'major' });
    const before = status({ health: 'partial_outage', activeIncidents: [open] });
    const after = status({ health: 'degraded', activeIncidents: [{ ...open, stale: true }] });
    expect(staleOnlyChange(before, after)).toBe(true);
    const fixed = status({ health: 'operational' });
    expect(staleOnlyChange(before, fixed)).toBe(false);
    expect(staleOnlyChange(undefined, after)).toBe(false);
  });
});
