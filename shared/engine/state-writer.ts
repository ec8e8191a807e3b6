/**
 * Serialises and coalesces writes of the engine state, and is the engine's outbox: events are held here
 * until a write that recorded them has succeeded, then released in order, once. Three ways in:
 * - `commit(events)` after a poll changed what has been seen: the events go out only after a write that
 *   started after this call has succeeded (a crash or a failed write never leads to a second announcement:
 *   what was not stored is detected again, and announced, after a restart);
 * - `flushNow()` when something must be on disk before the caller goes on; callers share a queued write;
 * - `schedule()` for bookkeeping (lastCheckedAt, validators after a 304): one write after a short delay,
 *   so a cycle of 1000 unchanged sources costs a couple of writes, not a thousand.
 * At most one write runs at a time, and consecutive writes are paced at least `minGapMs` apart (real time:
 * this is I/O pacing, not engine time). When a write fails (disk full, read-only, permission denied, any
 * rejection of `StateStore.write`), events stay held, other writes wait, and the write is retried on the
 * engine clock with exponential backoff (`SAVE_RETRY_BASE_MS` doubling up to `SAVE_RETRY_MAX_MS`); the
 * failure is reported through `failure()` (→ `EngineSnapshot.saveError`). Polling never stops for it.
 */
import type { Clock, StateStore, TimerHandle } from './ports';
import { describeWriteFailure, type SaveError } from './save-error';
import type { EngineState } from './state';

/** Delay of a scheduled (non-urgent) write, ms. */
export const SCHEDULED_WRITE_DELAY_MS = 1_000;
/** Default least time between the end of one write and the start of the next, ms. */
export const DEFAULT_WRITE_GAP_MS = 250;
/** First retry after a failed write, ms; doubles per failure. */
export const SAVE_RETRY_BASE_MS = 1_000;
/** Longest wait between retries of a failing write, ms. */
export const SAVE_RETRY_MAX_MS = 60_000;

/** Where the writer reports to (the engine). */
export interface StateWriterHooks<E> {
  /** A write succeeded: these held items are now on record, oldest first. Called once per item, ever. */
  release(items: E[]): void;
  /** `failure()` or the number of held items changed (publish a snapshot). */
  changed(): void;
}

/** See the module comment. `E` is what is held until recorded (the engine's events). */
export class StateWriter<E> {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private timer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  private lastWriteEnd = -Infinity;
  private held: E[] = [];
  private failing: Omit<SaveError, 'heldEvents' | 'retryAt'> | undefined;
  private retryAt: number | undefined;
  private closed = false;

  constructor(
    private readonly store: StateStore,
    private readonly state: () => EngineState,
    private readonly clock: Clock,
    private readonly hooks: StateWriterHooks<E>,
    private readonly minGapMs = DEFAULT_WRITE_GAP_MS,
  ) {}

  /**
   * Hold `items` until a write records them. While writes are failing, no new attempt is made here (the
   * backoff timer retries); otherwise a write is queued. Resolves when that attempt is over; never rejects.
   */
  async commit(items: readonly E[]): Promise<void> {
    this.closed = false;
    if (items.length > 0) {
      this.held.push(...items);
      this.hooks.changed();
    }
    if (this.failing) return this.ensureRetry();
    await this.flushNow().catch(() => undefined);
  }

  /** Write soon; resolves when a write that started after this call has finished. Rejects if it failed. */
  flushNow(): Promise<void> {
    this.cancelTimer();
    if (this.queued) return this.queued;
    const queued = this.running.then(async () => {
      const wait = this.lastWriteEnd + this.minGapMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.queued = undefined;
      // Everything held now is in the state the store serialises before its first await (ports.StateStore).
      const covered = this.held.length;
      try {
        await this.store.write(this.state());
      } catch (err) {
        this.failed(err);
        throw err;
      } finally {
        this.lastWriteEnd = performance.now();
      }
      this.succeeded(covered);
    });
    this.queued = queued;
    this.running = queued.catch(() => undefined);
    return queued;
  }

  /** Write within `SCHEDULED_WRITE_DELAY_MS`, coalescing with any other request; while failing, the retry does it. */
  schedule(): void {
    this.closed = false;
    if (this.failing) return this.ensureRetry();
    if (this.timer !== undefined || this.queued) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.flushNow().catch(() => undefined);
    }, SCHEDULED_WRITE_DELAY_MS);
  }

  /**
   * Write whatever is pending now, one attempt even while failing (used by stop() and pollOnce()). With
   * `stop`, no retry is scheduled afterwards and events still held are dropped: they were never recorded,
   * so the next run detects and announces them. Never rejects.
   */
  async close(opts: { stop?: boolean } = {}): Promise<void> {
    this.cancelRetry();
    if (opts.stop) this.closed = true;
    await this.flushNow().catch(() => undefined);
    if (opts.stop) {
      this.cancelTimer();
      this.cancelRetry();
      this.retryAt = undefined;
      if (this.held.length > 0) {
        this.held = [];
        this.hooks.changed();
      }
    }
  }

  /** The current failure, or undefined while writes succeed. */
  failure(): SaveError | undefined {
    if (!this.failing) return undefined;
    return { ...this.failing, heldEvents: this.held.length, ...(this.retryAt !== undefined ? { retryAt: this.retryAt } : {}) };
  }

  private succeeded(covered: number): void {
    const wasFailing = this.failing !== undefined;
    this.failing = undefined;
    this.retryAt = undefined;
    this.cancelRetry();
    const released = this.held.splice(0, covered);
    if (released.length > 0) this.hooks.release(released);
    if (wasFailing || released.length > 0) this.hooks.changed();
  }

  private failed(err: unknown): void {
    const { reason, code } = describeWriteFailure(err);
    const previous = this.failing;
    this.failing = {
      path: this.store.location ?? 'the state store',
      reason,
      ...(code ? { code } : {}),
      since: previous?.since ?? this.clock.now(),
      failures: (previous?.failures ?? 0) + 1,
    };
    this.cancelRetry();
    if (!this.closed) this.ensureRetry();
    this.hooks.changed();
  }

  /** While failing, make sure one retry is pending, after the backoff for the failures so far. */
  private ensureRetry(): void {
    if (!this.failing || this.closed || this.retryTimer !== undefined) return;
    const delay = Math.min(SAVE_RETRY_MAX_MS, SAVE_RETRY_BASE_MS * 2 ** Math.min(20, this.failing.failures - 1));
    this.retryAt = this.clock.now() + delay;
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.flushNow().catch(() => undefined);
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
