/**
 * One AbortController per fetch that fires on the first of: the headers deadline, the total deadline, a
 * caller's signal (engine stop), or our own decision (body over the cap). Aborting the signal makes undici
 * (and Electron's net.fetch) drop the connection, so the server sees `close` (FAULTS.md row 2).
 *
 * Why not `AbortSignal.any` + `AbortSignal.timeout`: we need to know *which* deadline fired for the message,
 * to clear timers as soon as the exchange ends, and to detach from the long-lived engine signal afterwards;
 * a plain controller plus listeners does all three and is the same signal to fetch.
 *
 * This runs once per poll of every source, so it allocates little: timers get a shared callback and the
 * instance as argument instead of a closure each, and listeners are added without an options object (Node
 * validates one on every call) and removed in `dispose()`.
 */
import type { AbortCause } from './fetch-errors';

/** Deadlines and cancellation for one `fetchSource` call. Call `dispose()` when done. */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly totalTimer: ReturnType<typeof setTimeout>;
  private headersTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly callerSignal: AbortSignal | undefined;
  private cause: AbortCause | undefined;
  /** Bound once: the same function must be passed to removeEventListener. */
  private readonly onCallerAbort = (): void => this.abort('cancelled');

  /**
   * @param totalTimeoutMs deadline for the whole exchange, ms, starting now.
   * @param callerSignal cancels the exchange (an already-aborted one cancels it at once).
   */
  constructor(totalTimeoutMs: number, callerSignal: AbortSignal | undefined) {
    this.totalTimer = setTimeout(onTotalTimeout, totalTimeoutMs, this);
    if (callerSignal?.aborted) this.abort('cancelled');
    else if (callerSignal) {
      this.callerSignal = callerSignal;
      callerSignal.addEventListener('abort', this.onCallerAbort);
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
    const name = cause === 'headers-timeout' || cause === 'total-timeout' ? 'TimeoutError' : 'AbortError';
    this.controller.abort(new DOMException(`fetch aborted: ${cause}`, name));
  }

  /** Start the wait for response headers of one hop, ms. */
  startHeadersTimer(headersTimeoutMs: number): void {
    this.stopHeadersTimer();
    this.headersTimer = setTimeout(onHeadersTimeout, headersTimeoutMs, this);
  }

  /** Headers arrived (or the hop failed). */
  stopHeadersTimer(): void {
    if (this.headersTimer !== undefined) clearTimeout(this.headersTimer);
    this.headersTimer = undefined;
  }

  /** Clear timers and listeners; the signal stays as it is. */
  dispose(): void {
    this.stopHeadersTimer();
    clearTimeout(this.totalTimer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}

function onTotalTimeout(deadline: Deadline): void {
  deadline.abort('total-timeout');
}

function onHeadersTimeout(deadline: Deadline): void {
  deadline.abort('headers-timeout');
}
