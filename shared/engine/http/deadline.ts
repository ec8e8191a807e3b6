/**
 * One AbortController per fetch that fires on the first of: the headers deadline, the total deadline, a
 * caller's signal (engine stop), or our own decision (body over the cap). Aborting the signal makes undici
 * (and Electron's net.fetch) drop the connection, so the server sees `close` (docs/http-and-faults.md, row 2).
 *
 * Why not `AbortSignal.any` + `AbortSignal.timeout`: we need to know *which* deadline fired for the message,
 * to clear timers as soon as the exchange ends, and to detach from the long-lived engine signal afterwards;
 * a plain controller plus listeners does all three and is the same signal to fetch.
 *
 * This runs once per poll of every source, so it is frugal: ONE timer serves both deadlines (armed for the
 * nearer one, re-armed when it fires early for the other), its callback is shared and gets the instance as
 * argument instead of a closure, and the caller's signal has one listener for all the Deadlines that follow
 * it (`follow`), joined and left through a Set instead of an EventTarget listener per poll.
 */
import { getEventListeners } from 'node:events';
import type { AbortCause } from './fetch-errors';
import { timerDelay } from '../ports';

/**
 * Controllers of finished exchanges, reused: creating an AbortSignal is the dearest step of a 304 poll
 * (~2 µs and ~1.4 KB in Node 20). Only a controller that was never aborted and whose signal has no listener
 * left comes back, so the fetch it served can no longer react to it; a fetch implementation that keeps a
 * listener (undici's fetch until its Request is collected) simply keeps its controller out of the pool.
 */
const idleControllers: AbortController[] = [];
const IDLE_CONTROLLERS_MAX = 64;

/** Told directly when a Deadline's signal aborts (see watchDeadline). */
export interface AbortWatcher {
  handleEvent(): void;
}

/** The live Deadline of each signal handed out (a pooled signal maps to the Deadline now using it). */
const deadlineOf = new WeakMap<AbortSignal, Deadline>();

/**
 * The running Deadlines that follow each caller signal (the engine's one stop signal, in practice): that signal
 * gets ONE listener, which cancels them all, instead of an EventTarget listener added and removed by every poll
 * (Node validates and allocates on both).
 */
const followersOf = new WeakMap<AbortSignal, Set<Deadline>>();

function follow(signal: AbortSignal, deadline: Deadline): void {
  let followers = followersOf.get(signal);
  if (!followers) {
    const set = new Set<Deadline>();
    followers = set;
    followersOf.set(signal, set);
    signal.addEventListener('abort', () => {
      for (const d of [...set]) d.abort('cancelled');
      set.clear();
    });
  }
  followers.add(deadline);
}

/**
 * For fetch implementations in this folder: when `signal` belongs to a running Deadline, have `watcher`
 * called right after it aborts, without an EventTarget listener (adding and removing one costs more than
 * the rest of a 304 poll's bookkeeping). Returns false for any other signal: listen to it as usual.
 * Call `unwatchDeadline` when the exchange is over.
 */
export function watchDeadline(signal: AbortSignal, watcher: AbortWatcher): boolean {
  const deadline = deadlineOf.get(signal);
  if (!deadline || deadline.signal !== signal || deadline.abortCause) return false;
  deadline.watchers.push(watcher);
  return true;
}

/** Undo `watchDeadline` (a no-op when the watcher is not registered). */
export function unwatchDeadline(signal: AbortSignal, watcher: AbortWatcher): void {
  const watchers = deadlineOf.get(signal)?.watchers;
  const i = watchers ? watchers.indexOf(watcher) : -1;
  if (i >= 0) watchers!.splice(i, 1);
}

/** Deadlines and cancellation for one `fetchSource` call. Call `dispose()` when done. */
export class Deadline {
  private readonly controller = idleControllers.pop() ?? new AbortController();
  /** Registered through watchDeadline; told after the signal aborts. */
  readonly watchers: AbortWatcher[] = [];
  /** When the whole exchange must be over, `performance.now()` ms. */
  private readonly totalAt: number;
  /** When the current hop's headers must have arrived, `performance.now()` ms; Infinity when not waiting. */
  private headersAt = Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The instant `timer` was armed for. */
  private timerAt = Infinity;
  private readonly callerSignal: AbortSignal | undefined;
  private cause: AbortCause | undefined;

  /**
   * @param totalTimeoutMs deadline for the whole exchange, ms, starting now. The timer is set by the first
   *   `startHeadersTimer()`, which fetchSource calls before it first waits for anything, so one timer
   *   covers both deadlines from the start.
   * @param callerSignal cancels the exchange (an already-aborted one cancels it at once).
   */
  constructor(totalTimeoutMs: number, callerSignal: AbortSignal | undefined) {
    this.totalAt = performance.now() + totalTimeoutMs;
    deadlineOf.set(this.controller.signal, this);
    if (callerSignal?.aborted) this.abort('cancelled');
    else if (callerSignal) {
      this.callerSignal = callerSignal;
      follow(callerSignal, this);
    }
  }

  /** The signal to pass to fetch. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the exchange was aborted, or `undefined` while it is still running. */
  get abortCause(): AbortCause | undefined {
    return this.cause;
  }

  /** Abort the exchange (first cause wins). */
  abort(cause: AbortCause): void {
    if (this.cause) return;
    this.cause = cause;
    this.clearTimer();
    const name = cause === 'headers-timeout' || cause === 'total-timeout' ? 'TimeoutError' : 'AbortError';
    this.controller.abort(new DOMException(`fetch aborted: ${cause}`, name));
    for (const watcher of this.watchers.splice(0)) watcher.handleEvent();
  }

  /** Start the wait for response headers of one hop, ms. */
  startHeadersTimer(headersTimeoutMs: number): void {
    this.headersAt = performance.now() + headersTimeoutMs;
    this.arm();
  }

  /**
   * Headers arrived (or the hop failed). The timer is left as it is: if it was set for the headers deadline
   * it fires then, finds nothing waiting for headers and re-arms for the total deadline. Clearing and setting
   * a timer on every poll would cost more than that rare extra wake-up.
   */
  stopHeadersTimer(): void {
    this.headersAt = Infinity;
  }

  /**
   * Clear the timer and the caller listener. The signal stays as it is; one that never aborted and that
   * nothing listens to or watches any more goes back to the pool. Call once, after the exchange is over.
   */
  dispose(): void {
    this.clearTimer();
    if (this.callerSignal) followersOf.get(this.callerSignal)?.delete(this);
    const signal = this.controller.signal;
    const idle = !this.cause && !signal.aborted && this.watchers.length === 0 && getEventListeners(signal, 'abort').length === 0;
    if (idle && idleControllers.length < IDLE_CONTROLLERS_MAX) {
      deadlineOf.delete(signal);
      idleControllers.push(this.controller);
    }
  }

  /** The timer fired: abort for the deadline that passed, or wait for the one still ahead. */
  expire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (this.cause) return;
    const now = performance.now();
    // Node may fire a timer up to a millisecond before performance.now() reaches its instant.
    if (this.headersAt <= now + 1) this.abort('headers-timeout');
    else if (this.totalAt <= now + 1) this.abort('total-timeout');
    else this.arm();
  }

  /** Make sure the timer fires by the nearer deadline. */
  private arm(): void {
    const at = Math.min(this.headersAt, this.totalAt);
    if (this.timer !== undefined && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    // Clamped: a deadline past 2^31-1 ms would overflow the timer; expire() re-arms if it fires early.
    this.timer = setTimeout(onTimer, timerDelay(at - performance.now()), this);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}

function onTimer(deadline: Deadline): void {
  deadline.expire();
}
