/**
 * Applies the notification policy (../presentation/notifications.ts) to the engine's event stream. The engine
 * hands over the events of one source's poll at a time; polls that finish within `batchWindowMs` of each
 * other form one cycle, so a burst across sources still collapses into one summary. The toasts go to a
 * `NotifierPort` (Electron `Notification` in the app, a fake in tests); a port that throws is logged, never
 * retried (docs/http-and-faults.md, rows 47 and 50).
 */
import type { EngineEvent } from '../engine/events';
import type { AppSettings, NotifyLevel } from '../ipc/contract';
import type { Clock, TimerHandle } from '../engine/ports';
import { planNotifications, type Toast } from '../presentation/notifications';
import { createRateLimiter, type RateLimiter } from '../presentation/rate-limiter';

/** Where toasts go. `show` may throw; the notifier catches it. */
export interface NotifierPort {
  show(toast: Toast): void;
}

/** What `createAppNotifier` needs. */
export interface AppNotifierDeps {
  port: NotifierPort;
  clock: Clock;
  /** Settings in force (notify levels, pause), read at flush time. */
  settings: () => AppSettings;
  /** True while baseline summaries must stay silent (a store was recovered this session). */
  quietBaselines?: () => boolean;
  /** Events arriving within this many ms form one cycle (default 1 500). 0 flushes synchronously. */
  batchWindowMs?: number;
  limiter?: RateLimiter;
  log?: (message: string) => void;
}

/** Counters for diagnostics and tests. */
export interface NotifierStats {
  shown: number;
  /** Toasts dropped because the per-minute limit was used up. */
  dropped: number;
  /** `show` calls that threw. */
  failed: number;
}

/** The app's notifier. */
export interface AppNotifier {
  /** Hand over the events of one poll (an `EngineListener.onEvents`). Never throws. */
  handle(events: readonly EngineEvent[]): void;
  /** Plan and show whatever is buffered now. */
  flush(): void;
  stats(): NotifierStats;
  /** Drop buffered events and cancel the timer. */
  dispose(): void;
}

/** Create the notifier. */
export function createAppNotifier(deps: AppNotifierDeps): AppNotifier {
  const windowMs = deps.batchWindowMs ?? 1_500;
  const limiter = deps.limiter ?? createRateLimiter();
  const log = deps.log ?? (() => undefined);
  const stats: NotifierStats = { shown: 0, dropped: 0, failed: 0 };
  let buffer: EngineEvent[] = [];
  let timer: TimerHandle | undefined;

  function levelOf(settings: AppSettings): (id: string) => NotifyLevel {
    const levels = new Map(settings.sources.map((s) => [s.id, s.enabled ? s.notify : ('none' as const)]));
    // A source no longer configured (removed while its poll was in flight) stays silent.
    return (id) => levels.get(id) ?? 'none';
  }

  function flush(): void {
    if (timer !== undefined) deps.clock.clearTimeout(timer);
    timer = undefined;
    const events = buffer;
    buffer = [];
    if (events.length === 0) return;
    let plan;
    try {
      const settings = deps.settings();
      plan = planNotifications(events, {
        notifyLevel: levelOf(settings),
        pausedUntil: settings.notificationsPausedUntil,
        now: deps.clock.now(),
        limiter,
        quietBaselines: deps.quietBaselines?.() ?? false,
      });
    } catch (err) {
      log(`Notification planning failed: ${(err as Error)?.message ?? err}`);
      return;
    }
    stats.dropped += plan.dropped;
    if (plan.dropped > 0) log(`${plan.dropped} notification(s) dropped: more than the per-minute limit`);
    for (const toast of plan.toasts) {
      try {
        deps.port.show(toast);
        stats.shown++;
      } catch (err) {
        stats.failed++;
        log(`Showing a notification failed: ${(err as Error)?.message ?? err}`);
      }
    }
  }

  return {
    handle(events) {
      if (events.length === 0) return;
      buffer.push(...events);
      if (windowMs <= 0) return flush();
      timer ??= deps.clock.setTimeout(flush, windowMs);
    },
    flush,
    stats: () => ({ ...stats }),
    dispose() {
      if (timer !== undefined) deps.clock.clearTimeout(timer);
      timer = undefined;
      buffer = [];
    },
  };
}
