import { describe, expect, it } from 'vitest';
import { KEEP_RESOLVED_FOR_MS, keptStatus } from '../../../shared/engine/kept-status';
import { DAY, HOUR, T0, incident, status } from '../history/fixtures';

describe('keptStatus', () => {
  it('drops resolved incidents older than the window and keeps open, scheduled and recent ones', () => {
    const old = incident('old', { startedAt: T0 - 20 * DAY, resolvedAt: T0 - 20 * DAY + HOUR });
    const recent = incident('recent', { startedAt: T0 - 2 * DAY, resolvedAt: T0 - 2 * DAY + HOUR });
    const open = incident('open', { startedAt: T0 - 30 * DAY });
    const whole = { ...status('degraded', [open, recent, old]), scheduledMaintenances: [incident('m', { status: 'scheduled', kind: 'maintenance' })] };
    const kept = keptStatus(whole, T0);
    expect(kept.recentIncidents.map((i) => i.id)).toEqual(['recent']);
    expect(kept.activeIncidents).toBe(whole.activeIncidents);
    expect(kept.scheduledMaintenances).toBe(whole.scheduledMaintenances);
    expect(whole.recentIncidents.map((i) => i.id)).toEqual(['recent', 'old']);
  });

  it('returns the same object when nothing is old, and keeps an incident whose date cannot be read', () => {
    const odd = { ...incident('odd', { resolvedAt: T0 - HOUR }), updatedAt: 'yesterday' };
    const whole = status('operational', [odd]);
    expect(keptStatus(whole, T0)).toBe(whole);
    const edge = status('operational', [incident('edge', { resolvedAt: T0 - KEEP_RESOLVED_FOR_MS })]);
    expect(keptStatus(edge, T0)).toBe(edge);
    expect(keptStatus(edge, T0 + 1).recentIncidents).toEqual([]);
  });
});
