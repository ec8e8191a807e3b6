/**
 * Serialises and coalesces writes of the engine state. Two ways to ask for a write:
 * - `flushNow()` when something must be on disk before the caller goes on (seen incidents before their
 *   events are emitted, docs/architecture.md, "Commit order"): every caller that asks while a write is queued shares it;
 * - `schedule()` for bookkeeping (lastCheckedAt, validators after a 304): one write after a short delay,
 *   so a cycle of 1000 unchanged sources costs a couple of writes, not a thousand.
 * At most one write runs at a time, and consecutive writes are paced at least `minGapMs` apart (real time:
 * this is I/O pacing, not engine time), so a burst of sources with news — every source on a first run —
 * shares a handful of writes instead of rewriting the whole state once per source. A failed write is
 * logged and reported to `flushNow` callers; it never stops polling.
 */
import type { Clock, StateStore, TimerHandle } from './ports';
import type { EngineState } from './state';

/** Delay of a scheduled (non-urgent) write, ms. */
export const SCHEDULED_WRITE_DELAY_MS = 1_000;
/** Default least time between the end of one write and the start of the next, ms. */
export const DEFAULT_WRITE_GAP_MS = 250;

/** See the module comment. */
export class StateWriter {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private timer: TimerHandle | undefined;
  private lastWriteEnd = -Infinity;

  constructor(
    private readonly store: StateStore,
    private readonly state: () => EngineState,
    private readonly clock: Clock,
    private readonly log: (message: string) => void,
    private readonly minGapMs = DEFAULT_WRITE_GAP_MS,
  ) {}

  /** Write soon; resolves when a write that started after this call has finished. Rejects if it failed. */
  flushNow(): Promise<void> {
    this.cancelTimer();
    if (this.queued) return this.queued;
    const queued = this.running.then(async () => {
      const wait = this.lastWriteEnd + this.minGapMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.queued = undefined;
      try {
        await this.store.write(this.state());
      } finally {
        this.lastWriteEnd = performance.now();
      }
    });
    this.queued = queued;
    this.running = queued.catch((err: unknown) => this.log(`Could not write state: ${(err as Error)?.message ?? err}`));
    return queued;
  }

  /** Write within `SCHEDULED_WRITE_DELAY_MS`, coalescing with any other request. */
  schedule(): void {
    if (this.timer !== undefined || this.queued) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.flushNow().catch(() => undefined);
    }, SCHEDULED_WRITE_DELAY_MS);
  }

  /** Write whatever is pending now (used by stop() and pollOnce()). Never rejects. */
  async close(): Promise<void> {
    await this.flushNow().catch(() => undefined);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
