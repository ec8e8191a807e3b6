/**
 * The polling engine: schedules every source, polls them with a concurrency limit, commits state in the
 * order of docs/architecture.md, "Commit order", and hands events and snapshots to listeners. All I/O goes through the
 * ports in `EngineOptions` (see ./ports.ts), so the same engine runs in Electron, the CLI and tests.
 */
import { setMaxListeners } from 'node:events';
import pLimit, { type LimitFunction } from 'p-limit';
import { parseDocument } from '../formats/registry';
import { systemClock, type FetchPort, type TimerHandle } from './ports';
import type { Engine, EngineOptions, EngineSnapshot } from './api';
import { intervalMs, startJitter } from './backoff';
import type { EngineEvent } from './events';
import { DEFAULT_FETCH_LIMITS, fetchSource } from './http/fetch-source';
import { applyPushedStatus, pollSource, type FetchSourceFn, type ParseFn, type PollResult } from './poll-source';
import { displayName } from '../domain/source';
import { createRequestSlots, releaseAfterMsFor, type SlotUse } from './request-slots';
import { buildSnapshot, sourceSnapshot, type SnapshotMemo } from './snapshot';
import { throttle } from './throttle';
import { createListeners } from './listeners';
import type { SourceConfig } from '../domain/source';
import { emptyEngineState, newSourceState, type EngineState, type SourceState } from './state';
import { StateStoreError } from './save-error';
import { StateWriter } from './state-writer';
import { filterKey } from '../domain/source-key';

/** Default number of requests in flight. */
export const DEFAULT_CONCURRENCY = 16;
/** Requests that may wait for a stalled server outside the concurrency limit, per unit of concurrency. */
const WAITING_OUTSIDE_FACTOR = 4;
/**
 * Polls starting and finishing publish a snapshot at most this often, ms (the first at once, the rest folded
 * into one at the interval's end); settings, pause and the like publish at once.
 */
export const SNAPSHOT_EVERY_MS = 100;

/** Replaceable collaborators, for tests that need to break them on purpose. */
export interface EngineInternals {
  fetchSource?: FetchSourceFn;
  parse?: ParseFn;
  /** Least real time between state writes, ms (default DEFAULT_WRITE_GAP_MS; tests use 0). */
  writeGapMs?: number;
}

/** Create an engine; nothing happens until `start()`, `pollOnce()` or `checkNow()`. */
export function createEngine(options: EngineOptions, internals: EngineInternals = {}): Engine {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const listeners = createListeners(log);
  const inFlight = new Map<string, Promise<void>>();
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const releaseAfterMs = releaseAfterMsFor(options.limits?.headersTimeoutMs ?? DEFAULT_FETCH_LIMITS.headersTimeoutMs);
  // One signal for every request in flight: stop() aborts them all (a controller per poll cost ~8 ms a
  // 1000-source cycle). Each request in flight listens to it: up to `concurrency` in the limit and
  // WAITING_OUTSIDE_FACTOR × concurrency waiting outside it (request-slots.ts); raise Node's leak warning
  // threshold to match.
  const maxWaiting = WAITING_OUTSIDE_FACTOR * concurrency;
  const newStopSignal = () => {
    const controller = new AbortController();
    setMaxListeners(concurrency + maxWaiting + 4, controller.signal);
    return controller;
  };
  let stopping = newStopSignal();
  // A request that waits long for its server leaves the limit (request-slots.ts): stalled neighbours must
  // not hold a healthy source back for a whole deadline, nor make its own deadline run out in a queue.
  // Measured in real time, like the request deadlines it must stay ahead of (http/deadline.ts), not on the
  // injected clock, which schedules polls.
  const limit = createRequestSlots(concurrency, releaseAfterMs, maxWaiting, systemClock);
  // A fetch port that caps connections per host (Chromium: 6) queues the rest with their deadlines
  // running; the engine keeps them in its own queue instead, where no deadline has started yet.
  const perOrigin = options.maxRequestsPerOrigin ? new Map<string, LimitFunction>() : undefined;
  const withinOrigin = <T>(url: string, task: () => Promise<T>): Promise<T> => {
    if (!perOrigin) return task();
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return task(); // fetchSource reports the bad address
    }
    let originLimit = perOrigin.get(origin);
    if (!originLimit) perOrigin.set(origin, (originLimit = pLimit(options.maxRequestsPerOrigin!)));
    return originLimit(task);
  };

  let configs = new Map<string, SourceConfig>();
  let state: EngineState = emptyEngineState();
  let loaded: Promise<void> | undefined;
  let isLoaded = false;
  let recoveryNotice: string | undefined;
  let scheduling = false;
  let paused = false;
  let stopped = false;
  let timer: TimerHandle | undefined;
  let timerAt = Infinity;
  let rescheduleQueued = false;

  // The outbox: events leave only after a write recorded them (see state-writer.ts).
  const writer = new StateWriter<EngineEvent>(options.store, () => state, clock, { release: emit, changed: writerChanged }, internals.writeGapMs);
  const snapshots = throttle(clock, SNAPSHOT_EVERY_MS, sendSnapshot);
  let failingWhenPublished = false;
  /** How long each source's last finished poll took, ms (snapshots carry it; the server's metrics read it). */
  const pollMs = new Map<string, number>();
  const snapshotMemo: SnapshotMemo = new WeakMap();
  const enabled = () => [...configs.values()].filter((c) => c.enabled !== false);

  function setConfigs(list: readonly SourceConfig[]): void {
    configs = new Map(list.map((c) => [c.id, c]));
  }
  setConfigs(options.sources);

  /**
   * Make sure every configured source has state, and forget sources no longer configured. A source whose
   * filter changed is due at once with its validators dropped, so the next poll reads the whole body again;
   * poll-source.ts re-baselines it without announcing anything (what the new filter brings into view is not
   * news).
   */
  function reconcile(): void {
    const now = clock.now();
    for (const id of Object.keys(state.sources)) if (!configs.has(id)) delete state.sources[id];
    for (const c of configs.values()) {
      const s = state.sources[c.id];
      if (!s) state.sources[c.id] = { ...newSourceState(c.url), nextPollAt: now + startJitter(intervalMs(c.intervalSeconds), random) };
      // The next poll sees the filter mismatch and re-baselines quietly (poll-source.ts); make it soon and whole.
      else if (s.filterKey !== undefined && s.filterKey !== filterKey(c.filter)) {
        state.sources[c.id] = { ...s, etag: undefined, lastModified: undefined, contentHash: undefined, nextPollAt: Math.min(s.nextPollAt ?? now, now) };
      }
    }
  }

  function ensureLoaded(): Promise<void> {
    loaded ??= (async () => {
      const read = await options.store.read().catch((err: unknown) => {
        log(`Could not read state: ${(err as Error)?.message ?? err}`);
        const why = err instanceof StateStoreError ? ` ${err.message}.` : '';
        return { state: undefined, recovered: true, recoveryReason: `The saved state could not be read.${why}` };
      });
      state = read.state ?? emptyEngineState();
      if (read.recovered) {
        recoveryNotice = read.recoveryReason ?? 'Saved state was damaged and has been restored.';
        // After recovery nothing is trusted: every source re-reads its document and baselines silently.
        for (const s of Object.values(state.sources)) Object.assign(s, { baselined: false, contentHash: undefined });
      }
      reconcile();
      isLoaded = true;
    })();
    return loaded;
  }

  function dueAt(id: string): number {
    const s = state.sources[id];
    return Math.max(s?.nextPollAt ?? 0, s?.retryNotBefore ?? 0);
  }

  function reschedule(): void {
    if (!scheduling || paused || stopped) return clearTimer();
    let earliest = Infinity;
    for (const c of enabled()) if (!inFlight.has(c.id)) earliest = Math.min(earliest, dueAt(c.id));
    if (earliest === timerAt && timer !== undefined) return;
    clearTimer();
    if (earliest === Infinity) return;
    timerAt = earliest;
    timer = clock.setTimeout(onTimer, Math.max(0, earliest - clock.now()));
  }

  /**
   * Reschedule once per turn of the event loop: polls finish in bursts (a whole cycle at start-up), and each
   * reschedule scans every source, so one per finished poll would make a cycle quadratic in the source count.
   */
  function queueReschedule(): void {
    if (rescheduleQueued) return;
    rescheduleQueued = true;
    queueMicrotask(() => {
      rescheduleQueued = false;
      reschedule();
    });
  }

  function clearTimer(): void {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
  }

  function onTimer(): void {
    timer = undefined;
    timerAt = Infinity;
    const now = clock.now();
    for (const c of enabled()) if (!inFlight.has(c.id) && dueAt(c.id) <= now) void poll(c.id);
    reschedule();
  }

  /** Poll one source (joining a poll already in flight). Never rejects. */
  function poll(id: string): Promise<void> {
    const existing = inFlight.get(id);
    if (existing) return existing;
    const startedAt = clock.now();
    const run = pollAndCommit(id)
      .catch((err: unknown) => log(`Poll of ${id} failed unexpectedly: ${(err as Error)?.stack ?? err}`))
      .finally(() => {
        inFlight.delete(id);
        pollMs.set(id, clock.now() - startedAt);
        snapshots.request();
        queueReschedule();
      });
    inFlight.set(id, run);
    snapshots.request();
    return run;
  }

  /**
   * Fetch and parse inside the concurrency limit (a slow request leaves it early, see request-slots.ts);
   * commit outside it, so a source waiting for its state write does not hold a request slot that another
   * source could use.
   */
  async function pollAndCommit(id: string): Promise<void> {
    const config = configs.get(id);
    const prev = state.sources[id];
    if (!config || !prev || stopped) return;
    const result = await withinOrigin(config.url, () => limit((use) => fetchAndParse(config, prev, use)));
    // The source was removed, replaced or the engine stopped while we waited: the result belongs to nobody.
    if (!result || stopped || configs.get(id) !== config || state.sources[id] !== prev) return;
    if (options.store.commitPoll) return commitPerPoll(id, config, result);
    state.sources[id] = result.state;
    if (result.events.length > 0) {
      // Seen incidents reach the store before anyone hears of them: a crash or a failed write never
      // re-announces. While writes fail, the writer holds the events and retries with backoff.
      await writer.commit(result.events);
    }
    if (result.validators) Object.assign(result.state, result.validators);
    writer.schedule();
  }

  /**
   * Commit through a store that writes one source's rows per poll (StateStore.commitPoll): the new state,
   * validators included, and what the events record, in one transaction; the events go out only after it.
   * When that commit fails, the poll falls back on the writer's outbox: the events are held, the whole
   * state is written (the store writes only the rows that changed) with the writer's retries and backoff,
   * `saveError` says why, and the events are released once a write recorded them — never twice.
   */
  async function commitPerPoll(id: string, config: SourceConfig, result: PollResult): Promise<void> {
    const next = result.validators ? { ...result.state, ...result.validators } : result.state;
    state.sources[id] = next;
    try {
      await options.store.commitPoll!({ sourceId: id, provider: displayName(config, next.lastStatus?.provider), state: next, events: result.events, at: clock.now(), ...(result.parsed ? { parsed: result.parsed } : {}) });
    } catch (err) {
      log(`Could not save the poll of ${id}: ${(err as Error)?.message ?? err}`);
      if (result.events.length > 0) await writer.commit(result.events);
      else writer.schedule();
      return;
    }
    if (result.events.length > 0) emit(result.events);
  }

  async function fetchAndParse(config: SourceConfig, prev: SourceState, use: SlotUse): Promise<PollResult | undefined> {
    if (stopped) return undefined;
    // The fetch promise settles when the response headers arrive (or the request fails): until then the
    // request waits for its server, and may leave the concurrency limit.
    const fetch: FetchPort = (input, init) => {
      use.waiting = true;
      const answer = options.fetch(input, init);
      const done = () => {
        use.waiting = false;
      };
      answer.then(done, done);
      return answer;
    };
    return pollSource(config, prev, {
      fetch,
      fetchSource: internals.fetchSource ?? fetchSource,
      parse: internals.parse ?? parseDocument,
      userAgent: options.userAgent,
      limits: options.limits,
      now: () => clock.now(),
      random,
      signal: stopping.signal,
      clock,
    });
  }

  function emit(events: EngineEvent[]): void {
    listeners.emit(events);
  }

  function snapshot(): EngineSnapshot {
    return buildSnapshot({
      configs: [...configs.values()],
      states: state.sources,
      inFlight: new Set(inFlight.keys()),
      pollMs,
      paused,
      recoveryNotice,
      saveError: writer.failure(),
      memo: snapshotMemo,
    });
  }

  function publishSnapshot(): void {
    snapshots.now();
  }

  /** A save failure, its held count and its recovery are news at once; a write that only released events is not. */
  function writerChanged(): void {
    if (writer.failure() || failingWhenPublished) publishSnapshot();
    else snapshots.request();
  }

  function sendSnapshot(): void {
    if (!listeners.wantSnapshots()) return;
    const snap = snapshot();
    failingWhenPublished = snap.saveError !== undefined;
    listeners.sendSnapshot(snap);
  }

  /** Poll the given sources now, except those a server asked us to leave alone (Retry-After). */
  async function pollMany(ids: string[]): Promise<void> {
    const now = clock.now();
    await Promise.all(ids.filter((id) => (state.sources[id]?.retryNotBefore ?? 0) <= now || inFlight.has(id)).map(poll));
  }

  return {
    async start() {
      stopped = false;
      if (stopping.signal.aborted) stopping = newStopSignal();
      await ensureLoaded();
      scheduling = true;
      publishSnapshot();
      reschedule();
    },
    async stop() {
      stopped = true;
      scheduling = false;
      clearTimer();
      stopping.abort();
      await Promise.allSettled([...inFlight.values()]);
      snapshots.flush();
      await writer.close({ stop: true });
    },
    setSources(list) {
      setConfigs(list);
      // Before the state is loaded, ensureLoaded() reconciles; after, do it now so the next poll sees it.
      if (!isLoaded) return;
      reconcile();
      writer.schedule();
      publishSnapshot();
      reschedule();
    },
    async checkNow(sourceId) {
      await ensureLoaded();
      await pollMany(sourceId ? [sourceId] : enabled().map((c) => c.id));
    },
    async pollOnce() {
      await ensureLoaded();
      await pollMany(enabled().map((c) => c.id));
      await writer.close();
      return snapshot();
    },
    pause() {
      paused = true;
      clearTimer();
      publishSnapshot();
    },
    resume() {
      if (!paused) return;
      paused = false;
      const now = clock.now();
      for (const c of enabled()) {
        const s = state.sources[c.id];
        if (s && (s.nextPollAt ?? 0) <= now) s.nextPollAt = now + startJitter(intervalMs(c.intervalSeconds), random);
      }
      publishSnapshot();
      reschedule();
    },
    snapshot,
    sourceSnapshot(id) {
      const config = configs.get(id);
      return config ? sourceSnapshot(config, state.sources[id], inFlight.has(id), pollMs.get(id)) : undefined;
    },
    async applyStatus(id, update) {
      await ensureLoaded();
      const config = configs.get(id);
      const prev = state.sources[id];
      if (!config || !prev || stopped) return false;
      const status = update(prev.lastStatus);
      if (!status) return false;
      // Replacing the state object makes a poll in flight for this source discard its (older) result.
      const result = applyPushedStatus(config, prev, status, clock.now());
      state.sources[id] = result.state;
      // As after a poll: the events go out only once a write has recorded them (held while writes fail).
      if (result.events.length > 0) await writer.commit(result.events);
      writer.schedule();
      publishSnapshot();
      return true;
    },
    subscribe: listeners.add,
  };
}
