/**
 * The engine's only ways out to the world. The caller passes them in: Electron passes its `net.request` fetch
 * (electron/net-fetch.ts), the state file of electron/store.ts and the system clock; the CLI passes the Node
 * fetch (shared/platform/node/node-fetch.ts: undici with a shared keep-alive agent), a JSON state file
 * (shared/platform/node/json-file.ts) and the system clock; tests pass a local HTTP server, an in-memory store
 * and a fake clock. docs/architecture.md, "Ports", has the table.
 */
import type { ProviderStatus } from '../domain/types';
import type { EngineEvent } from './events';
import type { EngineState, SourceState } from './state';

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
  /**
   * Run `fn` after `ms` milliseconds of this clock's time, or earlier: implementations may cap the delay
   * (`MAX_TIMER_MS`), so a callback must check the time rather than assume its deadline has come.
   */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * Longest delay a Node/browser timer holds, ms (2^31-1, about 24.8 days). A longer one fires at once with a
 * `TimeoutOverflowWarning`, so every timer is clamped to it; callers re-check the time when it fires.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `ms` made safe for `setTimeout`: 0 for negative or NaN, at most `MAX_TIMER_MS`. */
export function timerDelay(ms: number): number {
  return ms > 0 ? Math.min(ms, MAX_TIMER_MS) : 0;
}

/** The system clock. Delays are clamped with `timerDelay`: a timer may fire early, never overflow. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, timerDelay(ms));
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
 * object, so it must serialise it synchronously, before its first `await`. A `write` that rejects (disk full,
 * read-only, permission denied, …) makes the engine hold the events it recorded and retry with backoff (see
 * engine/state-writer.ts); throw `StateStoreError` (engine/save-error.ts) to word the reason yourself.
 */
export interface StateStore {
  /**
   * Where the state is kept, as the user would name it (a file path): shown in "Cannot save to <location>:
   * <reason>" when `write` fails. Default: "the state store".
   */
  readonly location?: string;
  read(): Promise<StateReadResult>;
  write(state: EngineState): Promise<void>;
  /**
   * Optional, for stores that keep one row set per source (the SQLite store): commit one poll's outcome —
   * that source's new state and the history its events record — in one transaction. When present the engine
   * calls it after every poll instead of scheduling `write`, and hands the poll's events to listeners only
   * after it resolved. Rejects when nothing was committed (the engine then keeps the events unannounced).
   * `write` is still called for changes outside polls (sources added or removed, pause/resume, stop).
   */
  commitPoll?(commit: PollCommit): Promise<void>;
}

/** One poll's outcome, as `StateStore.commitPoll` receives it. */
export interface PollCommit {
  sourceId: string;
  /** Display name of the provider (config override, else the document's name). */
  provider: string;
  /** The source's complete new state, validators included. */
  state: SourceState;
  /** What the poll will announce once committed. */
  events: readonly EngineEvent[];
  /**
   * The whole status the poll parsed, when it parsed one: `state.lastStatus` keeps only what the engine
   * needs between polls (kept-status.ts), so a store recording history records it from this.
   */
  parsed?: ProviderStatus;
  /** When the poll finished, ms since epoch (UTC). */
  at: number;
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
