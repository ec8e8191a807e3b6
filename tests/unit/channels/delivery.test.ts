import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDeliveryLog } from '../../../shared/channels/delivery-log';
import { createChannelDispatcher } from '../../../shared/channels/dispatcher';
import { createChannelSender, SIGNATURE_HEADER } from '../../../shared/channels/senders';
import type { ChannelConfig, ChannelSecrets } from '../../../shared/channels/types';
import { FakeClock, settle } from '../../support/fake-clock';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { opened, resolved, T0 } from './helpers';

let receiver: WebhookReceiver;
let clock: FakeClock;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  clock = new FakeClock(T0);
});
afterEach(() => receiver.close());

function setup(channels: ChannelConfig[], secrets: Record<string, ChannelSecrets>, warn: string[] = []) {
  const log = createMemoryDeliveryLog();
  const send = createChannelSender({ fetch: (u, i) => fetch(u, i), secrets: { get: async (id) => secrets[id] }, clock });
  const dispatcher = createChannelDispatcher({ channels: () => channels, send, clock, log, random: () => 0.5, warn: (m) => warn.push(m) });
  return { log, dispatcher };
}

/** Let real HTTP exchanges finish while the fake clock stands still. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    await settle();
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(check()).toBe(true);
}

describe('channel delivery to a local receiver', () => {
  it('posts each kind’s payload to its own URL, and the generic webhook signs the body', async () => {
    const channels: ChannelConfig[] = [
      { id: 'slack', kind: 'slack' },
      { id: 'discord', kind: 'discord' },
      { id: 'teams', kind: 'teams' },
      { id: 'hook', kind: 'webhook', url: receiver.url('/hook') },
    ];
    const { dispatcher, log } = setup(channels, {
      slack: { url: receiver.url('/slack') },
      discord: { url: receiver.url('/discord') },
      teams: { url: receiver.url('/teams') },
      hook: { signingSecret: 'k3y-for-tests' },
    });
    dispatcher.handle([opened()]);
    await dispatcher.idle();
    expect(JSON.parse(receiver.received('/slack')[0]!.body).blocks).toHaveLength(3);
    expect(JSON.parse(receiver.received('/discord')[0]!.body).embeds).toHaveLength(1);
    expect(JSON.parse(receiver.received('/teams')[0]!.body).attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const hook = receiver.received('/hook')[0]!;
    const expected = `sha256=${createHmac('sha256', 'k3y-for-tests').update(hook.body).digest('hex')}`;
    expect(hook.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(expected);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hook.body)).toMatchObject({ version: 1, type: 'incident.opened', source: { id: 'github' } });
    expect(log.recent().map((e) => e.outcome)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
  });

  it('a failing channel retries with backoff and gives up, while another gets every alert exactly once, in order', async () => {
    receiver.reply('/bad', { status: 503 });
    const channels: ChannelConfig[] = [
      { id: 'bad', kind: 'slack' },
      { id: 'good', kind: 'discord' },
    ];
    const { dispatcher, log } = setup(channels, { bad: { url: receiver.url('/bad') }, good: { url: receiver.url('/good') } });
    dispatcher.handle([opened()]);
    dispatcher.handle([resolved()]);
    await until(() => receiver.received('/good').length === 2 && receiver.received('/bad').length === 1);
    // The good channel did not wait for the bad one's retries.
    expect(receiver.received('/good').map((r) => JSON.parse(r.body).embeds[0].title)).toEqual([
      'New incident — GitHub: Database query delays',
      'Resolved — GitHub: Database query delays',
    ]);
    // Drive the bad channel through all its retries on the fake clock.
    for (let i = 0; i < 20 && receiver.received('/bad').length < 10; i++) {
      await clock.advance(10 * 60_000);
      await until(() => dispatcher.pending().bad === 0 || clock.pending > 0);
    }
    await dispatcher.idle();
    // Five attempts for each of the two alerts, then given up; the good channel still has exactly two.
    expect(receiver.received('/bad')).toHaveLength(10);
    expect(receiver.received('/good')).toHaveLength(2);
    const bad = log.recent({ channelId: 'bad', limit: 100 }).reverse();
    expect(bad.map((e) => e.outcome)).toEqual([...Array(4).fill('retrying'), 'failed', ...Array(4).fill('retrying'), 'failed']);
    expect(bad[0]).toMatchObject({ httpStatus: 503, attempt: 1 });
    // Backoff grows: 5 s, 10 s, 20 s, 40 s ceilings with jitter 0.5 (floored at 1 s).
    expect(bad.slice(0, 4).map((e) => e.nextAttemptAt! - e.at)).toEqual([2_500, 5_000, 10_000, 20_000]);
  });

  it('does not retry a permanent failure, honours Retry-After, and never sends the same event twice', async () => {
    receiver.reply('/gone', { status: 404 });
    receiver.reply('/limited', (n) => (n === 1 ? { status: 429, headers: { 'Retry-After': '30' } } : { status: 204 }));
    const { dispatcher, log } = setup(
      [
        { id: 'gone', kind: 'slack' },
        { id: 'limited', kind: 'teams' },
      ],
      { gone: { url: receiver.url('/gone') }, limited: { url: receiver.url('/limited') } },
    );
    const event = opened();
    dispatcher.handle([event]);
    dispatcher.handle([event]);
    await until(() => log.recent().length === 2);
    expect(log.recent({ channelId: 'gone' })[0]).toMatchObject({ outcome: 'failed', httpStatus: 404 });
    const retry = log.recent({ channelId: 'limited' })[0]!;
    expect(retry.nextAttemptAt! - retry.at).toBe(30_000);
    await clock.advance(29_000);
    expect(receiver.received('/limited')).toHaveLength(1);
    await clock.advance(1_000);
    await dispatcher.idle();
    expect(receiver.received('/limited')).toHaveLength(2);
    expect(receiver.received('/gone')).toHaveLength(1);
  });

  it('applies each channel’s filter and skips disabled channels', async () => {
    const { dispatcher } = setup(
      [
        { id: 'all', kind: 'slack' },
        { id: 'critical', kind: 'slack', filter: { minImpact: 'critical' } },
        { id: 'off', kind: 'slack', enabled: false },
      ],
      { all: { url: receiver.url('/all') }, critical: { url: receiver.url('/critical') }, off: { url: receiver.url('/off') } },
    );
    dispatcher.handle([opened({ impact: 'major' })]);
    await dispatcher.idle();
    expect(receiver.received('/all')).toHaveLength(1);
    expect(receiver.received('/critical')).toHaveLength(0);
    expect(receiver.received('/off')).toHaveLength(0);
  });

  it('send-test reports success and failure without echoing the secret URL', async () => {
    receiver.reply('/secret-token-abc/broken', { status: 400 });
    const { dispatcher, log } = setup([], { ok: { url: receiver.url('/test') }, broken: { url: receiver.url('/secret-token-abc/broken') }, none: {} });
    expect(await dispatcher.sendTest({ id: 'ok', kind: 'slack', name: 'Ops' })).toEqual({ ok: true });
    expect(JSON.parse(receiver.received('/test')[0]!.body).blocks[1].text.text).toContain('"Ops" channel');
    const broken = await dispatcher.sendTest({ id: 'broken', kind: 'discord' });
    expect(broken).toMatchObject({ ok: false, httpStatus: 400 });
    expect(await dispatcher.sendTest({ id: 'none', kind: 'teams' })).toEqual({ ok: false, error: 'The webhook URL is missing.' });
    const closed = await startWebhookReceiver();
    const deadUrl = closed.url('/secret-token-abc');
    await closed.close();
    const { dispatcher: d2 } = setup([], { dead: { url: deadUrl } });
    const dead = await d2.sendTest({ id: 'dead', kind: 'slack' });
    expect(dead.ok).toBe(false);
    for (const e of [...log.recent(), dead]) expect(JSON.stringify(e)).not.toContain('secret-token-abc');
  });

  it('handle() returns before any request is answered', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const log = createMemoryDeliveryLog();
    const dispatcher = createChannelDispatcher({
      channels: () => [{ id: 'slow', kind: 'slack' }],
      send: () => slow,
      clock,
      log,
    });
    dispatcher.handle([opened()]);
    expect(dispatcher.pending()).toEqual({ slow: 1 });
    release();
    await dispatcher.idle();
    expect(log.recent()[0]!.outcome).toBe('delivered');
  });
});
