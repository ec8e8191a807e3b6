import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { DOCS, engineTracker, MemoryStore, source, waitUntil } from './harness';

const DO_1030 = DOCS.digitalOcean1030;
const DO_1031 = DOCS.digitalOcean1031;
const CURSOR = DOCS.cursor;
const GITHUB = DOCS.github;

let server: FeedServer;
const { make, closeAll } = engineTracker();

beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await closeAll();
  await server.close();
});

describe('engine on real documents', () => {
  it('baselines the first poll silently, then a 304 parses nothing and emits nothing', async () => {
    server.serveFile('/do.atom', DO_1030, { etag: '"do-1"', lastModified: 'Wed, 30 Oct 2019 23:05:12 GMT' });
    const t = make([source('do', server.url('/do.atom'))]);

    const first = await t.engine.pollOnce();
    expect(t.events.map((e) => e.type)).toEqual(['source.baselined']);
    expect(first.sources[0]).toMatchObject({ name: 'DigitalOcean', health: 'operational' });
    expect(t.parses()).toBe(1);

    await t.clock.advance(60_000);
    const second = await t.engine.pollOnce();
    expect(server.requests('/do.atom').at(-1)?.headers).toMatchObject({
      'if-none-match': '"do-1"',
      'if-modified-since': 'Wed, 30 Oct 2019 23:05:12 GMT',
    });
    expect(t.parses()).toBe(1);
    expect(t.events).toHaveLength(1);
    expect(second.sources[0]?.lastCheckedAt).toBe(t.clock.now());
    expect(second.sources[0]?.status?.provider).toBe('DigitalOcean');
  });

  it('a swapped document yields exactly the right events: DigitalOcean 10-30 → 10-31 opens one incident', async () => {
    server.serveFile('/do.atom', DO_1030, { etag: '"do-1"' });
    const t = make([source('do', server.url('/do.atom'))]);
    await t.engine.pollOnce();
    server.swap('/do.atom', DO_1031);
    await t.engine.pollOnce();

    const after = t.events.slice(1);
    expect(after.map((e) => e.type).sort()).toEqual(['incident.opened', 'provider.health-changed']);
    const opened = after.find((e) => e.type === 'incident.opened');
    expect(opened?.type === 'incident.opened' && opened.incident).toMatchObject({ title: 'Issues affecting custom Droplet images', status: 'identified' });
    expect(after.find((e) => e.type === 'provider.health-changed')).toMatchObject({ previousHealth: 'operational', health: 'degraded' });
  });

  it('a restart on the same state announces nothing old and keeps sending conditional requests', async () => {
    server.serveFile('/do.atom', DO_1031, { etag: '"do-2"' });
    server.serveFile('/cursor.json', CURSOR, { etag: '"c-1"' });
    const store = new MemoryStore();
    const sources = [source('do', server.url('/do.atom')), source('cursor', server.url('/cursor.json'))];
    const before = make(sources, { store });
    await before.engine.pollOnce();
    await before.close();

    const after = make(sources, { store, clock: before.clock });
    await after.clock.advance(400_000);
    const snap = await after.engine.pollOnce();
    expect(after.events).toEqual([]);
    expect(after.parses()).toBe(0);
    expect(server.requests('/cursor.json').at(-1)?.headers['if-none-match']).toBe('"c-1"');
    // The open incidents are still shown after the restart.
    expect(snap.sources.find((s) => s.id === 'cursor')?.status?.activeIncidents.map((i) => i.title)).toEqual([
      'Investigating service degradation — Grok Bot',
    ]);
  });

  it('refreshes validators when only the ETag changes, without parsing or events (row 25)', async () => {
    server.serveFile('/gh.json', GITHUB, { etag: '"a"', lastModified: 'Thu, 25 Sep 2026 22:24:05 GMT' });
    const t = make([source('gh', server.url('/gh.json'))]);
    await t.engine.pollOnce();
    server.swap('/gh.json', { file: GITHUB, etag: '"b"', lastModified: 'Thu, 25 Sep 2026 22:30:00 GMT' });
    await t.engine.pollOnce();
    expect(t.parses()).toBe(1);
    expect(t.events.map((e) => e.type)).toEqual(['source.baselined']);
    expect(t.store.state.sources.gh).toMatchObject({ etag: '"b"', lastModified: 'Thu, 25 Sep 2026 22:30:00 GMT' });
    await t.engine.pollOnce();
    expect(server.requests('/gh.json').at(-1)?.headers['if-none-match']).toBe('"b"');
  });

  it('a server that ignores validators costs a hash comparison, not a parse (row 26)', async () => {
    server.serveFile('/gh.json', GITHUB, { etag: '"a"', ignoreValidators: true });
    const t = make([source('gh', server.url('/gh.json'))]);
    for (let i = 0; i < 3; i++) await t.engine.pollOnce();
    expect(server.count('/gh.json')).toBe(3);
    expect(t.parses()).toBe(1);
    expect(t.events).toHaveLength(1);
  });

  it('echoes a Last-Modified in 2099 verbatim and still detects newness by id (row 27)', async () => {
    const future = 'Thu, 01 Jan 2099 00:00:00 GMT';
    server.serveFile('/do.atom', DO_1030, { lastModified: future });
    const t = make([source('do', server.url('/do.atom'))]);
    await t.engine.pollOnce();
    server.swap('/do.atom', { file: DO_1031, lastModified: future });
    await t.engine.pollOnce();
    expect(server.requests('/do.atom').at(-1)?.headers['if-modified-since']).toBe(future);
    // The origin's clock says nothing changed, so it answers 304: the validator is the origin's business.
    expect(t.events.filter((e) => e.type === 'incident.opened')).toHaveLength(0);
    server.swap('/do.atom', { file: DO_1031, lastModified: false });
    await t.engine.pollOnce();
    expect(t.events.filter((e) => e.type === 'incident.opened')).toHaveLength(1);
  });

  it('polls on its own schedule: nothing before the interval, then again after it', async () => {
    server.serveFile('/gh.json', GITHUB, { etag: '"a"' });
    const t = make([source('gh', server.url('/gh.json'), 120)]);
    await t.engine.start();
    await t.clock.advance(5_000); // start jitter
    await waitUntil(() => server.count('/gh.json') === 1 && !t.engine.snapshot().sources[0]!.polling);
    await t.clock.advance(110_000);
    expect(server.count('/gh.json')).toBe(1);
    await t.clock.advance(25_000); // interval 120 s + at most 10 % jitter
    await waitUntil(() => server.count('/gh.json') === 2);
  });

  it('does not poll early after a restart: nextPollAt is persisted', async () => {
    server.serveFile('/gh.json', GITHUB, { etag: '"a"' });
    const store = new MemoryStore();
    const first = make([source('gh', server.url('/gh.json'))], { store });
    await first.engine.pollOnce();
    await first.close();
    const again = make([source('gh', server.url('/gh.json'))], { store, clock: first.clock });
    await again.engine.start();
    await again.clock.advance(200_000);
    expect(server.count('/gh.json')).toBe(1);
    await again.clock.advance(200_000);
    await waitUntil(() => server.count('/gh.json') === 2);
  });

  it('pause stops polling and resume picks up what came due', async () => {
    server.serveFile('/gh.json', GITHUB, { etag: '"a"' });
    const t = make([source('gh', server.url('/gh.json'), 60)]);
    await t.engine.pollOnce();
    await t.engine.start();
    t.engine.pause();
    expect(t.engine.snapshot().paused).toBe(true);
    await t.clock.advance(600_000);
    expect(server.count('/gh.json')).toBe(1);
    t.engine.resume();
    await t.clock.advance(5_000);
    await waitUntil(() => server.count('/gh.json') === 2);
  });

  it('stop() reaches every request in flight through one signal, without Node leak warnings at full concurrency', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
      for (const id of ids) server.handle(`/${id}`, () => undefined); // never answers
      const t = make(ids.map((id) => source(id, server.url(`/${id}`))));
      const polling = t.engine.pollOnce();
      // 16 start at once; waiting for a server that never answers, they leave the concurrency limit after
      // a quarter of the headers deadline and the other 24 start: 40 requests listen to the stop signal.
      await waitUntil(() => server.totalRequests() === 40);
      await t.engine.stop();
      await polling;
      const afterStop = server.totalRequests();
      await new Promise((r) => setTimeout(r, 300));
      expect(server.totalRequests()).toBe(afterStop); // and nothing new after stop()
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('setSources adds and forgets sources', async () => {
    server.serveFile('/gh.json', GITHUB);
    server.serveFile('/cursor.json', CURSOR);
    const t = make([source('gh', server.url('/gh.json'))]);
    await t.engine.pollOnce();
    t.engine.setSources([source('cursor', server.url('/cursor.json'))]);
    const snap = await t.engine.pollOnce();
    expect(snap.sources.map((s) => s.id)).toEqual(['cursor']);
    expect(snap.overall).toBe('degraded');
    expect(Object.keys(t.store.state.sources)).toEqual(['cursor']);
  });
});

