/**
 * Alert channels in the desktop app: the channel list in `channels.json` (no secrets; validated, recovered
 * like settings.json) and the secrets in `channel-secrets.json`, each channel's encrypted with Electron's
 * `safeStorage` (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux). A secret is never written in
 * plain text: without a keychain — or with Linux's `basic_text` fallback, whose key is hard-coded — saving a
 * secret fails with a message saying why.
 */
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { createChannelManager, type ChannelManager, type ChannelStore, type SecretStore } from '../shared/app/channel-manager';
import { channelConfigSchema } from '../shared/channels/config';
import { createMemoryDeliveryLog, type DeliveryLog } from '../shared/channels/delivery-log';
import { createChannelDispatcher, type ChannelDispatcher } from '../shared/channels/dispatcher';
import { createChannelSender } from '../shared/channels/senders';
import { createNodemailerPort } from '../shared/platform/node/mail';
import { systemClock, type FetchPort } from '../shared/engine/ports';
import type { ChannelConfig, ChannelSecrets } from '../shared/channels/types';
import { loadJsonWithRecovery, writeFileAtomic } from '../shared/platform/node/json-file';

/** File names inside the app's data directory. */
export const CHANNELS_FILE = 'channels.json';
export const CHANNEL_SECRETS_FILE = 'channel-secrets.json';

const channelsFileSchema = z.object({ version: z.literal(1), channels: z.array(channelConfigSchema).max(100) });
const secretsFileSchema = z.record(z.string(), z.string().max(65_536));

/** `channels.json` as a `ChannelStore`. A damaged file gives its backup or no channels (never a crash). */
export function openChannelStore(dir: string, now: () => number = Date.now): ChannelStore {
  const path = join(dir, CHANNELS_FILE);
  let current: ChannelConfig[] =
    loadJsonWithRecovery(path, (raw) => channelsFileSchema.safeParse(raw).data, now, 'Your alert channels').value?.channels ?? [];
  return {
    get: () => current,
    set(channels) {
      writeFileAtomic(path, JSON.stringify({ version: 1, channels }, null, 2));
      current = channels;
    },
  };
}

/** Why secrets cannot be stored safely here, or undefined when they can. */
export function keychainProblem(): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) return 'The system keychain is not available, so the secret was not saved.';
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'No keyring (GNOME Keyring or KWallet) is running, so the secret was not saved: it would be stored unprotected.';
  }
  return undefined;
}

/** `channel-secrets.json` encrypted per channel with safeStorage, as a `SecretStore`. */
export function createSafeStorageSecrets(dir: string, now: () => number = Date.now): SecretStore {
  const path = join(dir, CHANNEL_SECRETS_FILE);
  const load = (): Record<string, string> =>
    Object.assign(Object.create(null), loadJsonWithRecovery(path, (raw) => secretsFileSchema.safeParse(raw).data, now, 'Saved channel secrets').value ?? {});
  return {
    async get(channelId) {
      const sealed = load()[channelId];
      if (!sealed) return undefined;
      // A keychain that was reset cannot open old secrets: report "missing", the user enters them again.
      try {
        return JSON.parse(safeStorage.decryptString(Buffer.from(sealed, 'base64'))) as ChannelSecrets;
      } catch {
        return undefined;
      }
    },
    async set(channelId, secrets) {
      const problem = keychainProblem();
      if (problem) throw new Error(problem);
      const all = load();
      all[channelId] = safeStorage.encryptString(JSON.stringify(secrets)).toString('base64');
      writeFileAtomic(path, JSON.stringify(all));
    },
    async delete(channelId) {
      const all = load();
      if (!(channelId in all)) return;
      delete all[channelId];
      writeFileAtomic(path, JSON.stringify(all));
    },
  };
}

/** The app's channel machinery, wired: the dispatcher the controller feeds, and the manager behind it. */
export interface AppChannels {
  dispatcher: ChannelDispatcher;
  manager: ChannelManager;
}

/**
 * Build the app's channels on `dir` (the userData folder). Webhooks go through `fetch` (Chromium's network
 * stack, like every other request of the app); email through nodemailer. Deliveries are logged in `log`
 * (status.db's `channel_deliveries`, electron/store.ts); without one, in memory for this session.
 */
export function setupAppChannels(dir: string, fetch: FetchPort, userAgent: string, warn: (message: string) => void, log: DeliveryLog = createMemoryDeliveryLog()): AppChannels {
  const store = openChannelStore(dir);
  const secrets = createSafeStorageSecrets(dir);
  const send = createChannelSender({ fetch, mail: createNodemailerPort(), secrets, clock: systemClock, userAgent });
  // The dispatcher reads the channel list through the manager, which needs the dispatcher for "Send test".
  const dispatcher = createChannelDispatcher({ channels: () => manager.channels(), send, clock: systemClock, log, warn });
  const manager: ChannelManager = createChannelManager({ store, secrets, dispatcher, log, warn });
  return { dispatcher, manager };
}
