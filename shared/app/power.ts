/**
 * What the app does when the machine sleeps, wakes or gets its network back: stop polling while asleep (a
 * request started just before sleep would only time out), and on wake or reconnect resume and check every
 * source after a random delay, so many machines waking at 09:00 do not hit a status page in the same second.
 */
import type { Engine } from '../engine/api';
import type { Clock, RandomPort, TimerHandle } from '../engine/ports';

/** Longest random delay before the wake-up check, ms. */
export const WAKE_JITTER_MS = 15_000;

/** Handlers for power and network events (wired to Electron's `powerMonitor` and online state). */
export interface PowerPolicy {
  /** System going to sleep, or screen locked on battery: pause polling. */
  onSuspend(): void;
  /** System woke up: resume polling and check everything after jitter. */
  onResume(): void;
  /** Network came back: same as resume. */
  onOnline(): void;
  dispose(): void;
}

/** Create the policy for one engine. `random` in [0, 1); the delay is `random() * jitterMs`. */
export function createPowerPolicy(deps: {
  engine: Pick<Engine, 'pause' | 'resume' | 'checkNow'>;
  clock: Clock;
  random?: RandomPort;
  jitterMs?: number;
  log?: (message: string) => void;
}): PowerPolicy {
  const random = deps.random ?? Math.random;
  const jitter = deps.jitterMs ?? WAKE_JITTER_MS;
  let pending: TimerHandle | undefined;

  function cancel(): void {
    if (pending !== undefined) deps.clock.clearTimeout(pending);
    pending = undefined;
  }

  function wake(): void {
    deps.engine.resume();
    cancel();
    pending = deps.clock.setTimeout(() => {
      pending = undefined;
      deps.engine.checkNow().catch((err: unknown) => deps.log?.(`Wake-up check failed: ${(err as Error)?.message ?? err}`));
    }, Math.floor(random() * jitter));
  }

  return {
    onSuspend() {
      cancel();
      deps.engine.pause();
    },
    onResume: wake,
    onOnline: wake,
    dispose: cancel,
  };
}
