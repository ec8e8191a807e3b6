/**
 * The notification policy with the noise rules: quiet hours, snooze, maintenance opt-in, flaps and staleness,
 * and "tell me when it's fixed".
 */
import { describe, expect, it } from 'vitest';
import { planNotifications, quietSummaryToast, type NotificationContext } from '../../../shared/presentation/notifications';
import { createRateLimiter } from '../../../shared/presentation/rate-limiter';
import type { EngineEvent } from '../../../shared/engine/events';
import type { Incident } from '../../../shared/domain/types';
import type { SourceNoise } from '../../../shared/noise/policy';
import { incident, opened } from '../app/helpers';

const NOW = Date.UTC(2026, 6, 10, 12, 0, 0);

function ctx(over: Partial<NotificationContext> = {}, noise: Partial<Omit<SourceNoise, 'level'>> = {}): NotificationContext {
  return {
    notifyLevel: () => 'all',
    pausedUntil: null,
    now: NOW,
    limiter: createRateLimiter(5, 60_000),
    noise: () => ({ snoozed: false, notifyMaintenance: false, fixWatches: [], ...noise }),
    ...over,
  };
}

function resolved(sourceId: string, inc: Incident): EngineEvent {
  return { type: 'incident.resolved', sourceId, provider: 'GitHub', health: 'operational', at: NOW, previousStatus: 'monitoring', incident: { ...inc, status: 'resolved' } };
}

const maintenance = incident('m1', { kind: 'maintenance', impact: 'maintenance', status: 'in_progress', title: 'Database upgrade' });

describe('quiet hours', () => {
  const quiet = { active: true, criticalAlwaysNotifies: true };
  it('holds what would have notified, for the summary', () => {
    const plan = planNotifications([opened('gh', incident('a', { impact: 'major', title: 'Actions slow' }))], ctx({ quiet }));
    expect(plan.toasts).toEqual([]);
    expect(plan.held).toEqual([{ sourceId: 'gh', provider: 'GitHub', headline: 'Partial outage: Actions slow', at: NOW }]);
  });
  it('a critical incident notifies anyway when "critical always notifies" is on, and is held when off', () => {
    const crit = opened('gh', incident('c', { impact: 'critical' }));
    expect(planNotifications([crit], ctx({ quiet })).toasts).toHaveLength(1);
    const off = planNotifications([crit], ctx({ quiet: { active: true, criticalAlwaysNotifies: false } }));
    expect(off.toasts).toEqual([]);
    expect(off.held).toHaveLength(1);
  });
  it('what the level mutes is dropped, not held', () => {
    const plan = planNotifications([opened('gh', incident('a', { impact: 'minor' }))], ctx({ quiet, notifyLevel: () => 'major' }));
    expect(plan).toMatchObject({ toasts: [], held: [] });
  });
  it('the end-of-quiet summary is one notification naming providers and the latest line', () => {
    const toast = quietSummaryToast([
      { sourceId: 'gh', provider: 'GitHub', headline: 'Partial outage: Actions slow', at: NOW },
      { sourceId: 'gh', provider: 'GitHub', headline: 'Operational: Resolved: Actions slow', at: NOW + 60_000 },
      { sourceId: 'oa', provider: 'OpenAI', headline: 'Degraded: API errors', at: NOW + 30_000 },
    ]);
    expect(toast).toMatchObject({ title: 'While notifications were held: 3 updates', body: 'GitHub (2), OpenAI (1) — latest: GitHub: Operational: Resolved: Actions slow' });
    expect(quietSummaryToast([])).toBeUndefined();
  });
});

describe('snooze', () => {
  it('a snoozed provider stays silent, others still notify', () => {
    const plan = planNotifications([opened('gh', incident('a')), opened('oa', incident('b'), 'OpenAI')], {
      ...ctx(),
      noise: (id) => ({ snoozed: id === 'gh', notifyMaintenance: false, fixWatches: [] }),
    });
    expect(plan.toasts.map((t) => t.sourceId)).toEqual(['oa']);
    expect(plan.held).toEqual([]);
  });
  it('a snoozed provider gives no baseline summary either', () => {
    const baseline: EngineEvent = { type: 'source.baselined', sourceId: 'gh', provider: 'GitHub', health: 'degraded', at: NOW, openIncidents: [incident('a')] };
    expect(planNotifications([baseline], ctx({}, { snoozed: true })).toasts).toEqual([]);
    expect(planNotifications([baseline], ctx()).toasts).toHaveLength(1);
  });
  it('toasts offer Open and Snooze 1 h', () => {
    expect(planNotifications([opened('gh', incident('a'))], ctx()).toasts[0]!.actions).toEqual(['open', 'snooze-1h']);
  });
});

describe('maintenance', () => {
  it('is silent by default, even at level "all"', () => {
    expect(planNotifications([opened('gh', maintenance)], ctx()).toasts).toEqual([]);
  });
  it('notifies when the provider opts in, even at level "major" or "none"', () => {
    for (const level of ['all', 'major', 'none'] as const) {
      expect(planNotifications([opened('gh', maintenance)], ctx({ notifyLevel: () => level }, { notifyMaintenance: true })).toasts).toHaveLength(1);
    }
  });
  it('a health change only of components going into maintenance follows the same toggle', () => {
    const change: EngineEvent = {
      type: 'provider.health-changed', sourceId: 'gh', provider: 'GitHub', health: 'maintenance', previousHealth: 'operational', at: NOW,
      changes: [{ name: 'Pages', status: 'under_maintenance', previous: 'operational' }],
    };
    expect(planNotifications([change], ctx()).toasts).toEqual([]);
    expect(planNotifications([change], ctx({}, { notifyMaintenance: true })).toasts[0]!.title).toBe('GitHub — Under maintenance: Pages under maintenance');
  });
});

describe('health changes, flaps and staleness', () => {
  const degraded: EngineEvent = {
    type: 'provider.health-changed', sourceId: 'gh', provider: 'GitHub', health: 'partial_outage', previousHealth: 'operational', at: NOW,
    changes: [{ name: 'Actions', status: 'partial_outage', previous: 'operational' }],
  };
  it('says what changed: "GitHub — Partial outage: Actions partially down"', () => {
    const [toast] = planNotifications([degraded], ctx()).toasts;
    expect(toast).toMatchObject({ title: 'GitHub — Partial outage: Actions partially down', sourceId: 'gh' });
  });
  it('an incident toast of the same cycle carries the change in its title, and the health change adds nothing', () => {
    const inc = { ...opened('gh', incident('a', { title: 'Actions slow' })), changes: degraded.changes } as EngineEvent;
    const plan = planNotifications([inc, degraded], ctx());
    expect(plan.toasts).toHaveLength(1);
    expect(plan.toasts[0]).toMatchObject({ title: 'GitHub — Partial outage: Actions partially down', body: 'Actions slow — We are looking into a.' });
  });
  it('a change caused only by a stale page does not notify', () => {
    expect(planNotifications([{ ...degraded, staleOnly: true } as EngineEvent], ctx()).toasts).toEqual([]);
  });
  it('a change to or from unknown (a failing source, a flap) does not notify', () => {
    expect(planNotifications([{ ...degraded, previousHealth: 'unknown' } as EngineEvent], ctx()).toasts).toEqual([]);
    expect(planNotifications([{ ...degraded, health: 'unknown' } as EngineEvent], ctx()).toasts).toEqual([]);
  });
  it('level "major" hears only changes to or from an outage', () => {
    const minor = { ...degraded, health: 'degraded', changes: [{ name: 'Actions', status: 'degraded_performance', previous: 'operational' }] } as EngineEvent;
    expect(planNotifications([minor], ctx({ notifyLevel: () => 'major' })).toasts).toEqual([]);
    expect(planNotifications([degraded], ctx({ notifyLevel: () => 'major' })).toasts).toHaveLength(1);
  });
});

describe('"Tell me when it\'s fixed"', () => {
  const watched = incident('w', { impact: 'minor', title: 'Webhooks delayed' });
  it('notifies once on resolution even when the provider is muted and snoozed, and reports the watch used up', () => {
    const plan = planNotifications([resolved('gh', watched)], ctx({ notifyLevel: () => 'none' }, { snoozed: true, fixWatches: ['w'] }));
    expect(plan.toasts).toEqual([expect.objectContaining({ body: expect.stringMatching(/^Resolved: Webhooks delayed/) })]);
    expect(plan.fixed).toEqual([{ sourceId: 'gh', incidentId: 'w' }]);
  });
  it('updates of a watched incident stay muted; only the resolution passes', () => {
    const update: EngineEvent = { type: 'incident.updated', sourceId: 'gh', provider: 'GitHub', health: 'degraded', at: NOW, previousStatus: 'investigating', incident: { ...watched, status: 'monitoring' } };
    const plan = planNotifications([update], ctx({ notifyLevel: () => 'none' }, { fixWatches: ['w'] }));
    expect(plan).toMatchObject({ toasts: [], fixed: [] });
  });
  it('in quiet hours the fix is held for the summary; during a pause the watch is still used up', () => {
    const quietPlan = planNotifications([resolved('gh', watched)], ctx({ notifyLevel: () => 'none', quiet: { active: true, criticalAlwaysNotifies: true } }, { fixWatches: ['w'] }));
    expect(quietPlan.held).toHaveLength(1);
    const paused = planNotifications([resolved('gh', watched)], ctx({ pausedUntil: NOW + 1 }, { fixWatches: ['w'] }));
    expect(paused).toMatchObject({ toasts: [], fixed: [{ sourceId: 'gh', incidentId: 'w' }] });
  });
});
