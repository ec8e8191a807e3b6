/**
 * Rows of docs/http-and-faults.md about scheduling and recovery at the engine level: DNS failure, one stalled source among
 * ten, permanent redirects, Retry-After, repeated 503s, and a crash inside the event listener.
 */
import { fetchSource } from '../../../shared/engine/http/fetch-source';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../shared/engine/engine';
import type { FetchPort } from '../../../shared/engine/ports';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { FakeClock } from '../../support/fake-clock';
import { DOCS, engineTracker, MemoryStore, source, TEST_LIMITS, waitUntil } from './harness';

const CURSOR = DOCS.cursor;
const GITHUB = DOCS.github;

let server: FeedServer;
const { make, closeAll } = engineTracker();
beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/gh', GITHUB, { etag: '"g1"' });
  server.serveFile('/cursor', CURSOR, { etag: '"c1"' });
});
afterEach(async () => {
  await closeAll();
  await server.close();
});


describe('engine recovery rules', () => {
  it('row 12: a DNS failure is a dns error for that source only', async () => {
    const clock = new FakeClock();
    const realFetch: FetchPort = (url, init) => fetch(url, init);
    const dnsFailing: FetchPort = (url, init) =>
      url.includes('does-not-exist.invalid') ? Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })) : realFetch(url, init);
    const engine = createEngine({
      fetch: dnsFailing,
      store: new MemoryStore(),
      clock,
      sources: [source('bad', 'https://status.does-not-exist.invalid/api/v2/summary.json'), source('gh', server.url('/gh')), source('cursor', server.url('/cursor'))],
      userAgent: 'StatusTray/test',
      limits: TEST_LIMITS,
    });
    const snap = await engine.pollOnce();
    expect(snap.sources.find((s) => s.id === 'bad')?.lastError?.code).toBe('dns');
    expect(snap.sources.find((s) => s.id === 'gh')?.health).toBe('operational');
    expect(snap.sources.find((s) => s.id === 'cursor')?.health).toBe('degraded');
    await engine.stop();
  });

  it('row 13: one stalled source does not hold up nine healthy ones', async () => {
    // Each poll's fetch is timed as it ends: the stalled one when the engine gives up on it. (Snapshots cannot
    // time them: polls publish them at most every SNAPSHOT_EVERY_MS of the test clock.)
    server.handle('/stalled', () => undefined);
    const ids = Array.from({ length: 9 }, (_, i) => `ok${i}`);
    for (const id of ids) server.serveFile(`/${id}`, GITHUB);
    const doneAt = new Map<string, number>();
    const timed: typeof fetchSource = async (req, deps) => {
      const outcome = await fetchSource(req, deps);
      doneAt.set(new URL(req.url).pathname.slice(1), performance.now());
      return outcome;
    };
    const t = make([source('stalled', server.url('/stalled')), ...ids.map((id) => source(id, server.url(`/${id}`)))], { internals: { fetchSource: timed } });
    await t.engine.pollOnce();
    expect(t.engine.snapshot().sources.find((s) => s.id === 'stalled')?.lastError?.code).toBe('timeout');
    const stalledAt = doneAt.get('stalled')!;
    for (const id of ids) expect(doneAt.get(id)).toBeLessThan(stalledAt);
  });

  it('row 17: a 301 target is stored after the third good poll; a 302 never is', async () => {
    server.serveFile('/new', GITHUB, { etag: '"n1"' });
    server.handle('/old', (_req, res) => res.writeHead(301, { Location: '/new' }).end());
    server.handle('/temp', (_req, res) => res.writeHead(302, { Location: '/new' }).end());
    const t = make([source('moved', server.url('/old')), source('temp', server.url('/temp'))]);
    for (let poll = 1; poll <= 3; poll++) {
      expect(t.store.text === undefined || t.store.state.sources.moved?.url === server.url('/old')).toBe(true);
      await t.clock.advance(400_000);
      await t.engine.pollOnce();
    }
    expect(t.store.state.sources.moved?.url).toBe(server.url('/new'));
    expect(t.store.state.sources.temp?.url).toBe(server.url('/temp'));
    const oldHits = server.count('/old');
    await t.clock.advance(400_000);
    await t.engine.pollOnce();
    expect(server.count('/old')).toBe(oldHits); // now polled directly at the new URL
  });

  it('row 19: 429 with Retry-After 120 → no request before +120 s, even with check now', async () => {
    server.handle('/limited', (_req, res, { count }) =>
      count === 1 ? res.writeHead(429, { 'Retry-After': '120' }).end() : res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ page: { id: 'x', name: 'Limited', url: 'https://example.com', updated_at: '2026-01-01T00:00:00Z' }, status: { indicator: 'none', description: 'ok' }, components: [], incidents: [], scheduled_maintenances: [] })),
    );
    const t = make([source('limited', server.url('/limited'), 60), source('gh', server.url('/gh'), 60)]);
    await t.engine.pollOnce();
    expect(t.engine.snapshot().sources.find((s) => s.id === 'limited')?.lastError?.code).toBe('rate-limited');
    await t.engine.start();
    await t.clock.advance(100_000);
    await t.engine.checkNow('limited');
    expect(server.count('/limited')).toBe(1);
    await t.clock.advance(25_000);
    await waitUntil(() => server.count('/limited') === 2);
    await waitUntil(() => t.engine.snapshot().sources.find((s) => s.id === 'limited')?.health === 'operational');
  });

  it('row 20: 503 with an HTTP-date Retry-After is read on the server clock, not ours', async () => {
    // The server's clock is its own fixed instant, not this machine's: the test must not depend on the date.
    const serverNow = Date.UTC(2026, 10, 21, 12, 0, 0);
    server.handle('/busy', (_req, res) => {
      res.writeHead(503, { Date: new Date(serverNow).toUTCString(), 'Retry-After': new Date(serverNow + 300_000).toUTCString() }).end();
    });
    const clock = new FakeClock(serverNow + 3_600_000); // our clock is an hour ahead of the server's
    const t = make([source('busy', server.url('/busy'))], { clock });
    await t.engine.pollOnce();
    const s = t.store.state.sources.busy!;
    expect(s.retryNotBefore! - clock.now()).toBeGreaterThanOrEqual(299_000);
    expect(s.retryNotBefore! - clock.now()).toBeLessThanOrEqual(301_000);
  });

  it('row 21: repeated 503s back off with growing, jittered delays, never give up, and a success resets', async () => {
    let failing = true;
    server.handle('/flaky', (_req, res) =>
      failing ? res.writeHead(503).end() : res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ page: { id: 'f', name: 'Flaky', url: 'https://example.com', updated_at: '2026-01-01T00:00:00Z' }, status: { indicator: 'none', description: 'ok' }, components: [], incidents: [] })),
    );
    const t = make([source('flaky', server.url('/flaky'))], { random: () => 0.99 });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await t.engine.pollOnce();
      const s = t.store.state.sources.flaky!;
      delays.push(s.nextPollAt! - t.clock.now());
      await t.clock.advance(s.nextPollAt! - t.clock.now());
    }
    expect(t.store.state.sources.flaky?.failures).toBe(8);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[0]).toBeLessThan(delays[3]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(30 * 60_000);
    failing = false;
    await t.engine.pollOnce();
    expect(t.store.state.sources.flaky).toMatchObject({ failures: 0 });
    expect(t.store.state.sources.flaky?.lastError).toBeUndefined();
  });

  it('row 47: a crash in the listener after the store write never re-announces, and the incident stays listed', async () => {
    server.serveFile('/do', 'statuspage-feeds/digitalocean-history-2019-10-30.atom', { etag: '"d1"' });
    const store = new MemoryStore();
    const first = make([source('do', server.url('/do'))], { store });
    await first.engine.pollOnce();
    server.swap('/do', 'statuspage-feeds/digitalocean-history-2019-10-31-active.atom');
    let thrown = 0;
    let seenOnDiskAtEmit: unknown;
    first.engine.subscribe({
      onEvents: (events) => {
        thrown++;
        const opened = events.find((e) => e.type === 'incident.opened');
        if (opened?.type === 'incident.opened') seenOnDiskAtEmit = store.state.sources.do?.seen[opened.incident.id];
        throw new Error('notifier crashed');
      },
    });
    await first.engine.pollOnce();
    expect(thrown).toBe(1);
    // By the time anyone hears of an incident, the disk already knows it was seen.
    expect(seenOnDiskAtEmit).toMatchObject({ active: true, status: 'identified' });
    await first.close();

    const second = make([source('do', server.url('/do'))], { store, clock: first.clock });
    await second.clock.advance(400_000);
    server.swap('/do', { file: 'statuspage-feeds/digitalocean-history-2019-10-31-active.atom', etag: '"forced-refetch"' });
    const snap = await second.engine.pollOnce();
    expect(second.events).toEqual([]);
    expect(snap.sources[0]?.status?.activeIncidents.map((i) => i.title)).toEqual(['Issues affecting custom Droplet images']);
  });

  it('after store recovery every source baselines silently', async () => {
    const store = new MemoryStore();
    const first = make([source('cursor', server.url('/cursor'))], { store });
    await first.engine.pollOnce();
    await first.close();
    store.recoverNext = true;
    const second = make([source('cursor', server.url('/cursor'))], { store, clock: first.clock });
    const snap = await second.engine.pollOnce();
    expect(snap.recoveryNotice).toBe('test recovery');
    expect(second.events.map((e) => e.type)).toEqual(['source.baselined']);
  });
});
