/**
 * The uptime query sums the live part (health transitions) in SQL. It must give the figures the timeline
 * module computes from the same rows in JavaScript (shared/history/timeline.ts, the rule of
 * docs/storage.md): checked on seeded random histories with a backfilled past, live transitions of the
 * provider and its components (written out of order, so each row's `until` must be set from both
 * neighbours), open incidents, maintenances, and windows the history does not reach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Health, Impact } from '../../../shared/domain/types';
import { uptimeFigures } from '../../../shared/history/timeline';
import { PROVIDER, type HealthTransition, type HistoryIncident } from '../../../shared/history/types';
import { createHistoryReader, openStatusDatabase, type HistoryReader, type StatusDatabase } from '../../../shared/storage/sqlite';
import { MIGRATIONS } from '../../../shared/storage/sqlite/schema';
import { createTransitionWriter } from '../../../shared/storage/sqlite/transitions';
import { DAY, HOUR, T0 } from '../history/fixtures';

let dir: string;
let sdb: StatusDatabase;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-uptime-'));
  sdb = await openStatusDatabase(join(dir, 'status.db'), { now: () => T0 });
});
afterEach(() => {
  sdb.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEALTHS: Health[] = ['operational', 'operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance'];
const IMPACTS: Impact[] = ['none', 'minor', 'major', 'critical'];

/** Fill the database (the test's own by default) with `sources` random histories; the database is the record. */
function fill(sources: number, seed: number, db: Database.Database = sdb.db): void {
  let x = seed;
  const rand = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const provider = db.prepare('INSERT INTO provider (source_id, name, url) VALUES (?, ?, ?)');
  // Through the store's own writer, in random order (a held poll may be written late).
  const write = createTransitionWriter(db);
  const transitions: HealthTransition[] = [];
  const transition = (sourceId: string, component: string, at: number, health: Health) => transitions.push({ sourceId, component, at, health });
  const incident = db.prepare(`INSERT INTO incident (source_id, incident_id, provider, kind, title, impact, status, url, started_at, resolved_at, updated_at, components, backfilled)
    VALUES (?, ?, ?, ?, 'x', ?, ?, NULL, ?, ?, ?, ?, ?)`);
  for (let s = 0; s < sources; s++) {
    const id = `s${s}`;
    provider.run(id, `Provider ${s}`, `https://s${s}.example.com`);
    // Now and then a provider whose history starts only 2 days ago: no figure for 90 days' start, a 24 h one.
    if (s % 7 === 6) {
      transition(id, PROVIDER, T0 - 2 * DAY, pick(HEALTHS));
      continue;
    }
    // Live history starts somewhere in the last 120 days, or never (a source with only its own past).
    const liveStart = s % 5 === 4 ? Infinity : T0 - Math.floor(rand() * 120 * DAY);
    for (const component of [PROVIDER, 'API', 'Web']) {
      if (!Number.isFinite(liveStart)) break;
      let at = liveStart + (component === PROVIDER ? 0 : Math.floor(rand() * 3 * DAY));
      while (at < T0 + HOUR) {
        transition(id, component, at, pick(HEALTHS));
        at += Math.floor(rand() * 4 * DAY) + 1;
      }
    }
    for (let k = 0; k < 12; k++) {
      const start = T0 - Math.floor(rand() * 140 * DAY);
      const open = rand() < 0.1;
      const end = open ? null : start + Math.floor(rand() * 30 * HOUR);
      const kind = rand() < 0.2 ? 'maintenance' : 'incident';
      incident.run(id, `${id}-${k}`, `Provider ${s}`, kind, pick(IMPACTS), open ? 'investigating' : 'resolved', start, end, end ?? start, JSON.stringify(rand() < 0.5 ? ['API'] : ['Web', 'API']), 1);
    }
  }
  const shuffled = transitions.map((t) => [rand(), t] as const).sort((a, b) => a[0] - b[0]);
  db.transaction(() => shuffled.forEach(([, t]) => write(t)))();
}

/** The same figures computed in JavaScript from the rows the reader returns. */
function expected(now: number, components: boolean) {
  const since = now - 90 * DAY;
  const incidents = sdb.history.listIncidents({ since, limit: 1_000_000, withUpdates: false, beforeLiveHistory: true }).filter((i) => i.kind === 'incident');
  const transitions = sdb.history.transitions(undefined, since, !components);
  return sdb.history.providers().flatMap(({ sourceId, name }) => {
    const mine = transitions.filter((t) => t.sourceId === sourceId);
    const past: HistoryIncident[] = incidents.filter((i) => i.sourceId === sourceId);
    const rows = [{ sourceId, provider: name, component: PROVIDER, figures: uptimeFigures(mine.filter((t) => t.component === PROVIDER), past, now) }];
    if (components) {
      for (const c of [...new Set(mine.map((t) => t.component))].filter((c) => c !== PROVIDER).sort()) {
        rows.push({ sourceId, provider: name, component: c, figures: uptimeFigures(mine.filter((t) => t.component === c), past.filter((i) => i.components.includes(c)), now) });
      }
    }
    return rows;
  });
}

describe('uptime summed in SQL', () => {
  for (const components of [false, true]) {
    it(`equals the timeline's figures on random histories${components ? ', per component too' : ''}`, () => {
      fill(40, components ? 7 : 3);
      const percents: (number | null)[] = [];
      for (const now of [T0, T0 - 10 * DAY + 5 * HOUR]) {
        const got = sdb.history.uptime(undefined, now, { components });
        const want = expected(now, components);
        expect(got.map((r) => [r.sourceId, r.component])).toEqual(want.map((r) => [r.sourceId, r.component]));
        for (let k = 0; k < want.length; k++) {
          for (let w = 0; w < want[k]!.figures.length; w++) {
            const g = got[k]!.figures[w]!;
            const e = want[k]!.figures[w]!;
            expect(g.window).toBe(e.window);
            expect(g.coveredMs).toBeCloseTo(e.coveredMs, 3);
            expect(g.downtimeMs).toBeCloseTo(e.downtimeMs, 3);
            if (e.percent === null) expect(g.percent).toBeNull();
            else expect(g.percent).toBeCloseTo(e.percent, 9);
          }
        }
        percents.push(...got.flatMap((r) => r.figures.map((f) => f.percent)));
      }
      // The random histories reach every kind of figure: none (history starts later), full and partial uptime.
      expect(percents).toContain(null);
      expect(percents).toContain(100);
      expect(percents.some((p) => p !== null && p < 100)).toBe(true);
    });
  }
});

describe('schema version 3 (transition ends, compact updates)', () => {
  it('upgrades a version-1 file through every migration: every transition learns when it ended, every update is kept', async () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO provider VALUES ('s', 'Example', 'https://status.example.com')`).run();
    const tr = old.prepare('INSERT INTO health_transition (source_id, component, at, health) VALUES (?, ?, ?, ?)');
    tr.run('s', PROVIDER, T0 - 3 * HOUR, 'operational');
    tr.run('s', PROVIDER, T0 - 2 * HOUR, 'major_outage');
    tr.run('s', PROVIDER, T0 - HOUR, 'operational');
    tr.run('s', 'API', T0 - 2 * HOUR, 'partial_outage');
    old.prepare(`INSERT INTO incident VALUES ('s', 'i1', 'Example', 'incident', 'Down', 'critical', 'resolved', NULL, ?, ?, ?, '[]', 0)`).run(T0 - 2 * HOUR, T0 - HOUR, T0 - HOUR);
    old.prepare(`INSERT INTO incident_update VALUES ('s', 'i1', ?, 'resolved', NULL, 'Fixed.'), ('s', 'i1', ?, 'investigating', NULL, 'Looking.')`).run(T0 - HOUR, T0 - 2 * HOUR);
    old.close();

    const upgraded = await openStatusDatabase(path, { now: () => T0 });
    try {
      expect(upgraded.recoveryReason).toBeUndefined();
      expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(upgraded.db.prepare('SELECT component, at, until FROM health_transition ORDER BY component, at').all()).toEqual([
        { component: PROVIDER, at: T0 - 3 * HOUR, until: T0 - 2 * HOUR },
        { component: PROVIDER, at: T0 - 2 * HOUR, until: T0 - HOUR },
        { component: PROVIDER, at: T0 - HOUR, until: null },
        { component: 'API', at: T0 - 2 * HOUR, until: null },
      ]);
      expect(upgraded.history.listIncidents()[0]!.updates.map((u) => u.text)).toEqual(['Fixed.', 'Looking.']);
      // One hour of major outage in the last 24 h, as recorded before the upgrade (covered: the last 3 h).
      expect(upgraded.history.uptime(['s'], T0)[0]!.figures[0]).toMatchObject({ window: '24h', downtimeMs: HOUR, coveredMs: 3 * HOUR });
    } finally {
      upgraded.close();
    }
  });
});

describe('schema version 5 (uptime index in source order)', () => {
  /** Every reading of the history the app and the CLI make, at two moments inside the random histories. */
  const readings = (reader: HistoryReader) =>
    [T0, T0 - 10 * DAY + 5 * HOUR].map((now) => ({
      uptime: reader.uptime(undefined, now),
      uptimeByComponent: reader.uptime(undefined, now, { components: true }),
      some: reader.uptime(['s1', 's3', 's8'], now, { components: true }),
      bars: reader.providerHistories(undefined, now),
      // Series with a transition before `since` and series starting after it, of several sources.
      transitions: reader.transitions(undefined, now - 30 * DAY),
      providerTransitions: reader.transitions(undefined, now - 30 * DAY, true),
      someTransitions: reader.transitions(['s2', 's4'], now - 30 * DAY),
      incidents: reader.listIncidents({ since: now - 90 * DAY, withUpdates: false, beforeLiveHistory: true }),
    }));

  it('reads the same history after the upgrade from version 4 as before it', async () => {
    const path = join(dir, 'v4.db');
    const old = new Database(path);
    for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
    old.pragma('user_version = 4');
    fill(30, 11, old);
    const before = readings(createHistoryReader(old));
    old.close();

    const upgraded = await openStatusDatabase(path, { now: () => T0 });
    try {
      expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const indexes = (upgraded.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'health_transition'`).all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(['health_transition_by_source']);
      const after = readings(upgraded.history);
      // The histories reach series that began before each reading's start (the order the readings keep).
      expect(before[0]!.transitions.length).toBeGreaterThan(before[0]!.providerTransitions.length);
      expect(after).toEqual(before);
    } finally {
      upgraded.close();
    }
  });
});
