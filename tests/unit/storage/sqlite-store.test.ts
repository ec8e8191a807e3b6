/**
 * status.db: per-source commits, history recording, pruning, recovery from a damaged file, and the one-time
 * import of the old JSON state file.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../shared/engine/events';
import { emptyEngineState, newSourceState, type SourceState } from '../../../shared/engine/state';
import { openStatusDatabase, type StatusDatabase } from '../../../shared/storage/sqlite';
import { GROUP_COMMIT_QUIET_WAIT_MS, GROUP_COMMIT_WAIT_MS } from '../../../shared/storage/sqlite/sqlite-store';
import { MIGRATIONS } from '../../../shared/storage/sqlite/schema';
import { keptStatus } from '../../../shared/engine/kept-status';
import Database from 'better-sqlite3';
import { DAY, HOUR, T0, incident, status } from '../history/fixtures';

let dir: string;
let opened: StatusDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-sqlite-'));
});
afterEach(() => {
  for (const o of opened) if (o.db.open) o.close();
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

async function open(name = 'status.db', options: Parameters<typeof openStatusDatabase>[1] = {}): Promise<StatusDatabase> {
  const o = await openStatusDatabase(join(dir, name), { now: () => T0, ...options });
  opened.push(o);
  return o;
}

const baselined = (at: number): EngineEvent => ({ type: 'source.baselined', sourceId: 's', provider: 'Example', health: 'operational', at, openIncidents: [] });

function parsedState(s: ReturnType<typeof status>, over: Partial<SourceState> = {}): SourceState {
  return { ...newSourceState('https://status.example.com/api/v2/summary.json'), baselined: true, lastHealth: s.health, lastStatus: s, etag: '"v1"', nextPollAt: T0 + 60_000, ...over };
}

describe('commitPoll', () => {
  it('keeps a source state across a reopen, and a later bookkeeping commit changes only its scalars', async () => {
    const a = await open();
    await a.store.read();
    const s1 = parsedState(status('operational'));
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: s1, events: [baselined(T0)], at: T0 });
    const s2 = { ...s1, etag: '"v2"', nextPollAt: T0 + 120_000 };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: s2, events: [], at: T0 + 60_000 });
    a.close();
    const b = await open();
    const read = await b.store.read();
    expect(read.recovered).toBe(false);
    expect(read.state!.sources.s).toMatchObject({ etag: '"v2"', nextPollAt: T0 + 120_000, baselined: true, lastHealth: 'operational' });
    expect(read.state!.sources.s!.lastStatus).toEqual(s1.lastStatus);
  });

  it('keeps each source across the upgrade that moved its memory out of source_state (version 6), and a 304 touches only the scalars', async () => {
    const a = await open('current.db');
    await a.store.read();
    const withComponents = { ...parsedState(status('degraded', [incident('open')], { API: 'degraded_performance' })), pageComponents: [{ name: 'API' }], filterKey: 'components:API' };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: withComponents, events: [baselined(T0)], at: T0 });
    const before = (await a.store.read()).state!.sources.s;
    a.close();
    // The same row as version 5 stored it: blobs inside source_state.
    const old = new Database(join(dir, 'v6.db'));
    for (const sql of MIGRATIONS.slice(0, 5)) old.exec(sql);
    old.pragma('user_version = 5');
    const row = { ...(withComponents as object), seen: JSON.stringify(before!.seen), lastStatus: JSON.stringify(before!.lastStatus), pageComponents: JSON.stringify(before!.pageComponents) } as Record<string, unknown>;
    old.prepare(`INSERT INTO source_state (source_id, url, etag, baselined, failures, next_poll_at, last_health, last_status, seen, filter_key, page_components)
      VALUES ('s', @url, @etag, 1, 0, @nextPollAt, @lastHealth, @lastStatus, @seen, @filterKey, @pageComponents)`).run(row);
    old.close();

    const upgraded = await open('v6.db');
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const columns = (upgraded.db.prepare('PRAGMA table_info(source_state)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('seen');
    const read = (await upgraded.store.read()).state!.sources.s!;
    expect(read).toEqual(before);
    // A 304 afterwards changes source_state alone: the memory row is left as it is.
    const memory = () => upgraded.db.prepare('SELECT * FROM source_memory').all();
    const kept = memory();
    await upgraded.store.commitPoll({ sourceId: 's', provider: 'Example', state: { ...read, lastCheckedAt: T0 + 60_000, nextPollAt: T0 + 120_000 }, events: [], at: T0 + 60_000 });
    expect(memory()).toEqual(kept);
    expect((await upgraded.store.read()).state!.sources.s).toMatchObject({ lastCheckedAt: T0 + 60_000, lastStatus: before!.lastStatus });
  });

  it('write() forgets removed sources and adds new ones, leaving the rest untouched', async () => {
    const a = await open();
    await a.store.read();
    const st = emptyEngineState();
    st.sources.x = newSourceState('https://x.example/feed');
    st.sources.y = newSourceState('https://y.example/feed');
    await a.store.write(st);
    delete st.sources.x;
    await a.store.write(st);
    expect(Object.keys((await a.store.read()).state!.sources)).toEqual(['y']);
  });

  it('records the first document as backfilled history, later news as live, and every health transition', async () => {
    const a = await open();
    await a.store.read();
    const old = incident('old', { startedAt: T0 - 3 * DAY, resolvedAt: T0 - 3 * DAY + HOUR });
    const first = status('operational', [old], { API: 'operational' });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(first), events: [baselined(T0)], at: T0 });
    const fresh = incident('new', { startedAt: T0 + HOUR, impact: 'critical' });
    const second = status('major_outage', [fresh, old], { API: 'major_outage' });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(second), events: [], at: T0 + 2 * HOUR });
    const fixed = incident('new', { startedAt: T0 + HOUR, impact: 'critical', resolvedAt: T0 + 3 * HOUR });
    const third = status('operational', [fixed, old], { API: 'operational' });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(third), events: [], at: T0 + 4 * HOUR });

    const incidents = a.history.listIncidents();
    expect(incidents.map((i) => [i.id, i.backfilled, i.resolvedAt])).toEqual([
      ['new', false, T0 + 3 * HOUR],
      ['old', true, T0 - 3 * DAY + HOUR],
    ]);
    expect(incidents[0]!.updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
    const t = a.history.transitions(undefined, 0).map((x) => [x.component, x.at, x.health]);
    expect(t).toEqual([
      ['', T0, 'operational'],
      ['', T0 + 2 * HOUR, 'major_outage'],
      ['', T0 + 4 * HOUR, 'operational'],
      ['API', T0, 'operational'],
      ['API', T0 + 2 * HOUR, 'major_outage'],
      ['API', T0 + 4 * HOUR, 'operational'],
    ]);
    const [provider, api] = a.history.uptime(['s'], T0 + 4 * HOUR, { components: true });
    expect(api!.component).toBe('API');
    // 24 h window: covered from the backfilled incident three days ago … only the last 24 h count.
    const day = provider!.figures.find((f) => f.window === '24h')!;
    expect(day.downtimeMs).toBe(2 * HOUR);
  });

  it('records every update of a long history once, and an update a document lists twice as its last copy', async () => {
    const a = await open();
    await a.store.read();
    const iso = (ms: number) => new Date(ms).toISOString();
    // 45 updates (more than one statement carries), then incidents with a few each, one listing an update twice.
    const long = incident('long', {
      startedAt: T0 - 50 * HOUR,
      updates: Array.from({ length: 45 }, (_, k) => ({ status: 'monitoring' as const, text: `Update ${45 - k}.`, at: iso(T0 - (k + 1) * HOUR) })),
    });
    const twice = incident('twice', {
      startedAt: T0 - 3 * HOUR,
      updates: [
        { status: 'identified', text: 'Second copy.', at: iso(T0 - 2 * HOUR) },
        { status: 'identified', text: 'First copy.', at: iso(T0 - 2 * HOUR) },
        { status: 'investigating', text: 'Looking.', at: iso(T0 - 3 * HOUR) },
      ],
    });
    const short = Array.from({ length: 12 }, (_, k) => incident(`short${k}`, { startedAt: T0 - (60 + k) * HOUR, resolvedAt: T0 - (59 + k) * HOUR }));
    const first = status('partial_outage', [long, twice, ...short]);
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(first), events: [baselined(T0)], at: T0 });
    const byId = new Map(a.history.listIncidents().map((i) => [i.id, i.updates]));
    expect(byId.size).toBe(14);
    expect(byId.get('long')!.map((u) => u.text)).toEqual(Array.from({ length: 45 }, (_, k) => `Update ${45 - k}.`));
    // The same (time, status) twice: one row, holding the copy listed last.
    expect(byId.get('twice')!.map((u) => [u.status, u.text])).toEqual([
      ['identified', 'First copy.'],
      ['investigating', 'Looking.'],
    ]);
    for (let k = 0; k < 12; k++) expect(byId.get(`short${k}`)!.map((u) => u.status)).toEqual(['resolved', 'investigating']);
  });

  it('records history from the whole parsed status while the state keeps only its trimmed copy', async () => {
    const a = await open();
    await a.store.read();
    const old = incident('old', { startedAt: T0 - 30 * DAY, resolvedAt: T0 - 30 * DAY + HOUR });
    const open1 = incident('open', { startedAt: T0 - HOUR });
    const whole = status('partial_outage', [open1, old]);
    const kept = { ...whole, recentIncidents: [] };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(kept), parsed: whole, events: [baselined(T0)], at: T0 });
    expect(a.history.listIncidents().map((i) => [i.id, i.backfilled])).toEqual([
      ['open', true],
      ['old', true],
    ]);
    a.close();
    const b = await open();
    expect((await b.store.read()).state!.sources.s!.lastStatus).toEqual(kept);
  });

  it('keeps every update of an incident whose kept copy carries only its newest few, and rewrites nothing while the document stays the same', async () => {
    const a = await open();
    await a.store.read();
    const updates = Array.from({ length: 12 }, (_, k) => ({ status: 'identified' as const, text: `Update ${12 - k}`, at: new Date(T0 - k * HOUR).toISOString() }));
    const whole = status('partial_outage', [{ ...incident('long'), updates, updatedAt: updates[0]!.at }]);
    const kept = keptStatus(whole, T0);
    expect(kept.activeIncidents[0]!.updates.length).toBeLessThan(12);
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(kept), parsed: whole, events: [baselined(T0)], at: T0 });
    const texts = () => a.history.listIncidents()[0]!.updates.map((u) => u.text);
    expect(texts()).toEqual(updates.map((u) => u.text));
    // The same document again (a changed body, same incident): the kept copy's count says nothing is new.
    const changes = () => (a.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    const again = keptStatus(whole, T0 + HOUR);
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(again, { lastCheckedAt: T0 + HOUR }), parsed: whole, events: [], at: T0 + HOUR });
    expect(changes() - before).toBe(3); // the source's state and memory rows and its provider row; no incident, no update
    // A status recorded without a parse (a pushed webhook) carries the cut copy: nothing recorded is lost.
    const pushed = { ...again, activeIncidents: [{ ...again.activeIncidents[0]!, status: 'monitoring' as const, updatedAt: new Date(T0 + 2 * HOUR).toISOString() }] };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(pushed), events: [], at: T0 + 2 * HOUR });
    expect(texts()).toEqual(updates.map((u) => u.text));
    expect(a.history.listIncidents()[0]!.status).toBe('monitoring');
  });

  it('a poll with news is committed within the short wait even when quiet polls wait longer before it', async () => {
    const a = await open();
    await a.store.read();
    vi.useFakeTimers();
    try {
      const settled: string[] = [];
      const quiet = parsedState(status('operational'));
      void a.store.commitPoll({ sourceId: 'q', provider: 'Quiet', state: quiet, events: [baselined(T0)], at: T0 }).then(() => settled.push('q'));
      await vi.advanceTimersByTimeAsync(GROUP_COMMIT_WAIT_MS);
      // A baseline announces nothing: it may wait for others to join its transaction.
      expect(settled).toEqual([]);
      const news: EngineEvent = { type: 'incident.opened', sourceId: 'n', provider: 'News', health: 'degraded', at: T0, incident: incident('i1') };
      void a.store.commitPoll({ sourceId: 'n', provider: 'News', state: parsedState(status('degraded', [incident('i1')])), events: [news], at: T0 }).then(() => settled.push('n'));
      await vi.advanceTimersByTimeAsync(GROUP_COMMIT_WAIT_MS);
      // The news goes within the short wait, and the quiet poll with it, in one transaction.
      expect(settled).toEqual(['q', 'n']);
      void a.store.commitPoll({ sourceId: 'q', provider: 'Quiet', state: { ...quiet, nextPollAt: T0 + 120_000 }, events: [], at: T0 + 60_000 }).then(() => settled.push('q2'));
      await vi.advanceTimersByTimeAsync(GROUP_COMMIT_QUIET_WAIT_MS - 1);
      expect(settled).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toEqual(['q', 'n', 'q2']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a poll that changed only its times (a 304) persists those times and nothing else changes', async () => {
    const a = await open();
    await a.store.read();
    const s1 = parsedState(status('operational'), { lastCheckedAt: T0, lastSuccessAt: T0 });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: s1, events: [baselined(T0)], at: T0 });
    const s2 = { ...s1, lastCheckedAt: T0 + 60_000, lastSuccessAt: T0 + 60_000, nextPollAt: T0 + 360_000 };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: s2, events: [], at: T0 + 60_000 });
    const s3 = { ...s2, failures: 1, lastError: { code: 'timeout' as const, message: 'No answer.', at: T0 + 120_000 }, lastCheckedAt: T0 + 120_000 };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: s3, events: [], at: T0 + 120_000 });
    a.close();
    const b = await open();
    const read = (await b.store.read()).state!.sources.s!;
    expect(read).toMatchObject({ lastCheckedAt: T0 + 120_000, lastSuccessAt: T0 + 60_000, nextPollAt: T0 + 360_000, failures: 1, etag: '"v1"' });
    expect(read.lastError?.code).toBe('timeout');
  });

  it('marks an incident that vanished from an active-only document resolved when the engine said so', async () => {
    const a = await open();
    await a.store.read();
    const open1 = incident('v', { startedAt: T0 - HOUR });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(status('partial_outage', [open1], {}, 'active-only')), events: [baselined(T0)], at: T0 });
    const gone: EngineEvent = { type: 'incident.resolved', sourceId: 's', provider: 'Example', health: 'operational', at: T0 + HOUR, previousStatus: 'investigating', incident: { ...open1, status: 'resolved', impact: 'none', updates: [] } };
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(status('operational', [], {}, 'active-only')), events: [gone], at: T0 + HOUR });
    const [v] = a.history.listIncidents();
    expect(v).toMatchObject({ id: 'v', status: 'resolved', resolvedAt: T0 + HOUR, impact: 'major' });
  });
});

describe('retention', () => {
  it('prunes history older than the retention but keeps the health in force at the cut-off', async () => {
    let now = T0;
    const a = await open('status.db', { now: () => now, retentionDays: 30 });
    await a.store.read();
    const ancient = incident('ancient', { startedAt: T0 - 40 * DAY, resolvedAt: T0 - 40 * DAY + HOUR });
    const recent = incident('recent', { startedAt: T0 - 2 * DAY, resolvedAt: T0 - 2 * DAY + HOUR });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(status('degraded', [recent, ancient])), events: [baselined(T0)], at: T0 - 35 * DAY });
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(status('operational', [recent, ancient])), events: [], at: T0 - 33 * DAY });
    now = T0 + 2 * HOUR; // an hour after the last prune: prunes again on the next commit
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(status('operational', [recent, ancient])), events: [], at: now });
    expect(a.history.listIncidents().map((i) => i.id)).toEqual(['recent']);
    expect(a.history.transitions(undefined, 0).map((t) => t.health)).toEqual(['operational']);
  });
});

describe('damaged or foreign database files', () => {
  it('moves a file that is not a database aside, starts fresh and reports why', async () => {
    writeFileSync(join(dir, 'status.db'), 'this is not sqlite'.repeat(100));
    const a = await open();
    const read = await a.store.read();
    expect(read.recovered).toBe(true);
    expect(read.recoveryReason).toMatch(/fresh one was started/);
    expect(readdirSync(dir).some((f) => f.startsWith('status.db.corrupt-'))).toBe(true);
    await a.store.commitPoll({ sourceId: 's', provider: 'Example', state: parsedState(status('operational')), events: [], at: T0 });
  });

  it('treats a database from a newer schema version as unusable rather than misreading it', async () => {
    const a = await open();
    a.db.pragma('user_version = 99');
    a.close();
    const b = await open();
    expect((await b.store.read()).recovered).toBe(true);
  });
});

describe('state.json import', () => {
  it('imports the old state once and keeps the file as state.json.migrated', async () => {
    const legacy = join(dir, 'state.json');
    const st = emptyEngineState();
    st.sources.gh = { ...newSourceState('https://www.githubstatus.com/api/v2/summary.json'), baselined: true, etag: '"abc"' };
    writeFileSync(legacy, JSON.stringify(st));
    const a = await open('status.db', { legacyJson: legacy });
    expect(a.imported).toMatchObject({ outcome: 'imported', sources: 1 });
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(`${legacy}.migrated`)).toBe(true);
    expect((await a.store.read()).state!.sources.gh).toMatchObject({ etag: '"abc"', baselined: true });
    a.close();
    const b = await open('status.db', { legacyJson: legacy });
    expect(b.imported!.outcome).toBe('none');
  });
});
