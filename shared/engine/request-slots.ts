/**
 * The engine's concurrency limit, shaped so that stalled requests cannot starve healthy ones.
 *
 * A plain limit of N requests in flight lets N stalled servers hold every slot for a whole deadline, so a
 * healthy source queued behind them starts late (once per N stalled neighbours, one timeout each) — and if
 * the fetch port queues requests of its own (a per-origin connection cap), the healthy request's deadline
 * runs out while it waits, and it is reported as a timeout. Here a request holds its slot only until it
 * finishes or until `releaseAfterMs` have passed, whichever comes first; after that it goes on (its own
 * deadlines still apply) but no longer counts. The slot limit still bounds the work started: at most
 * `concurrency` requests start per `releaseAfterMs`, so at most `concurrency × ⌈totalTimeout / releaseAfterMs⌉`
 * are ever open at once.
 */
import pLimit from 'p-limit';
import type { Clock } from '../ports';

/** Runs `task` when a slot is free; resolves or rejects with the task's own outcome. */
export type RequestSlots = <T>(task: () => Promise<T>) => Promise<T>;

/** Longest a request counts against the limit, ms, before it is treated as slow and gives its slot back. */
export const SLOW_REQUEST_MS = 2_000;

/**
 * How long a request holds its slot for a given headers deadline: a quarter of the deadline, at most
 * SLOW_REQUEST_MS. A quarter keeps a healthy source queued behind up to 3 × concurrency stalled ones
 * starting before the first of them times out.
 * @param headersTimeoutMs the deadline for response headers, ms.
 * @returns ms, at least 1.
 */
export function releaseAfterMsFor(headersTimeoutMs: number): number {
  return Math.max(1, Math.min(SLOW_REQUEST_MS, Math.floor(headersTimeoutMs / 4)));
}

/**
 * Create the slots.
 * @param concurrency requests counted at once (at least 1).
 * @param releaseAfterMs how long a request counts, ms of `clock` time (see releaseAfterMsFor).
 * @param clock timers for the release: real time in the engine (request deadlines are real time too); tests
 *   pass a fake clock.
 */
export function createRequestSlots(concurrency: number, releaseAfterMs: number, clock: Clock): RequestSlots {
  const limit = pLimit(Math.max(1, concurrency));
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      void limit(
        () =>
          new Promise<void>((release) => {
            const timer = clock.setTimeout(release, releaseAfterMs);
            Promise.resolve()
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                clock.clearTimeout(timer);
                release();
              });
          }),
      );
    });
}
