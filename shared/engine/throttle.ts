/**
 * At most one call per interval: the first request runs at once, later ones within the interval are folded
 * into one call at its end. The engine publishes its snapshot this way as polls start and finish (a cycle of
 * 1000 sources would otherwise build and send 2000 whole snapshots to the window and the tray).
 */
import type { Clock, TimerHandle } from './ports';

/** A throttled call. */
export interface Throttled {
  /** Call now if the interval since the last call has passed, else once at its end (requests meanwhile join it). */
  request(): void;
  /** Call now, and drop a call waiting for the interval's end (it would show nothing newer). */
  now(): void;
  /** Call now only if a call is waiting; then stop waiting. For shutdown. */
  flush(): void;
}

/**
 * Throttle `fn` to one call per `everyMs` milliseconds of `clock` time.
 * @param fn called synchronously from `request`/`now`/`flush` or from a `clock` timer; what it throws propagates
 *   to that caller (the engine's `publishSnapshot` catches its listeners' errors itself).
 */
export function throttle(clock: Clock, everyMs: number, fn: () => void): Throttled {
  let last = -Infinity;
  let timer: TimerHandle | undefined;
  const run = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    last = clock.now();
    fn();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = last + everyMs - clock.now();
      if (wait <= 0) run();
      else timer = clock.setTimeout(run, wait);
    },
    now: run,
    flush() {
      if (timer !== undefined) run();
    },
  };
}
