/**
 * Deadlines that hold: sources whose server never answers must not make a healthy source on the same origin
 * fail or wait for their deadlines. Real engine, real Node fetch (one shared undici agent), a local server;
 * and a fetch port with its own per-host queue, as Electron's is.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_CONCURRENCY } from '../../../shared/engine/engine';
import { createNodeFetch, type NodeFetch } from '../../../shared/platform/node/node-fetch';
import type { SourceConfig } from '../../../shared/domain/source';
import type { FetchPort } from '../../../shared/engine/ports';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { MemoryStore, source } from './harness';

/** Like the CLI's `--timeout 1.5`: headers and total deadline both 1.5 s. */
const TIMEOUT_MS = 1_500;
const STALLED = 24;

const HEALTHY_DOC = {
  page: { id: 'p', name: 'Healthy', url: 'https://healthy.example', updated_at: '2026-09-25T10:00:00Z' },
  status: { indicator: 'none', description: 'All Systems Operational' },
  components: [],
  incidents: [],
  scheduled_maintenances: [],
};

describe('stalled sources beside a healthy one on one origin', () => {
  let server: FeedServer;
  let http: NodeFetch;
  /** What happened, in order: a healthy request arriving, a stalled request being dropped by the client. */
  let timeline: string[];
  const held: ServerResponse[] = [];

  beforeEach(async () => {
    server = await startFeedServer();
    http = createNodeFetch();
    timeline = [];
    for (let i = 0; i < STALLED; i++) {
      server.handle(`/stalled-${i}.json`, (req, res) => {
        held.push(res); // never answered
        req.socket.once('close', () => timeline.push('stalled-dropped'));
      });
    }
    server.handle('/healthy.json', (_req, res) => {
      timeline.push('healthy-arrived');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(HEALTHY_DOC));
    });
  });

  afterEach(async () => {
    held.splice(0);
    await http.destroy();
    await server.close();
  });

  function sources(order: 'stalled-first' | 'healthy-first'): SourceConfig[] {
    const stalled = Array.from({ length: STALLED }, (_, i) => source(`stalled-${i}`, server.url(`/stalled-${i}.json`)));
    const healthy = source('healthy', server.url('/healthy.json'));
    return order === 'stalled-first' ? [...stalled, healthy] : [healthy, ...stalled];
  }

  async function runOnce(order: 'stalled-first' | 'healthy-first', concurrency: number, timeoutMs = TIMEOUT_MS) {
    const engine = createEngine({
      fetch: http.fetch,
      store: new MemoryStore(),
      sources: sources(order),
      userAgent: 'StatusTray/test (+https://example.invalid)',
      concurrency,
      limits: { headersTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs },
    });
    const startedAt = performance.now();
    const snap = await engine.pollOnce();
    const tookMs = performance.now() - startedAt;
    await engine.stop();
    const byId = new Map(snap.sources.map((s) => [s.id, s]));
    return { byId, tookMs };
  }

  for (const order of ['stalled-first', 'healthy-first'] as const) {
    for (const concurrency of [32, DEFAULT_CONCURRENCY]) {
      it(`${order}, concurrency ${concurrency}: the healthy source is ok, every stalled one is a timeout`, async () => {
        const { byId } = await runOnce(order, concurrency);
        expect(byId.get('healthy')?.lastError).toBeUndefined();
        expect(byId.get('healthy')?.health).toBe('operational');
        for (let i = 0; i < STALLED; i++) expect(byId.get(`stalled-${i}`)?.lastError?.code).toBe('timeout');
        // Not delayed by its neighbours' deadlines: the healthy request reached the server before the first
        // stalled request was given up (with a plain limit of 16 it waited for 16 of them to time out).
        const arrived = timeline.indexOf('healthy-arrived');
        expect(arrived).toBeGreaterThanOrEqual(0);
        expect(timeline.indexOf('stalled-dropped')).toBeGreaterThan(arrived);
      });
    }
  }

  it('--once ends within about one timeout, not one timeout per batch of stalled sources', async () => {
    // The case: `--timeout 3` with the default concurrency.
    const timeoutMs = 3_000;
    const { tookMs } = await runOnce('stalled-first', DEFAULT_CONCURRENCY, timeoutMs);
    // The bound is the behaviour here: every request starts within a quarter of the timeout, so the run ends
    // at about 1.25 × the timeout. Twice the timeout leaves generous slack for a loaded machine, and is what
    // the run could never beat before (16 stalled sources timed out, then the other 8 started and timed out).
    expect(tookMs).toBeLessThan(2 * timeoutMs);
  });
});

describe('a fetch port that queues requests per host (Electron: Chromium opens 6 connections per host)', () => {
  const CAP = 3;
  const LIMITS = { headersTimeoutMs: 400, totalTimeoutMs: 400 };

  /**
   * A FetchPort shaped like Chromium's socket pool: at most CAP requests per origin at once, the rest queued
   * inside the port (cancelled from the queue when their signal aborts). Stalled paths never answer.
   */
  function cappedPort(): { fetch: FetchPort; queuedEver: () => number } {
    let queuedEver = 0;
    const active = new Map<string, number>();
    const queued = new Map<string, Array<() => void>>();
    const aborted = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    const fetch: FetchPort = async (input, init) => {
      const signal = init.signal!;
      const origin = new URL(input).origin;
      if ((active.get(origin) ?? 0) >= CAP) {
        queuedEver++;
        let enter!: () => void;
        const turn = new Promise<void>((r) => (enter = r));
        queued.set(origin, [...(queued.get(origin) ?? []), enter]);
        try {
          await Promise.race([turn, aborted(signal)]);
        } catch (err) {
          queued.set(origin, (queued.get(origin) ?? []).filter((e) => e !== enter));
          throw err;
        }
      }
      active.set(origin, (active.get(origin) ?? 0) + 1);
      try {
        if (input.includes('/stalled-')) return await aborted(signal);
        return new Response(JSON.stringify(HEALTHY_DOC), { headers: { 'Content-Type': 'application/json' } });
      } finally {
        active.set(origin, active.get(origin)! - 1);
        const next = queued.get(origin)?.shift();
        next?.();
      }
    };
    return { fetch, queuedEver: () => queuedEver };
  }

  it('keeps requests beyond the cap in the engine, so the healthy source is ok and the stalled ones time out', async () => {
    const stalled = Array.from({ length: 20 }, (_, i) => source(`stalled-${i}`, `https://status.example.com/stalled-${i}.json`));
    const port = cappedPort();
    const engine = createEngine({
      fetch: port.fetch,
      store: new MemoryStore(),
      sources: [...stalled, source('healthy', 'https://status.example.com/healthy.json')],
      userAgent: 'StatusTray/test (+https://example.invalid)',
      maxRequestsPerOrigin: CAP,
      limits: LIMITS,
    });
    const snap = await engine.pollOnce();
    await engine.stop();
    const byId = new Map(snap.sources.map((s) => [s.id, s]));
    expect(byId.get('healthy')?.lastError).toBeUndefined();
    expect(byId.get('healthy')?.health).toBe('operational');
    for (let i = 0; i < 20; i++) expect(byId.get(`stalled-${i}`)?.lastError?.code).toBe('timeout');
    // No request ever waited in the port's queue, where its deadline would have been running.
    expect(port.queuedEver()).toBe(0);
  });
});
