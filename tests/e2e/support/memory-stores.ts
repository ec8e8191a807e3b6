/**
 * In-memory stand-ins for the app's two persistent stores (electron-store in the app): the engine's
 * `StateStore` and the controller's `SettingsStore`. Copies in and out, like a real store, so nothing
 * shares references with the engine's live state.
 */
import type { EngineState } from '../../../shared/engine/state';
import type { StateReadResult, StateStore } from '../../../shared/engine/ports';
import type { SettingsStore } from '../../../shared/app/controller';
import type { AppSettings } from '../../../shared/ipc/contract';

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
