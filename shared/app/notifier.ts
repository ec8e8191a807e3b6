/**
 * Applies the notification policy (../presentation/notifications.ts) to the engine's event stream. The engine
 * hands over the events of one source's poll at a time; polls that finish within `batchWindowMs` of each
 * other form one cycle, so a burst across sources still collapses into one summary. The toasts go to a
 * `NotifierPort` (Electron `Notification` in the app, a fake in tests); a port that throws is logged, never
 * retried (docs/http-and-faults.md, rows 47 and 50). Notifications held in quiet hours are handed to
 * `onHeld` (persisted in the settings, so they survive a restart) and shown as one summary when quiet hours
 * end (`releaseHeld`).
 */
import type { EngineEvent } from '../engine/events';
import type { AppSettings, NotifyLevel } from '../ipc/contract';
import type { Clock, TimerHandle } from '../engine/ports';
import { planNotifications, quietSummaryToast, type Toast } from '../presentation/notifications';
import { inQuietHours, quietHoursEnd, systemCalendar, type LocalCalendar } from '../noise/quiet-hours';
import { isSnoozed } from '../noise/snooze';
import type { HeldNotification } from '../domain/noise';
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
  /** Ids of a source's incidents open now (for "snooze until resolved"); default none. */
  openIncidentIds?: (sourceId: string) => readonly string[];
  /** Local calendar for quiet hours (default: this process's time zone). */
  calendar?: LocalCalendar;
  /** Notifications held in quiet hours: persist them (appended to `settings().heldNotifications`). */
  onHeld?: (held: HeldNotification[]) => void;
  /** Watched incidents that resolved: remove their watches. */
  onFixed?: (fixed: { sourceId: string; incidentId: string }[]) => void;
  /** Forget the held notifications once their summary was shown. */
  clearHeld?: () => void;
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
  /**
   * Outside quiet hours, show the held notifications as one summary and clear them; inside, arm a timer for
   * the end of quiet hours. Call it at start-up and whenever the quiet-hours setting changes.
   */
  releaseHeld(): void;
  /** Drop buffered events and cancel the timers. */
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
  let quietTimer: TimerHandle | undefined;
  const calendar = deps.calendar ?? systemCalendar;
  const openIds = deps.openIncidentIds ?? (() => []);

  function levelOf(settings: AppSettings): (id: string) => NotifyLevel {
    const levels = new Map(settings.sources.map((s) => [s.id, s.enabled ? s.notify : ('none' as const)]));
    // A source no longer configured (removed while its poll was in flight) stays silent.
    return (id) => levels.get(id) ?? 'none';
  }

  function show(toast: Toast): void {
    try {
      deps.port.show(toast);
      stats.shown++;
    } catch (err) {
      stats.failed++;
      log(`Showing a notification failed: ${(err as Error)?.message ?? err}`);
    }
  }

  function releaseHeld(): void {
    if (quietTimer !== undefined) deps.clock.clearTimeout(quietTimer);
    quietTimer = undefined;
    const settings = deps.settings();
    const held = settings.heldNotifications ?? [];
    if (held.length === 0) return;
    const now = deps.clock.now();
    const end = quietHoursEnd(settings.quietHours, now, calendar);
    if (end !== undefined) {
      quietTimer = deps.clock.setTimeout(releaseHeld, Math.max(1_000, end - now));
      return;
    }
    const summary = quietSummaryToast(held);
    deps.clearHeld?.();
    // The summary is the one notification standing for the whole quiet period: it is not rate-limited away.
    if (summary && !(settings.notificationsPausedUntil !== null && settings.notificationsPausedUntil > now)) {
      limiter.take(now);
      show(summary);
    }
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
      const now = deps.clock.now();
      const byId = new Map(settings.sources.map((s) => [s.id, s]));
      plan = planNotifications(events, {
        notifyLevel: levelOf(settings),
        pausedUntil: settings.notificationsPausedUntil,
        now,
        limiter,
        quietBaselines: deps.quietBaselines?.() ?? false,
        noise: (id) => {
          const s = byId.get(id);
          return { snoozed: isSnoozed(s?.snooze, now, openIds(id)), notifyMaintenance: s?.notifyMaintenance ?? false, fixWatches: s?.fixWatches ?? [] };
        },
        quiet: { active: inQuietHours(settings.quietHours, now, calendar), criticalAlwaysNotifies: settings.quietHours?.criticalAlwaysNotifies ?? true },
      });
    } catch (err) {
      log(`Notification planning failed: ${(err as Error)?.message ?? err}`);
      return;
    }
    stats.dropped += plan.dropped;
    if (plan.dropped > 0) log(`${plan.dropped} notification(s) dropped: more than the per-minute limit`);
    for (const toast of plan.toasts) show(toast);
    if (plan.fixed.length > 0) deps.onFixed?.(plan.fixed);
    if (plan.held.length > 0) {
      deps.onHeld?.(plan.held);
      if (quietTimer === undefined) releaseHeld();
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
    releaseHeld,
    stats: () => ({ ...stats }),
    dispose() {
      if (timer !== undefined) deps.clock.clearTimeout(timer);
      if (quietTimer !== undefined) deps.clock.clearTimeout(quietTimer);
      timer = undefined;
      quietTimer = undefined;
      buffer = [];
    },
  };
}
