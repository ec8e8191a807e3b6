import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/engine/events';
import { planNotifications } from '../../../shared/presentation/notifications';
import { createRateLimiter } from '../../../shared/presentation/rate-limiter';

const T = Date.UTC(2026, 10, 21, 12);
const change = (previousHealth: EngineEvent['health'], health: EngineEvent['health'], endpointCheck?: true): EngineEvent => ({
  type: 'provider.health-changed',
  sourceId: 'api',
  provider: 'Our API',
  health,
  previousHealth,
  at: T,
  ...(endpointCheck ? { endpointCheck } : {}),
});

describe('desktop notifications for endpoint checks', () => {
  it('toasts a check going down and coming back up, once each', () => {
    const ctx = { notifyLevel: () => 'all' as const, pausedUntil: null, now: T, limiter: createRateLimiter() };
    const down = planNotifications([change('operational', 'major_outage', true)], ctx);
    const up = planNotifications([change('major_outage', 'operational', true)], { ...ctx, now: T + 60_000 });
    expect(down.toasts.map((t) => [t.title, t.body])).toEqual([['Our API — Major outage', 'Was operational.']]);
    expect(up.toasts.map((t) => [t.title, t.body])).toEqual([['Our API — Operational', 'Was major outage.']]);
  });

  it('stays silent for a vendor health change and for a check set to notify none', () => {
    const ctx = { notifyLevel: () => 'all' as const, pausedUntil: null, now: T, limiter: createRateLimiter() };
    expect(planNotifications([change('operational', 'major_outage')], ctx).toasts).toEqual([]);
    expect(planNotifications([change('operational', 'major_outage', true)], { ...ctx, notifyLevel: () => 'none' as const }).toasts).toEqual([]);
  });
});
