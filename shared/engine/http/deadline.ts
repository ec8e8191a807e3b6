/**
 * One AbortController per fetch that fires on the first of: the headers deadline, the total deadline, a
 * caller's signal (engine stop), or our own decision (body over the cap). Aborting the signal makes undici
 * (and Electron's net.fetch) drop the connection, so the server sees `close` (FAULTS.md row 2).
 *
 * Why not `AbortSignal.any` + `AbortSignal.timeout`: we need to know *which* deadline fired for the message,
 * to clear timers as soon as the exchange ends, and to detach from the long-lived engine signal afterwards;
 * a plain controller plus listeners does all three and is the same signal to fetch.
 */
import type { AbortCause } from './fetch-errors';

/** Deadlines and cancellation for one `fetchSource` call. Call `dispose()` when done. */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly totalTimer: ReturnType<typeof setTimeout>;
  private headersTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly detach: Array<() => void> = [];
  private cause: AbortCause | undefined;

  /**
   * @param totalTimeoutMs deadline for the whole exchange, ms, starting now.
   * @param callerSignals signals that cancel the exchange (already-aborted ones cancel it at once).
   */
  constructor(totalTimeoutMs: number, callerSignals: ReadonlyArray<AbortSignal | undefined>) {
    this.totalTimer = setTimeout(() => this.abort('total-timeout'), totalTimeoutMs);
    for (const signal of callerSignals) {
      if (!signal) continue;
      if (signal.aborted) {
        this.abort('cancelled');
        continue;
      }
      const onAbort = () => this.abort('cancelled');
      signal.addEventListener('abort', onAbort, { once: true });
      this.detach.push(() => signal.removeEventListener('abort', onAbort));
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
    this.headersTimer = setTimeout(() => this.abort('headers-timeout'), headersTimeoutMs);
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
    for (const off of this.detach.splice(0)) off();
  }
}
