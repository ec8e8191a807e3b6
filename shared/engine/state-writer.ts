/**
 * Serialises and coalesces writes of the engine state. Two ways to ask for a write:
 * - `flushNow()` when something must be on disk before the caller goes on (seen incidents before their
 *   events are emitted, DESIGN.md rule 2): every caller that asks while a write is queued shares it;
 * - `schedule()` for bookkeeping (lastCheckedAt, validators after a 304): one write after a short delay,
 *   so a cycle of 1000 unchanged sources costs a couple of writes, not a thousand.
 * At most one write runs at a time. A failed write is logged and reported to `flushNow` callers; it never
 * stops polling.
 */
import type { Clock, StateStore, TimerHandle } from '../ports';
import type { EngineState } from './state';

/** Delay of a scheduled (non-urgent) write, ms. */
export const SCHEDULED_WRITE_DELAY_MS = 1_000;

/** See the module comment. */
export class StateWriter {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly state: () => EngineState,
    private readonly clock: Clock,
    private readonly log: (message: string) => void,
  ) {}

  /** Write soon; resolves when a write that started after this call has finished. Rejects if it failed. */
  flushNow(): Promise<void> {
    this.cancelTimer();
    if (this.queued) return this.queued;
    const queued = this.running.then(() => {
      this.queued = undefined;
      return this.store.write(this.state());
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
