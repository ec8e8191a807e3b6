import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planNotifications } from '../../../../shared/presentation/notifications';
import { createRateLimiter } from '../../../../shared/presentation/rate-limiter';
import { engineTracker } from '../harness';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';

const engines = engineTracker();
let server: WebhookReceiver;
beforeEach(async () => {
  server = await startWebhookReceiver();
});
afterEach(async () => {
  await engines.closeAll();
  await server.close();
});

describe('desktop notifications for endpoint checks', () => {
  it('toasts a check going down and coming back up, once each (the check’s component names what changed)', async () => {
    let healthy = true;
    server.reply('/health', () => (healthy ? { status: 200 } : { status: 500 }));
    const t = engines.make([{ id: 'api', name: 'Our API', url: server.url('/health'), check: { retries: 0 } }]);
    await t.engine.checkNow();
    healthy = false;
    await t.engine.checkNow();
    healthy = true;
    await t.engine.checkNow();
    const limiter = createRateLimiter();
    const plan = (i: number) => planNotifications(t.events.slice(i, i + 1), { notifyLevel: () => 'all', pausedUntil: null, now: t.clock.now(), limiter });
    expect(t.events.map((e) => e.type)).toEqual(['source.baselined', 'provider.health-changed', 'provider.health-changed']);
    expect(plan(1).toasts.map((x) => x.title)).toEqual([`Our API — Major outage: GET ${server.url('/health')} down`]);
    expect(plan(2).toasts).toHaveLength(1);
    expect(plan(2).toasts[0]!.title).toMatch(/^Our API — Operational/);
    expect(planNotifications(t.events.slice(1, 2), { notifyLevel: () => 'none', pausedUntil: null, now: t.clock.now(), limiter }).toasts).toEqual([]);
  });
});
