/**
 * Builds a real engine for tests: real fetcher and parsers against the local feed server, an in-memory
 * state store that round-trips through JSON (like a file would), a fake clock, and recorders for events
 * and parse calls.
 */
import { createEngine, type EngineInternals } from '../../../shared/engine/engine';
import type { Engine } from '../../../shared/engine/api';
import type { EngineEvent } from '../../../shared/engine/events';
import { createNodeFetch } from '../../../shared/platform/node/node-fetch';
import type { SourceConfig } from '../../../shared/domain/source';
import { parseEngineState, type EngineState } from '../../../shared/engine/state';
import { parseDocument } from '../../../shared/formats/registry';
import type { StateReadResult, StateStore } from '../../../shared/engine/ports';
import { FakeClock } from '../../support/fake-clock';

/** A StateStore kept as JSON text, so what the engine reads back is exactly what it wrote. */
export class MemoryStore implements StateStore {
  readonly location = '/test/state.json';
  text: string | undefined;
  writes = 0;
  /** Failed write attempts so far. */
  failedWrites = 0;
  recoverNext = false;
  failWrites = false;
  /** When set, every write rejects with a system error of this code (ENOSPC, EROFS, EACCES, …). */
  failWith: string | undefined;

  async read(): Promise<StateReadResult> {
    if (this.recoverNext) return { state: undefined, recovered: true, recoveryReason: 'test recovery' };
    return { state: this.text === undefined ? undefined : parseEngineState(JSON.parse(this.text)), recovered: false };
  }

  async write(state: EngineState): Promise<void> {
    const text = JSON.stringify(state);
    await Promise.resolve(); // like a real store: the failure arrives after serialising
    if (this.failWith) {
      this.failedWrites++;
      throw Object.assign(new Error(`${this.failWith}: write failed, write '${this.location}.tmp-1'`), { code: this.failWith });
    }
    if (this.failWrites) {
      this.failedWrites++;
      throw new Error('disk full');
    }
    this.text = text;
    this.writes++;
  }

  /** The last written state. */
  get state(): EngineState {
    return JSON.parse(this.text ?? 'null') as EngineState;
  }
}

/** Everything a test needs around one engine. */
export interface TestEngine {
  engine: Engine;
  clock: FakeClock;
  store: MemoryStore;
  events: EngineEvent[];
  /** Number of documents parsed so far. */
  parses: () => number;
  close: () => Promise<void>;
}

/** Short deadlines so fault tests finish in well under a second each. */
export const TEST_LIMITS = { headersTimeoutMs: 600, totalTimeoutMs: 1200 };

/** Create an engine on `sources` with test ports; pass a store to simulate a restart on the same state. */
export function testEngine(
  sources: SourceConfig[],
  opts: { store?: MemoryStore; clock?: FakeClock; internals?: EngineInternals; random?: () => number; limits?: typeof TEST_LIMITS } = {},
): TestEngine {
  const http = createNodeFetch();
  const clock = opts.clock ?? new FakeClock();
  const store = opts.store ?? new MemoryStore();
  const events: EngineEvent[] = [];
  let parses = 0;
  const engine = createEngine(
    {
      fetch: http.fetch,
      store,
      clock,
      random: opts.random ?? (() => 0.5),
      sources,
      userAgent: 'StatusTray/test (+https://example.invalid)',
      limits: opts.limits ?? TEST_LIMITS,
    },
    {
      parse: async (body, ctx) => {
        parses++;
        return parseDocument(body, ctx);
      },
      writeGapMs: 0,
      ...opts.internals,
    },
  );
  engine.subscribe({ onEvents: (e) => events.push(...e) });
  let closed: Promise<void> | undefined;
  return {
    engine,
    clock,
    store,
    events,
    parses: () => parses,
    close: () =>
      (closed ??= (async () => {
        await engine.stop();
        await http.close();
      })()),
  };
}

/** Source config shorthand. */
export const source = (id: string, url: string, intervalSeconds = 300): SourceConfig => ({ id, url, intervalSeconds });

/** Captured documents the engine tests serve (paths under ../shared/feeds). */
export const DOCS = {
  cursor: 'statuspage-json/cursor-summary-2026-09-25-active-incident.json',
  github: 'statuspage-json/githubstatus-summary-2026-09-25-operational.json',
  digitalOcean1030: 'statuspage-feeds/digitalocean-history-2019-10-30.atom',
  digitalOcean1031: 'statuspage-feeds/digitalocean-history-2019-10-31-active.atom',
} as const;

/** Engines made by a test file, closed together in `afterEach`. */
export function engineTracker(): { make: typeof testEngine; closeAll: () => Promise<void> } {
  const engines: TestEngine[] = [];
  return {
    make: (...args) => {
      const t = testEngine(...args);
      engines.push(t);
      return t;
    },
    closeAll: async () => {
      await Promise.all(engines.splice(0).map((t) => t.close()));
    },
  };
}

/** Wait (real time, bounded) until `cond` holds: HTTP round trips are real even with a fake clock. */
export async function waitUntil(cond: () => boolean, timeoutMs = 4000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
