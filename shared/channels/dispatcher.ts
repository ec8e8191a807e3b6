/**
 * Routes alerts to channels without ever holding up polling: `handle(events)` only filters and enqueues, and
 * returns at once; each channel drains its own queue in order, one alert at a time, on the injected clock.
 *
 * Per channel: an alert is tried, and a retryable failure is tried again after a backoff
 * (`min(maxDelay, base · 2^(attempt−1))` with full jitter, or the receiver's Retry-After), at most
 * `maxAttempts` times; then it is logged `failed` and the queue moves on. Alerts behind it wait, so a channel
 * keeps its order. Channels share nothing: one that fails or hangs never delays, loses or repeats an alert for
 * another. An alert id a channel already took is not queued again (the same event handed over twice).
 * The queue is bounded (`maxQueue`); when full, the oldest waiting alert is dropped and logged.
 */
import type { EngineEvent } from '../engine/events';
import type { Clock, RandomPort, TimerHandle } from '../engine/ports';
import { alertsFromEvents, filterAllows, testAlert } from './alerts';
import type { DeliveryLog } from './delivery-log';
import type { ChannelTestResult } from '../domain/channel';
import type { SendFn } from './senders';
import { DeliveryError, type Alert, type ChannelConfig } from './types';

/** Retry policy. */
export interface RetryPolicy {
  /** Attempts in all, including the first (default 5). */
  maxAttempts: number;
  /** First backoff ceiling, ms (default 5 000). */
  baseDelayMs: number;
  /** Largest backoff, ms (default 5 min). */
  maxDelayMs: number;
}

/** Default retry policy. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 5 * 60_000 };
/** Alerts waiting per channel at most. */
export const DEFAULT_MAX_QUEUE = 200;
/** Alert ids remembered per channel to refuse duplicates. */
const REMEMBERED_IDS = 2_000;

/** What `createChannelDispatcher` needs. */
export interface DispatcherDeps {
  /** The channels in force, read on every `handle` (settings may change). */
  channels: () => readonly ChannelConfig[];
  send: SendFn;
  clock: Clock;
  log: DeliveryLog;
  random?: RandomPort;
  retry?: Partial<RetryPolicy>;
  maxQueue?: number;
  /** Diagnostics (never given secrets). */
  warn?: (message: string) => void;
}

/** Result of "Send test" (the shape lives in shared/domain/channel.ts, so the settings window reads it too). */
export type TestResult = ChannelTestResult;

/** The dispatcher. */
export interface ChannelDispatcher {
  /** Hand over the events of one poll (an `EngineListener.onEvents`). Never throws, never waits. */
  handle(events: readonly EngineEvent[]): void;
  /** Queue ready-made alerts (the headless server's own sources use it too). Never throws. */
  enqueue(alerts: readonly Alert[]): void;
  /** Send a test alert to one channel now, once, outside its queue, and say what happened. */
  sendTest(channel: ChannelConfig): Promise<TestResult>;
  /** Resolves when every queue is empty and nothing is scheduled (the CLI's `--once`, tests). */
  idle(): Promise<void>;
  /** Alerts waiting per channel id. */
  pending(): Record<string, number>;
  /** Cancel timers and drop queues. */
  dispose(): void;
}

interface Lane {
  queue: Alert[];
  taken: Set<string>;
  busy: boolean;
  timer?: TimerHandle;
  channel: ChannelConfig;
}

/** Create the dispatcher. */
export function createChannelDispatcher(deps: DispatcherDeps): ChannelDispatcher {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const maxQueue = deps.maxQueue ?? DEFAULT_MAX_QUEUE;
  const random = deps.random ?? Math.random;
  const warn = deps.warn ?? (() => undefined);
  const lanes = new Map<string, Lane>();
  let idleWaiters: Array<() => void> = [];
  let disposed = false;

  function record(entry: Parameters<DeliveryLog['record']>[0]): void {
    try {
      deps.log.record(entry);
    } catch (err) {
      warn(`The delivery log failed: ${(err as Error)?.message ?? err}`);
    }
  }

  function isIdle(): boolean {
    for (const l of lanes.values()) if (l.busy || l.queue.length > 0 || l.timer !== undefined) return false;
    return true;
  }

  function notifyIdle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function laneOf(channel: ChannelConfig): Lane {
    let lane = lanes.get(channel.id);
    if (!lane) {
      lane = { queue: [], taken: new Set(), busy: false, channel };
      lanes.set(channel.id, lane);
    }
    lane.channel = channel;
    return lane;
  }

  function enqueue(alerts: readonly Alert[]): void {
    if (disposed || alerts.length === 0) return;
    let channels: readonly ChannelConfig[];
    try {
      channels = deps.channels();
    } catch (err) {
      warn(`Reading the channels failed: ${(err as Error)?.message ?? err}`);
      return;
    }
    for (const channel of channels) {
      if (channel.enabled === false) continue;
      const lane = laneOf(channel);
      for (const alert of alerts) {
        if (lane.taken.has(alert.id) || !filterAllows(channel.filter, alert)) continue;
        lane.taken.add(alert.id);
        if (lane.taken.size > REMEMBERED_IDS) lane.taken.delete(lane.taken.values().next().value as string);
        lane.queue.push(alert);
        if (lane.queue.length > maxQueue) {
          const dropped = lane.queue.splice(lane.busy ? 1 : 0, 1)[0]!;
          record({ channelId: channel.id, alertId: dropped.id, alertType: dropped.type, outcome: 'dropped', attempt: 0, at: deps.clock.now(), error: 'The channel’s queue was full.' });
        }
      }
      void drain(lane);
    }
  }

  function backoff(attempt: number, err: DeliveryError): number {
    if (err.retryAfterMs !== undefined) return Math.min(err.retryAfterMs, retry.maxDelayMs * 4);
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    // Full jitter, floored at a second so a burst of failures cannot spin.
    return Math.max(1_000, Math.floor(random() * ceiling));
  }

  async function drain(lane: Lane): Promise<void> {
    if (lane.busy || lane.timer !== undefined) return;
    const alert = lane.queue[0];
    if (!alert) return notifyIdle();
    lane.busy = true;
    await attempt(lane, alert, 1);
  }

  async function attempt(lane: Lane, alert: Alert, n: number): Promise<void> {
    const channelId = lane.channel.id;
    let error: DeliveryError | undefined;
    try {
      await deps.send(lane.channel, alert);
    } catch (err) {
      error = err instanceof DeliveryError ? err : new DeliveryError(`Unexpected failure: ${(err as Error)?.message ?? err}`, true);
    }
    if (disposed) return;
    const now = deps.clock.now();
    const base = { channelId, alertId: alert.id, alertType: alert.type, attempt: n, at: now };
    if (!error) {
      record({ ...base, outcome: 'delivered' });
      return next(lane);
    }
    const detail = { error: error.message, ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}) };
    if (!error.retryable || n >= retry.maxAttempts) {
      record({ ...base, outcome: 'failed', ...detail });
      warn(`Channel ${channelId}: giving up on an alert after ${n} attempt(s): ${error.message}`);
      return next(lane);
    }
    const delay = backoff(n, error);
    record({ ...base, outcome: 'retrying', ...detail, nextAttemptAt: now + delay });
    lane.busy = false;
    lane.timer = deps.clock.setTimeout(() => {
      lane.timer = undefined;
      if (disposed || lane.queue[0] !== alert) return void drain(lane);
      lane.busy = true;
      void attempt(lane, alert, n + 1);
    }, delay);
  }

  function next(lane: Lane): Promise<void> {
    lane.queue.shift();
    lane.busy = false;
    return drain(lane);
  }

  return {
    handle(events) {
      try {
        enqueue(alertsFromEvents(events));
      } catch (err) {
        warn(`Turning events into alerts failed: ${(err as Error)?.message ?? err}`);
      }
    },
    enqueue,
    async sendTest(channel) {
      const alert = testAlert(channel.name ?? channel.id, deps.clock.now());
      try {
        await deps.send(channel, alert);
        record({ channelId: channel.id, alertId: alert.id, alertType: 'test', outcome: 'delivered', attempt: 1, at: deps.clock.now() });
        return { ok: true };
      } catch (err) {
        const e = err instanceof DeliveryError ? err : new DeliveryError(String((err as Error)?.message ?? err), false);
        record({ channelId: channel.id, alertId: alert.id, alertType: 'test', outcome: 'failed', attempt: 1, at: deps.clock.now(), error: e.message, ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}) });
        return { ok: false, error: e.message, ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}) };
      }
    },
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    pending() {
      return Object.fromEntries([...lanes].map(([id, l]) => [id, l.queue.length]));
    },
    dispose() {
      disposed = true;
      for (const l of lanes.values()) if (l.timer !== undefined) deps.clock.clearTimeout(l.timer);
      lanes.clear();
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    },
  };
}
