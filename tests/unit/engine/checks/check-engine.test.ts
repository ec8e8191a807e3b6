import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDeliveryLog } from '../../../../shared/channels/delivery-log';
import { createChannelDispatcher } from '../../../../shared/channels/dispatcher';
import { createChannelSender } from '../../../../shared/channels/senders';
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

describe('an endpoint check in the engine', () => {
  it('goes down and up, emitting one health change each way, which reaches a channel once each way', async () => {
    let healthy = true;
    server.reply('/api/health', () => (healthy ? { status: 200, body: '{"status":"ok"}' } : { status: 503, body: 'overloaded' }));
    const t = engines.make([{ id: 'api', url: server.url('/api/health'), name: 'Our API', intervalSeconds: 60, check: { expectStatus: [200], contains: '"ok"', retries: 0 } }]);
    const log = createMemoryDeliveryLog();
    const dispatcher = createChannelDispatcher({
      channels: () => [{ id: 'ops', kind: 'webhook', url: server.url('/hook') }],
      send: createChannelSender({ fetch: (u, i) => fetch(u, i), secrets: { get: async () => undefined }, clock: t.clock }),
      clock: t.clock,
      log,
    });
    t.engine.subscribe({ onEvents: (e) => dispatcher.handle(e) });

    await t.engine.checkNow();
    expect(t.events.map((e) => e.type)).toEqual(['source.baselined']);
    const up = t.engine.snapshot().sources[0]!;
    expect(up).toMatchObject({ name: 'Our API', health: 'operational' });
    expect(up.status?.check).toMatchObject({ outcome: 'up', httpStatus: 200 });

    healthy = false;
    await t.engine.checkNow();
    await t.engine.checkNow();
    healthy = true;
    await t.engine.checkNow();
    await t.engine.checkNow();

    const changes = t.events.filter((e) => e.type === 'provider.health-changed');
    expect(changes.map((e) => [e.previousHealth, e.health])).toEqual([
      ['operational', 'major_outage'],
      ['major_outage', 'operational'],
    ]);
    await dispatcher.idle();
    const alerts = server.received('/hook').map((r) => JSON.parse(r.body));
    expect(alerts.map((a) => [a.type, a.previousHealth, a.health])).toEqual([
      ['provider.health-changed', 'operational', 'major_outage'],
      ['provider.health-changed', 'major_outage', 'operational'],
    ]);
    expect(alerts[0].title).toBe('Our API: Major outage');
    // A down endpoint is a working check, not a source error.
    expect(t.engine.snapshot().sources[0]!.lastError).toBeUndefined();
    dispatcher.dispose();
  });

  it('keeps the check observation through a restart of the state store', async () => {
    server.reply('/ok', { status: 200 });
    const t = engines.make([{ id: 'c', url: server.url('/ok'), check: { retries: 0 } }]);
    await t.engine.checkNow();
    expect(t.store.state.sources.c!.lastStatus?.check).toMatchObject({ outcome: 'up', httpStatus: 200 });
    expect(t.store.state.sources.c!.lastStatus?.format).toBe('endpoint-check');
  });
});
