/**
 * The app's alert channels: list, add or change, remove, "Send test", and the delivery log — behind ports so
 * the desktop app (channels.json + Electron safeStorage, electron/channels.ts) and tests (memory) share it.
 * Channel configuration and secrets are stored apart: `ChannelStore` never sees a secret, and no method
 * returns one (`list` says only which secrets are set). Every method resolves to a `Result`; none throws.
 */
import { channelConfigSchema } from '../channels/config';
import type { DeliveryEntry, DeliveryLog } from '../channels/delivery-log';
import type { ChannelDispatcher, TestResult } from '../channels/dispatcher';
import type { ChannelConfig, ChannelSecrets, SecretSource } from '../channels/types';
import { SECRET_URL_KINDS, type ChannelView } from '../domain/channel';
import type { Result } from '../ipc/contract';
import { fail } from '../ipc/contract';

/** Persistence of the channel list (no secrets). `set` may throw (disk full). */
export interface ChannelStore {
  get(): ChannelConfig[];
  set(channels: ChannelConfig[]): void;
}

/** Where secrets are kept. `set` rejects when they cannot be stored safely (no OS keychain). */
export interface SecretStore extends SecretSource {
  set(channelId: string, secrets: ChannelSecrets): Promise<void>;
  delete(channelId: string): Promise<void>;
}

export type { ChannelView } from '../domain/channel';

/** What `createChannelManager` needs. */
export interface ChannelManagerDeps {
  store: ChannelStore;
  secrets: SecretStore;
  dispatcher: ChannelDispatcher;
  log: DeliveryLog;
  warn?: (message: string) => void;
}

/** The manager. */
export interface ChannelManager {
  /** The channels in force (what the dispatcher reads). */
  channels(): ChannelConfig[];
  list(): Promise<Result<ChannelView[]>>;
  /**
   * Add or replace the channel with this id. Secrets given (non-empty) replace the stored ones; omitted or
   * empty ones are kept. A Slack, Discord or Teams channel needs its webhook URL, given now or stored before.
   * @returns the channel as `list` shows it (which secrets are set, never their values).
   */
  save(channel: unknown, secrets?: ChannelSecrets): Promise<Result<ChannelView>>;
  remove(id: string): Promise<Result<null>>;
  /** "Send test": one test alert through the channel, now. */
  test(id: string): Promise<Result<TestResult>>;
  deliveries(channelId?: string, limit?: number): Result<DeliveryEntry[]>;
}

/** Create the manager. */
export function createChannelManager(deps: ChannelManagerDeps): ChannelManager {
  const warn = deps.warn ?? (() => undefined);
  let channels = safeGet();

  function safeGet(): ChannelConfig[] {
    try {
      return deps.store.get();
    } catch (err) {
      warn(`Reading the channels failed: ${(err as Error)?.message ?? err}`);
      return [];
    }
  }

  return {
    channels: () => channels,
    async list() {
      const views: ChannelView[] = [];
      for (const channel of channels) {
        const stored = await deps.secrets.get(channel.id).catch(() => undefined);
        views.push({ channel, secretsSet: secretKeys(stored) });
      }
      return { ok: true, value: views };
    },
    async save(input, secrets) {
      const parsed = channelConfigSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail('invalid-payload', `${issue?.path.join('.') || 'channel'}: ${issue?.message ?? 'invalid'}`);
      }
      const channel = parsed.data as ChannelConfig;
      if (secrets && Object.values(secrets).some((v) => v !== undefined && typeof v !== 'string')) return fail('invalid-payload', 'Secrets must be text.');
      const given = Object.fromEntries(Object.entries(secrets ?? {}).filter(([, v]) => v)) as ChannelSecrets;
      const kept = (await deps.secrets.get(channel.id).catch(() => undefined)) ?? {};
      const merged: ChannelSecrets = { ...kept, ...given };
      if (SECRET_URL_KINDS.includes(channel.kind) && !merged.url) return fail('invalid-payload', 'Enter the webhook URL the service gave you.');
      try {
        if (Object.keys(given).length > 0) await deps.secrets.set(channel.id, merged);
      } catch (err) {
        return fail('internal', (err as Error)?.message || 'The secret could not be stored.');
      }
      // An edited channel keeps its place in the list.
      const next = channels.some((c) => c.id === channel.id) ? channels.map((c) => (c.id === channel.id ? channel : c)) : [...channels, channel];
      try {
        deps.store.set(next);
      } catch (err) {
        warn(`Saving the channels failed: ${(err as Error)?.message ?? err}`);
        return fail('internal', 'The channels could not be saved.');
      }
      channels = next;
      return { ok: true, value: { channel, secretsSet: secretKeys(merged) } };
    },
    async remove(id) {
      if (!channels.some((c) => c.id === id)) return fail('not-found', 'That channel no longer exists.');
      const next = channels.filter((c) => c.id !== id);
      try {
        deps.store.set(next);
      } catch {
        return fail('internal', 'The channels could not be saved.');
      }
      channels = next;
      await deps.secrets.delete(id).catch((err: unknown) => warn(`Deleting a channel's secrets failed: ${(err as Error)?.message ?? err}`));
      return { ok: true, value: null };
    },
    async test(id) {
      const channel = channels.find((c) => c.id === id);
      if (!channel) return fail('not-found', 'That channel no longer exists.');
      return { ok: true, value: await deps.dispatcher.sendTest(channel) };
    },
    deliveries(channelId, limit) {
      return { ok: true, value: deps.log.recent({ ...(channelId ? { channelId } : {}), ...(limit ? { limit } : {}) }) };
    },
  };
}

/** Which secrets are set (non-empty), never their values. */
function secretKeys(secrets: ChannelSecrets | undefined): Array<keyof ChannelSecrets> {
  return (Object.keys(secrets ?? {}) as Array<keyof ChannelSecrets>).filter((k) => Boolean(secrets?.[k]));
}
