/**
 * The settings window's channel calls through main's IPC guard to the controller and the channel manager:
 * payloads are validated, secrets go in but never come back out, "Send test" reports the receiver's answer,
 * and the delivery log is read per channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppController } from '../../../shared/app/controller';
import { createChannelManager, type ChannelStore, type SecretStore } from '../../../shared/app/channel-manager';
import { createMemoryDeliveryLog } from '../../../shared/channels/delivery-log';
import { createChannelDispatcher } from '../../../shared/channels/dispatcher';
import { createChannelSender } from '../../../shared/channels/senders';
import type { ChannelConfig, ChannelSecrets } from '../../../shared/domain/channel';
import type { StatusTrayApi } from '../../../shared/ipc/contract';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { FakeClock, FakeEngine, MemorySettings, throughIpc } from './helpers';

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(() => receiver.close());

function setup(withChannels = true) {
  const clock = new FakeClock();
  let list: ChannelConfig[] = [];
  const vault = new Map<string, ChannelSecrets>();
  const store: ChannelStore = { get: () => list, set: (c) => void (list = c) };
  const secrets: SecretStore = {
    get: async (id) => vault.get(id),
    set: async (id, s) => void vault.set(id, s),
    delete: async (id) => void vault.delete(id),
  };
  const log = createMemoryDeliveryLog();
  const send = createChannelSender({ fetch: (u, i) => fetch(u, i), secrets, clock });
  const dispatcher = createChannelDispatcher({ channels: () => manager.channels(), send, clock, log });
  const manager = createChannelManager({ store, secrets, dispatcher, log });
  const controller = createAppController({ engine: new FakeEngine(), settings: new MemorySettings(), preview: async () => ({ ok: false, error: { code: 'internal', message: 'n/a' } }), clock, ...(withChannels ? { channels: manager } : {}) });
  return { api: throughIpc(controller) as StatusTrayApi, vault, stored: () => list };
}

describe('channel IPC', () => {
  it('stores a secret typed in the window and never returns it', async () => {
    const { api, vault } = setup();
    const url = receiver.url('/T000/B000/secret-token');
    const saved = await api.saveChannel({ id: 'team', kind: 'slack', name: 'Team' }, { url });
    expect(saved).toEqual({ ok: true, value: { channel: { id: 'team', kind: 'slack', name: 'Team' }, secretsSet: ['url'] } });
    expect(vault.get('team')).toEqual({ url });
    const listed = await api.listChannels();
    expect(listed).toEqual({ ok: true, value: [{ channel: { id: 'team', kind: 'slack', name: 'Team' }, secretsSet: ['url'] }] });
    expect(JSON.stringify(listed)).not.toContain('secret-token');
    // Editing without typing the URL again keeps the stored one; the channel keeps its place.
    await api.saveChannel({ id: 'other', kind: 'webhook', url: receiver.url('/hook') }, {});
    const edited = await api.saveChannel({ id: 'team', kind: 'slack', name: 'Team', filter: { minImpact: 'major' } }, { url: '' });
    expect(edited.ok).toBe(true);
    expect(vault.get('team')).toEqual({ url });
    const after = await api.listChannels();
    expect(after.ok && after.value.map((v) => v.channel.id)).toEqual(['team', 'other']);
  });

  it('refuses a chat channel without its webhook URL, secrets hidden in the configuration, and bad payloads', async () => {
    const { api, stored } = setup();
    expect(await api.saveChannel({ id: 'd', kind: 'discord' }, {})).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: 'Enter the webhook URL the service gave you.' } });
    // A secret smuggled into the configuration (which is stored in plain JSON) is refused by the strict schema.
    const smuggled = await api.saveChannel({ id: 'd', kind: 'discord', url: 'https://discord.com/api/webhooks/1/x' } as unknown as ChannelConfig, {});
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await api.saveChannel({ id: 'd', kind: 'discord' }, { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await api.saveChannel({ id: '../evil', kind: 'webhook', url: 'https://x.example' }, {})).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await api.testChannel('__proto__')).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(stored()).toEqual([]);
  });

  it('Send test reports delivery and failure, and both land in that channel’s delivery log', async () => {
    const { api } = setup();
    receiver.reply('/broken', { status: 403 });
    await api.saveChannel({ id: 'good', kind: 'webhook', url: receiver.url('/good') }, { signingSecret: 'k' });
    await api.saveChannel({ id: 'bad', kind: 'teams' }, { url: receiver.url('/broken') });
    expect(await api.testChannel('good')).toEqual({ ok: true, value: { ok: true } });
    expect(await api.testChannel('bad')).toEqual({ ok: true, value: { ok: false, error: 'The webhook answered HTTP 403.', httpStatus: 403 } });
    expect(receiver.received('/good')).toHaveLength(1);
    const good = await api.getChannelDeliveries('good');
    expect(good.ok && good.value.map((e) => [e.alertType, e.outcome])).toEqual([['test', 'delivered']]);
    const bad = await api.getChannelDeliveries('bad', 5);
    expect(bad.ok && bad.value.map((e) => [e.outcome, e.httpStatus])).toEqual([['failed', 403]]);
    expect(await api.getChannelDeliveries('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.removeChannel('bad')).toEqual({ ok: true, value: null });
    expect(await api.testChannel('bad')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('without a channel manager every call says channels are unavailable', async () => {
    const { api } = setup(false);
    expect(await api.listChannels()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
