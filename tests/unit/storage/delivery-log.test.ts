/**
 * The alert channels' delivery log in status.db: attempts recorded and read back newest first, kept across a
 * reopen, bounded by the history retention and a per-channel cap, and — wired to the real dispatcher and a
 * local receiver — a failing channel's every attempt is logged while the other channel gets each event once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelDispatcher } from '../../../shared/channels/dispatcher';
import { createChannelSender } from '../../../shared/channels/senders';
import type { ChannelConfig } from '../../../shared/channels/types';
import type { DeliveryEntry } from '../../../shared/domain/channel';
import { MAX_DELIVERIES_PER_CHANNEL, openStatusDatabase, pruneHistory, type StatusDatabase } from '../../../shared/storage/sqlite';
import { FakeClock, settle } from '../../support/fake-clock';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { opened, resolved, T0 } from '../channels/helpers';

const DAY = 86_400_000;
let dir: string;
let dbs: StatusDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-deliveries-'));
});
afterEach(() => {
  for (const d of dbs) if (d.db.open) d.close();
  dbs = [];
  rmSync(dir, { recursive: true, force: true });
});

async function open(warn?: (m: string) => void): Promise<StatusDatabase> {
  const d = await openStatusDatabase(join(dir, 'status.db'), { now: () => T0, ...(warn ? { warn } : {}) });
  dbs.push(d);
  return d;
}

const entry = (over: Partial<DeliveryEntry>): DeliveryEntry => ({ channelId: 'hook', alertId: 'a1', alertType: 'incident.opened', outcome: 'delivered', attempt: 1, at: T0, ...over });

describe('SQLite delivery log', () => {
  it('reads entries back newest first, per channel, with every field, after a reopen', async () => {
    const a = await open();
    a.deliveries.record(entry({ alertId: 'a1', outcome: 'retrying', httpStatus: 503, error: 'The receiver answered 503.', nextAttemptAt: T0 + 5_000 }));
    a.deliveries.record(entry({ alertId: 'a1', outcome: 'delivered', attempt: 2, at: T0 + 5_000 }));
    a.deliveries.record(entry({ channelId: 'mail', alertId: 'a1', at: T0 + 1_000 }));
    // Same instant as the previous hook entry: insertion order decides.
    a.deliveries.record(entry({ alertId: 'a2', at: T0 + 5_000 }));
    a.close();
    const b = await open();
    expect(b.deliveries.recent({ channelId: 'hook' }).map((e) => [e.alertId, e.attempt])).toEqual([['a2', 1], ['a1', 2], ['a1', 1]]);
    expect(b.deliveries.recent({ channelId: 'hook' }).at(-1)).toEqual(entry({ outcome: 'retrying', httpStatus: 503, error: 'The receiver answered 503.', nextAttemptAt: T0 + 5_000 }));
    expect(b.deliveries.recent({ limit: 2 }).map((e) => e.channelId)).toEqual(['hook', 'hook']);
    expect(b.deliveries.recent({ channelId: 'mail' })).toHaveLength(1);
  });

  it('is pruned with the history retention and capped per channel', async () => {
    const d = await open();
    d.deliveries.record(entry({ alertId: 'old', at: T0 - 91 * DAY }));
    d.deliveries.record(entry({ alertId: 'recent', at: T0 - DAY }));
    const insert = d.db.prepare("INSERT INTO channel_deliveries (channel_id, alert_id, alert_type, outcome, attempt, at) VALUES ('busy', ?, 'test', 'failed', 1, ?)");
    d.db.transaction(() => {
      for (let i = 0; i < MAX_DELIVERIES_PER_CHANNEL + 3; i++) insert.run(`b${i}`, T0 - DAY + i);
    })();
    const pruned = pruneHistory(d.db, T0 - 90 * DAY);
    expect(pruned.deliveries).toBe(1 + 3);
    expect(d.deliveries.recent({ channelId: 'hook' }).map((e) => e.alertId)).toEqual(['recent']);
    const busy = d.db.prepare("SELECT COUNT(*) AS n FROM channel_deliveries WHERE channel_id = 'busy'").get() as { n: number };
    expect(busy.n).toBe(MAX_DELIVERIES_PER_CHANNEL);
    // The newest survive: b0..b2 went.
    expect(d.deliveries.recent({ channelId: 'busy', limit: 1 })[0]!.alertId).toBe(`b${MAX_DELIVERIES_PER_CHANNEL + 2}`);
    expect(d.db.prepare("SELECT COUNT(*) AS n FROM channel_deliveries WHERE alert_id IN ('b0','b1','b2')").get()).toEqual({ n: 0 });
  });

  it('never throws when the database cannot take the entry, and says why', async () => {
    const warnings: string[] = [];
    const d = await open((m) => warnings.push(m));
    d.close();
    expect(() => d.deliveries.record(entry({}))).not.toThrow();
    expect(d.deliveries.recent()).toEqual([]);
    expect(warnings[0]).toMatch(/delivery log could not be written/);
  });
});

describe('dispatcher with the database log', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  it('logs every attempt of a failing channel, and the other channel gets each event exactly once', async () => {
    const clock = new FakeClock(T0);
    const d = await open();
    receiver.reply('/bad', { status: 500 });
    const channels: ChannelConfig[] = [
      { id: 'bad', kind: 'webhook', url: receiver.url('/bad') },
      { id: 'good', kind: 'webhook', url: receiver.url('/good') },
    ];
    const send = createChannelSender({ fetch: (u, i) => fetch(u, i), secrets: { get: async () => undefined }, clock });
    const dispatcher = createChannelDispatcher({ channels: () => channels, send, clock, log: d.deliveries, random: () => 0.5 });
    const events = [opened(), resolved()];
    dispatcher.handle(events);
    // The same poll's events handed over again (a listener called twice) must not be sent again.
    dispatcher.handle(events);
    for (let i = 0; i < 200 && (receiver.received('/good').length < 2 || receiver.received('/bad').length < 10); i++) {
      await settle();
      await new Promise((r) => setTimeout(r, 5));
      if (clock.pending > 0) await clock.advance(10 * 60_000);
    }
    await dispatcher.idle();
    expect(receiver.received('/good').map((r) => JSON.parse(r.body).type)).toEqual(['incident.opened', 'incident.resolved']);
    expect(receiver.received('/bad')).toHaveLength(10);

    const good = d.deliveries.recent({ channelId: 'good' }).reverse();
    expect(good.map((e) => [e.alertType, e.outcome])).toEqual([['incident.opened', 'delivered'], ['incident.resolved', 'delivered']]);
    const bad = d.deliveries.recent({ channelId: 'bad' }).reverse();
    expect(bad.map((e) => `${e.alertType}#${e.attempt}:${e.outcome}`)).toEqual([
      ...[1, 2, 3, 4].map((n) => `incident.opened#${n}:retrying`),
      'incident.opened#5:failed',
      ...[1, 2, 3, 4].map((n) => `incident.resolved#${n}:retrying`),
      'incident.resolved#5:failed',
    ]);
    expect(bad.every((e) => e.httpStatus === 500)).toBe(true);
    // Each alert id is one event key across both channels.
    expect(new Set(bad.map((e) => e.alertId))).toEqual(new Set(good.map((e) => e.alertId)));
    dispatcher.dispose();
  });
});
