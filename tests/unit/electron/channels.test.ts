import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppController } from '../../../shared/app/controller';
import { FakeClock, FakeEngine, MemorySettings, opened, incident } from '../app/helpers';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';

vi.mock('electron', () => import('./electron-double'));
const { safeStorage } = await import('./electron-double');
const { createSafeStorageSecrets, openChannelStore, setupAppChannels, CHANNELS_FILE, CHANNEL_SECRETS_FILE } = await import('../../../electron/channels');

let dir: string;
let receiver: WebhookReceiver;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-channels-'));
  receiver = await startWebhookReceiver();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => receiver.close());

describe('safeStorage secrets', () => {
  it('stores secrets encrypted, never in plain text, and reads them back', async () => {
    const secrets = createSafeStorageSecrets(dir);
    await secrets.set('slack', { url: 'https://hooks.slack.com/services/T0/B0/plain-token' });
    const onDisk = readFileSync(join(dir, CHANNEL_SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain('plain-token');
    expect(onDisk).not.toContain('hooks.slack.com');
    expect(await secrets.get('slack')).toEqual({ url: 'https://hooks.slack.com/services/T0/B0/plain-token' });
    await secrets.delete('slack');
    expect(await secrets.get('slack')).toBeUndefined();
  });

  it('refuses to store a secret without a keychain, and on Linux with the basic_text fallback', async () => {
    const secrets = createSafeStorageSecrets(dir);
    safeStorage.available = false;
    await expect(secrets.set('a', { password: 'pw' })).rejects.toThrow(/keychain is not available/);
    safeStorage.available = true;
    safeStorage.backend = 'basic_text';
    if (process.platform === 'linux') await expect(secrets.set('a', { password: 'pw' })).rejects.toThrow(/unprotected/);
  });

  it('treats a secret the keychain can no longer open as missing', async () => {
    const secrets = createSafeStorageSecrets(dir);
    await secrets.set('a', { password: 'pw' });
    const decrypt = safeStorage.decryptString;
    safeStorage.decryptString = () => {
      throw new Error('key changed');
    };
    try {
      expect(await secrets.get('a')).toBeUndefined();
    } finally {
      safeStorage.decryptString = decrypt;
    }
  });
});

describe('app channels through the controller', () => {
  it('delivers engine events to a channel saved in the app, whose secret stays out of channels.json', async () => {
    const { manager, dispatcher } = setupAppChannels(dir, (u, i) => fetch(u, i), 'StatusTray/test', () => undefined);
    const saved = await manager.save({ id: 'team', kind: 'slack', name: 'Team' }, { url: receiver.url('/slack/T0/B0/token-xyz') });
    expect(saved.ok).toBe(true);
    expect(readFileSync(join(dir, CHANNELS_FILE), 'utf8')).not.toContain('token-xyz');
    expect((await manager.list())).toEqual({ ok: true, value: [{ channel: { id: 'team', kind: 'slack', name: 'Team' }, secretsSet: ['url'] }] });

    const engine = new FakeEngine();
    const controller = createAppController({ engine, settings: new MemorySettings(), preview: async () => ({ ok: false, error: { code: 'internal', message: '' } }) as never, clock: new FakeClock(), alerts: dispatcher });
    engine.emitEvents([opened('github', incident('inc-9', { impact: 'major' }))]);
    await dispatcher.idle();
    const [req] = receiver.received('/slack/T0/B0/token-xyz');
    expect(JSON.parse(req!.body).text).toContain('GitHub: Incident inc-9');
    expect(manager.deliveries('team')).toMatchObject({ ok: true, value: [{ outcome: 'delivered', channelId: 'team' }] });

    expect(await manager.test('team')).toEqual({ ok: true, value: { ok: true } });
    expect(receiver.received('/slack/T0/B0/token-xyz')).toHaveLength(2);
    controller.dispose();
    dispatcher.dispose();

    // Reopened from disk: the channel and its secret are still there.
    expect(openChannelStore(dir).get()).toEqual([{ id: 'team', kind: 'slack', name: 'Team' }]);
  });

  it('rejects an invalid channel and keeps nothing of it', async () => {
    const { manager } = setupAppChannels(dir, (u, i) => fetch(u, i), 'StatusTray/test', () => undefined);
    const r = await manager.save({ id: 'x', kind: 'webhook', url: 'ftp://nope' }, { signingSecret: 'k' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(manager.channels()).toEqual([]);
    expect(await createSafeStorageSecrets(dir).get('x')).toBeUndefined();
  });
});
