/**
 * The engine on status.db: each poll commits its own rows and history in one transaction, events leave the
 * engine only after that commit, a failed commit announces nothing and loses nothing, and a Statuspage
 * summary.json source is backfilled from its incidents.json.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../shared/engine/engine';
import type { EngineEvent } from '../../../shared/engine/events';
import { fetchSource } from '../../../shared/engine/http/fetch-source';
import { createNodeFetch } from '../../../shared/platform/node/node-fetch';
import { parseDocument } from '../../../shared/formats/registry';
import { backfillOnBaseline } from '../../../shared/history/backfill';
import type { PollCommit } from '../../../shared/engine/ports';
import { openStatusDatabase, type StatusDatabase } from '../../../shared/storage/sqlite';
import { FakeClock } from '../../support/fake-clock';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { DOCS, source, TEST_LIMITS, waitUntil } from './harness';
import { readFeed } from '../../support/feeds';

let server: FeedServer;
let dir: string;
let http: ReturnType<typeof createNodeFetch>;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'status-tray-engine-db-'));
  http = createNodeFetch();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await http.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setup(clock: FakeClock, wrap?: (commit: PollCommit, real: () => Promise<void>) => Promise<void>) {
  const sdb: StatusDatabase = await openStatusDatabase(join(dir, 'status.db'), { now: () => clock.now() });
  cleanups.push(() => sdb.close());
  const store = wrap ? { ...sdb.store, commitPoll: (c: PollCommit) => wrap(c, () => sdb.store.commitPoll(c)) } : sdb.store;
  const engine = createEngine({ fetch: http.fetch, store, clock, random: () => 0.5, sources: [source('do', server.url('/do.atom'))], userAgent: 'StatusTray/test', limits: TEST_LIMITS });
  cleanups.push(() => engine.stop());
  return { sdb, engine };
}

describe('engine with the SQLite store', () => {
  it('keeps only recent resolved incidents in the source state but records every incident of the document', async () => {
    server.serveFile('/do.atom', DOCS.digitalOcean1030, { etag: '"a"' });
    // 2026: every resolved incident of the 2019 document is older than the 14 days a source keeps.
    const clock = new FakeClock();
    const { sdb, engine } = await setup(clock);
    const parsed = await parseDocument(readFeed(DOCS.digitalOcean1030), { url: server.url('/do.atom'), now: clock.now() });
    expect(parsed.recentIncidents.length).toBeGreaterThan(5);
    const snap = await engine.pollOnce();
    expect(snap.sources[0]!.status!.recentIncidents).toEqual([]);
    expect(snap.sources[0]!.status!.activeIncidents.map((i) => i.id)).toEqual(parsed.activeIncidents.map((i) => i.id));
    const recorded = new Set(sdb.history.listIncidents({ sourceIds: ['do'] }).map((i) => i.id));
    for (const i of [...parsed.recentIncidents, ...parsed.activeIncidents]) expect(recorded.has(i.id), i.id).toBe(true);
    const row = sdb.db.prepare('SELECT last_status FROM source_memory WHERE source_id = ?').get('do') as { last_status: string };
    expect((JSON.parse(row.last_status) as { recentIncidents: unknown[] }).recentIncidents).toEqual([]);
  });

  it('announces an incident only after the poll that recorded it committed', async () => {
    server.serveFile('/do.atom', DOCS.digitalOcean1030, { etag: '"a"' });
    const clock = new FakeClock();
    const { sdb, engine } = await setup(clock);
    const recordedWhenHeard: boolean[] = [];
    const events: EngineEvent[] = [];
    engine.subscribe({
      onEvents: (es) => {
        events.push(...es);
        for (const e of es) if (e.type === 'incident.opened') recordedWhenHeard.push(sdb.history.listIncidents().some((i) => i.id === e.incident.id && !i.backfilled));
      },
    });
    await engine.pollOnce();
    expect(events.map((e) => e.type)).toEqual(['source.baselined']);
    const baseline = sdb.history.listIncidents();
    expect(baseline.length).toBeGreaterThan(0);
    expect(baseline.every((i) => i.backfilled)).toBe(true);

    server.swap('/do.atom', DOCS.digitalOcean1031);
    await clock.advance(400_000);
    await engine.pollOnce();
    expect(recordedWhenHeard.length).toBeGreaterThan(0);
    expect(recordedWhenHeard.every(Boolean)).toBe(true);
    // The state row carries the new validators, committed with the events.
    const row = sdb.db.prepare('SELECT etag FROM source_state WHERE source_id = ?').get('do') as { etag: string };
    expect(row.etag).not.toBe('"a"');
  });

  it('a failed commit holds the events (saveError says why) and releases them once, when a write succeeds', async () => {
    server.serveFile('/do.atom', DOCS.digitalOcean1030, { etag: '"a"' });
    const clock = new FakeClock();
    let failing = false;
    const sdb = await openStatusDatabase(join(dir, 'status.db'), { now: () => clock.now() });
    cleanups.push(() => sdb.close());
    const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const store = {
      read: () => sdb.store.read(),
      write: (st: Parameters<typeof sdb.store.write>[0]) => (failing ? Promise.reject(diskFull()) : sdb.store.write(st)),
      commitPoll: (c: PollCommit) => (failing ? Promise.reject(diskFull()) : sdb.store.commitPoll(c)),
    };
    const engine = createEngine({ fetch: http.fetch, store, clock, random: () => 0.5, sources: [source('do', server.url('/do.atom'))], userAgent: 'StatusTray/test', limits: TEST_LIMITS }, { writeGapMs: 0 });
    cleanups.push(() => engine.stop());
    const events: EngineEvent[] = [];
    engine.subscribe({ onEvents: (es) => events.push(...es) });
    await engine.pollOnce();
    server.swap('/do.atom', DOCS.digitalOcean1031);
    failing = true;
    await clock.advance(400_000);
    await engine.pollOnce();
    expect(events.map((e) => e.type)).toEqual(['source.baselined']);
    expect(engine.snapshot().saveError).toBeDefined();
    failing = false;
    await clock.advance(120_000); // the writer's retry, on the engine clock
    await waitUntil(() => events.some((e) => e.type === 'incident.opened'));
    const opened = events.filter((e) => e.type === 'incident.opened').length;
    expect(engine.snapshot().saveError).toBeUndefined();
    // The held poll reached the database through the fallback write, history included.
    expect(sdb.history.listIncidents().some((i) => !i.backfilled)).toBe(true);
    await clock.advance(400_000);
    await engine.pollOnce();
    expect(events.filter((e) => e.type === 'incident.opened')).toHaveLength(opened);
  });

  it('after a restart on the same database nothing is announced again', async () => {
    server.serveFile('/do.atom', DOCS.digitalOcean1030, { etag: '"a"' });
    const clock = new FakeClock();
    const first = await setup(clock);
    await first.engine.pollOnce();
    server.swap('/do.atom', DOCS.digitalOcean1031);
    await clock.advance(400_000);
    const heard: EngineEvent[] = [];
    first.engine.subscribe({ onEvents: (es) => heard.push(...es) });
    await first.engine.pollOnce();
    expect(heard.length).toBeGreaterThan(0);
    await first.engine.stop();
    first.sdb.close();
    const second = await setup(clock);
    const again: EngineEvent[] = [];
    second.engine.subscribe({ onEvents: (es) => again.push(...es) });
    await clock.advance(400_000);
    await second.engine.pollOnce();
    expect(again).toEqual([]);
    expect(server.requests('/do.atom').at(-1)!.headers['if-none-match']).toBeDefined();
  });

  it('a filter changed while closed re-baselines quietly on restart: read whole, nothing announced, the new view shown', async () => {
    server.serveFile('/api/v2/summary.json', DOCS.cursor, { etag: '"c"' });
    const clock = new FakeClock();
    const open = async (components: string[]) => {
      const sdb = await openStatusDatabase(join(dir, 'status.db'), { now: () => clock.now() });
      const engine = createEngine({ fetch: http.fetch, store: sdb.store, clock, random: () => 0.5, sources: [{ ...source('cur', server.url('/api/v2/summary.json')), filter: { components } }], userAgent: 'StatusTray/test', limits: TEST_LIMITS });
      return { sdb, engine };
    };
    // Cursor's open incident affects Grok Bot: watching only the CLI hides it.
    const first = await open(['CLI']);
    const snap = await first.engine.pollOnce();
    expect(snap.sources[0]!.status!.activeIncidents).toEqual([]);
    await first.engine.stop();
    const row = first.sdb.db.prepare('SELECT filter_key, page_components FROM source_state JOIN source_memory USING (source_id) WHERE source_id = ?').get('cur') as { filter_key: string | null; page_components: string | null };
    expect(row.filter_key).not.toBeNull();
    expect((JSON.parse(row.page_components!) as { name: string }[]).map((c) => c.name)).toContain('Grok Bot');
    first.sdb.close();

    const second = await open(['Grok Bot']);
    cleanups.push(() => second.sdb.close());
    cleanups.push(() => second.engine.stop());
    const heard: EngineEvent[] = [];
    second.engine.subscribe({ onEvents: (es) => heard.push(...es) });
    await clock.advance(400_000);
    const after = await second.engine.pollOnce();
    // The unchanged page must not hide behind a 304: the new filter needs the whole body.
    expect(server.requests('/api/v2/summary.json').at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(after.sources[0]!.status!.activeIncidents.map((i) => i.title)).toEqual(['Investigating service degradation — Grok Bot']);
    expect(heard.filter((e) => e.type === 'incident.opened')).toEqual([]);
  });

  it('a damaged database is moved aside; every source re-baselines silently and the snapshot says why', async () => {
    server.serveFile('/do.atom', DOCS.digitalOcean1030, { etag: '"a"' });
    const clock = new FakeClock();
    const first = await setup(clock);
    await first.engine.pollOnce();
    await first.engine.stop();
    first.sdb.close();
    // Scribble over the header and first pages, as a failing disk would.
    const fd = openSync(join(dir, 'status.db'), 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
    closeSync(fd);
    server.swap('/do.atom', DOCS.digitalOcean1031);
    const second = await setup(clock);
    const heard: EngineEvent[] = [];
    second.engine.subscribe({ onEvents: (es) => heard.push(...es) });
    await clock.advance(400_000);
    const snap = await second.engine.pollOnce();
    expect(snap.recoveryNotice).toMatch(/fresh one was started/);
    expect(heard.map((e) => e.type)).toEqual(['source.baselined']);
    expect(readdirSync(dir).some((f) => f.startsWith('status.db.corrupt-'))).toBe(true);
  });

  it('backfills a summary.json source from its incidents.json, marked backfilled', async () => {
    server.serveFile('/api/v2/summary.json', DOCS.github, { etag: '"s"' });
    server.serveFile('/api/v2/incidents.json', 'statuspage-json/githubstatus-incidents-2026-08-18-first5.json');
    const clock = new FakeClock();
    const sdb = await openStatusDatabase(join(dir, 'status.db'), { now: () => clock.now() });
    cleanups.push(() => sdb.close());
    const engine = createEngine({ fetch: http.fetch, store: sdb.store, clock, sources: [source('gh', server.url('/api/v2/summary.json'))], userAgent: 'StatusTray/test', limits: TEST_LIMITS });
    cleanups.push(() => engine.stop());
    backfillOnBaseline(engine, sdb.store, { fetch: http.fetch, fetchSource, parse: parseDocument, userAgent: 'StatusTray/test', now: () => clock.now() });
    await engine.pollOnce();
    await waitUntil(() => sdb.history.listIncidents({ sourceIds: ['gh'] }).length === 5);
    const incidents = sdb.history.listIncidents({ sourceIds: ['gh'] });
    expect(incidents.every((i) => i.backfilled && i.resolvedAt !== undefined && i.updates.length > 0)).toBe(true);
    expect(server.count('/api/v2/incidents.json')).toBe(1);
  });
});
