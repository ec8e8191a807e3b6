/**
 * The engine's only ways out to the world. The caller passes them in: Electron passes its `net.request` fetch
 * (electron/net-fetch.ts), the state file of electron/store.ts and the system clock; the CLI passes the Node
 * fetch (shared/platform/node/node-fetch.ts: undici with a shared keep-alive agent), a JSON state file
 * (shared/platform/node/json-file.ts) and the system clock; tests pass a local HTTP server, an in-memory store
 * and a fake clock. docs/architecture.md, "Ports", has the table.
 */
import type { EngineState } from './state';

/**
 * WHATWG fetch (https://fetch.spec.whatwg.org/). The engine always calls it with `redirect: 'manual'` and an
 * `AbortSignal`, and reads the body as a stream; implementations must return the 3xx response itself
 * (undici and Electron's `net.fetch` do) rather than an opaque-redirect.
 */
export type FetchPort = (input: string, init: RequestInit) => Promise<Response>;

/** Opaque timer handle from `Clock.setTimeout`. */
export type TimerHandle = unknown;

/** Time, injectable so tests can move it (fake clock) without waiting. */
export interface Clock {
  /** Milliseconds since the Unix epoch (UTC). */
  now(): number;
  /** Run `fn` after `ms` milliseconds of this clock's time. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The system clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A poll timer alone must not keep a CLI process alive after stop(); the scheduler holds it otherwise.
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Persistence of the engine's state (validators, hashes, seen incidents, backoff, last status).
 * `read` returns `undefined` when there is nothing stored yet, and must not throw for a corrupt store:
 * it recovers (moves the bad file aside) and reports that through `recovered`, so the engine puts every
 * source back in silent baseline. `write` replaces the whole state atomically (old or new, never torn); it receives the engine's live
 * object, so it must serialise it synchronously, before its first `await`.
 */
export interface StateStore {
  read(): Promise<StateReadResult>;
  write(state: EngineState): Promise<void>;
}

/** What a `StateStore.read` found. */
export interface StateReadResult {
  state: EngineState | undefined;
  /** True when the stored state was unreadable or invalid and was replaced by a backup or defaults. */
  recovered: boolean;
  /** Why recovery happened, for a notice to the user. */
  recoveryReason?: string;
}

/** Random numbers in [0, 1); injectable so jitter is testable. */
export type RandomPort = () => number;
