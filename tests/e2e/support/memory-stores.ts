/**
 * In-memory stand-ins for the app's persistent stores (electron-store in the app): the engine's
 * `StateStore`, the controller's `SettingsStore`, and the alert channels' list and secrets. Copies in and out, like a real store, so nothing
 * shares references with the engine's live state.
 */
import type { EngineState } from '../../../shared/engine/state';
import type { StateReadResult, StateStore } from '../../../shared/engine/ports';
import type { SettingsStore } from '../../../shared/app/controller';
import type { AppSettings } from '../../../shared/ipc/contract';
import type { ChannelStore, SecretStore } from '../../../shared/app/channel-manager';
import type { ChannelConfig, ChannelSecrets } from '../../../shared/domain/channel';

/**
 * A state store; `recoveryReason` makes its first read report a recovered (damaged) store, and `failWith`
 * (an errno code such as ENOSPC) makes every write reject as a full or read-only disk would.
 */
export function memoryStateStore(recoveryReason?: string, failWith?: string): StateStore & { written(): EngineState | undefined } {
  let stored: EngineState | undefined;
  let firstRead = true;
  return {
    location: '/e2e/state.json',
    async read(): Promise<StateReadResult> {
      const recovered = firstRead && recoveryReason !== undefined;
      firstRead = false;
      return { state: stored && structuredClone(stored), recovered, ...(recovered ? { recoveryReason } : {}) };
    },
    async write(state) {
      const copy = structuredClone(state);
      if (failWith) throw Object.assign(new Error(`${failWith}: injected`), { code: failWith });
      stored = copy;
    },
    written: () => stored && structuredClone(stored),
  };
}

/** A settings store starting from `initial`. */
export function memorySettingsStore(initial: AppSettings): SettingsStore {
  let stored = structuredClone(initial);
  return {
    get: () => structuredClone(stored),
    set(settings) {
      stored = structuredClone(settings);
    },
  };
}

/**
 * The channel list and its secrets in memory, standing in for `channels.json` and the safeStorage-sealed
 * `channel-secrets.json` of electron/channels.ts. `secrets.peek` lets a test check what main holds.
 */
export function memoryChannelStores(): { store: ChannelStore; secrets: SecretStore & { peek(id: string): ChannelSecrets | undefined } } {
  let channels: ChannelConfig[] = [];
  const sealed = new Map<string, string>();
  return {
    store: { get: () => structuredClone(channels), set: (c) => void (channels = structuredClone(c)) },
    secrets: {
      get: async (id) => (sealed.has(id) ? (JSON.parse(sealed.get(id)!) as ChannelSecrets) : undefined),
      set: async (id, s) => void sealed.set(id, JSON.stringify(s)),
      delete: async (id) => void sealed.delete(id),
      peek: (id) => (sealed.has(id) ? (JSON.parse(sealed.get(id)!) as ChannelSecrets) : undefined),
    },
  };
}
