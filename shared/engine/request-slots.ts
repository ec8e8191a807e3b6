/**
 * The engine's concurrency limit, shaped so that stalled servers cannot starve healthy sources.
 *
 * A plain limit of N requests in flight lets N stalled servers hold every slot for a whole deadline, so a
 * healthy source queued behind them starts one deadline late per N stalled neighbours — and if the fetch
 * port queues requests of its own (a per-origin connection cap), the healthy request's deadline runs out
 * while it waits there, and it is reported as a timeout. Here a request that has been waiting for its
 * server (no response headers yet) for `releaseAfterMs` gives its slot back and goes on outside the limit,
 * its own deadlines still running. Only waiting requests leave: one that is reading or parsing a body keeps
 * its slot, so the limit still bounds memory and CPU work, and a process slowed by its own parsing does not
 * start ever more requests. For the same reason a request keeps its slot while this process's event loop
 * has been busy most of the time it waited: then the answer may be here already, unread, and the slowness
 * is ours, not the server's. At most `maxWaiting` requests wait outside the limit at once; beyond that a
 * waiting request keeps its slot as before.
 */
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import type { Clock } from './ports';

/** What a task tells its slot: whether it is waiting for the server (true) or working (false). */
export interface SlotUse {
  waiting: boolean;
}

/** How busy the event loop has been: `mark()` now, later `busySince(mark)` in 0..1 (share of time busy). */
export interface LoopMeter {
  mark(): unknown;
  busySince(mark: unknown): number;
}

/** Node's event-loop utilization (perf_hooks), the engine's LoopMeter. */
export const nodeLoopMeter: LoopMeter = {
  mark: () => performance.eventLoopUtilization(),
  busySince: (mark) => performance.eventLoopUtilization(performance.eventLoopUtilization(), mark as ReturnType<typeof performance.eventLoopUtilization>).utilization,
};

/** Above this share of busy time while a request waited, its wait is blamed on this process. */
const BUSY_LOOP = 0.5;

/** Runs `task` when a slot is free; resolves or rejects with the task's own outcome. */
export type RequestSlots = <T>(task: (use: SlotUse) => Promise<T>) => Promise<T>;

/** Longest a waiting request counts against the limit, ms, before it gives its slot back. */
export const SLOW_REQUEST_MS = 2_000;

/**
 * How long a waiting request holds its slot for a given headers deadline: a quarter of the deadline, at
 * most SLOW_REQUEST_MS. A quarter lets a healthy source queued behind up to 3 × concurrency stalled ones
 * start before the first of them times out.
 * @param headersTimeoutMs the deadline for response headers, ms.
 * @returns ms, at least 1.
 */
export function releaseAfterMsFor(headersTimeoutMs: number): number {
  return Math.max(1, Math.min(SLOW_REQUEST_MS, Math.floor(headersTimeoutMs / 4)));
}

/**
 * Create the slots.
 * @param concurrency requests counted at once (at least 1).
 * @param releaseAfterMs how long a waiting request counts, ms of `clock` time (see releaseAfterMsFor).
 * @param maxWaiting requests allowed to wait outside the limit at once (the engine: 4 × concurrency).
 * @param clock timers for the release: real time in the engine (request deadlines are real time too);
 *   tests pass a fake clock.
 * @param loop how busy this process has been (default: Node's event-loop utilization).
 */
export function createRequestSlots(
  concurrency: number,
  releaseAfterMs: number,
  maxWaiting: number,
  clock: Clock,
  loop: LoopMeter = nodeLoopMeter,
): RequestSlots {
  const limit = pLimit(Math.max(1, concurrency));
  let outside = 0;
  return <T>(task: (use: SlotUse) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      void limit(
        () =>
          new Promise<void>((release) => {
            const use: SlotUse = { waiting: false };
            let released = false;
            let timer: unknown;
            let since = loop.mark();
            const check = () => {
              if (use.waiting && outside < maxWaiting && loop.busySince(since) <= BUSY_LOOP) {
                released = true;
                outside++;
                release();
              } else {
                since = loop.mark();
                timer = clock.setTimeout(check, releaseAfterMs);
              }
            };
            timer = clock.setTimeout(check, releaseAfterMs);
            Promise.resolve(use)
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                if (released) outside--;
                else clock.clearTimeout(timer);
                release();
              });
          }),
      );
    });
}
