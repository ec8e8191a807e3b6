/**
 * Reading history back from `status.db` for the CLI (`history`, `uptime`) and the window (IPC): incidents
 * with their updates, health transitions, and the uptime figures and 90-day bars computed from them by
 * shared/history/timeline.ts. Read-only; safe on a second connection while the engine writes (WAL).
 */
import type Database from 'better-sqlite3';
import type { Health, Impact, IncidentStatus, IncidentUpdate } from '../../domain/types';
import type { HistoryQuery, HistoryView } from '../../ipc/contract';
import { dayCells, DOWNTIME_WEIGHT, uptimeFigures, uptimeFromSums, type IncidentWindow, type WindowSums } from '../../history/timeline';
import { PROVIDER, UPTIME_WINDOWS, type HealthTransition, type HistoryIncident, type ProviderHistory, type UptimeReport } from '../../history/types';

/** Which incidents `listIncidents` returns. */
export interface IncidentQuery {
  /** Only these sources (all when absent or empty). */
  sourceIds?: readonly string[];
  /** Only incidents that were still going at or after this time, ms. */
  since?: number;
  /** Only resolved (ended) incidents. */
  resolvedOnly?: boolean;
  /** At most this many, newest start first (default 1000). */
  limit?: number;
  /** Read each incident's updates too (default true; uptime and bars do without them). */
  withUpdates?: boolean;
  /**
   * Only incidents that began before the source's first recorded provider transition: the backfilled past,
   * the only part of history where incidents (not transitions) decide uptime.
   */
  beforeLiveHistory?: boolean;
}

/** A recorded provider: its id and last known name. */
export interface RecordedProvider {
  sourceId: string;
  name: string;
  url: string;
}

interface IncidentRow {
  source_id: string;
  incident_id: string;
  provider: string;
  kind: 'incident' | 'maintenance';
  title: string;
  impact: Impact;
  status: IncidentStatus;
  url: string | null;
  started_at: number;
  resolved_at: number | null;
  updated_at: number;
  components: string;
  backfilled: number;
}

/** Read access to the history tables. */
export interface HistoryReader {
  providers(): RecordedProvider[];
  listIncidents(query?: IncidentQuery): HistoryIncident[];
  /**
   * Every recorded update of one incident, newest first (updates posted at the same ms in the order they
   * were written, which is the document's), as the domain's `IncidentUpdate` with `at` in ISO 8601 UTC:
   * what "Show all N updates" lists when a snapshot carries only an incident's newest few.
   * @returns `undefined` when status.db has no incident `incidentId` of source `sourceId`; `[]` when it has
   *   the incident but no update of it.
   */
  incidentUpdates(sourceId: string, incidentId: string): IncidentUpdate[] | undefined;
  /**
   * Transitions from `since` on, plus the last one before it of each series; grouped by source and
   * component, ascending in time within each. `providerOnly` leaves out component series.
   */
  transitions(sourceIds: readonly string[] | undefined, since: number, providerOnly?: boolean): HealthTransition[];
  /** Uptime per provider (and, with `components`, per component) for 24h/7d/30d/90d ending at `now`. */
  uptime(sourceIds: readonly string[] | undefined, now: number, options?: { components?: boolean }): UptimeReport[];
  /** Each provider's 90-day bar, uptime and the incidents of those days. */
  providerHistories(sourceIds: readonly string[] | undefined, now: number): ProviderHistory[];
}

const LONGEST = UPTIME_WINDOWS.at(-1)!.ms;

/** The healths that count as downtime and their weights (DOWNTIME_WEIGHT above 0, Statuspage's rule). */
const WEIGHTED = Object.entries(DOWNTIME_WEIGHT).filter(([, w]) => w > 0) as [Health, number][];
/**
 * SQL: per window k of UPTIME_WINDOWS ending at @now, the ms of the rows' spans [at, until) (the one in force
 * runs to @now) inside the window: `c<k>` over all rows, `h<i>_<k>` over rows in the i-th WEIGHTED health.
 */
const WINDOW_SUMS = UPTIME_WINDOWS.flatMap((w, k) => {
  const overlap = `MAX(0, MIN(COALESCE(until, @now), @now) - MAX(at, @now - ${w.ms}))`;
  return [`SUM(${overlap}) AS c${k}`, ...WEIGHTED.map(([health], h) => `SUM(${overlap}) FILTER (WHERE health = '${health}') AS h${h}_${k}`)];
}).join(', ');

/** Create a reader on an open database. */
export function createHistoryReader(db: Database.Database): HistoryReader {
  // Statements built from a query's shape (how many ids, which options), prepared once each.
  const statements = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  // Same-ms updates keep their written order: a poll writes an incident's updates as its document lists them,
  // newest first, so a lower rowid is the one listed first (incident_update is a rowid table since version 3).
  const updatesOf = db.prepare('SELECT at, status, label, text FROM incident_update WHERE source_id = ? AND incident_id = ? ORDER BY at DESC, rowid');
  const incidentKnown = db.prepare('SELECT 1 FROM incident WHERE source_id = ? AND incident_id = ?').pluck();

  function filterIds(column: string, ids: readonly string[] | undefined): { sql: string; params: string[] } {
    if (!ids || ids.length === 0) return { sql: '1', params: [] };
    return { sql: `${column} IN (${ids.map(() => '?').join(',')})`, params: [...ids] };
  }

  function toIncident(r: IncidentRow, withUpdates: boolean): HistoryIncident {
    const updates = !withUpdates ? [] : (updatesOf.all(r.source_id, r.incident_id) as { at: number; status: IncidentStatus; label: string | null; text: string }[]).map((u) => ({
      status: u.status,
      ...(u.label !== null ? { label: u.label } : {}),
      text: u.text,
      at: u.at,
    }));
    return {
      sourceId: r.source_id,
      provider: r.provider,
      id: r.incident_id,
      kind: r.kind,
      title: r.title,
      impact: r.impact,
      status: r.status,
      ...(r.url ? { url: r.url } : {}),
      startedAt: r.started_at,
      ...(r.resolved_at !== null ? { resolvedAt: r.resolved_at } : {}),
      updatedAt: r.updated_at,
      components: JSON.parse(r.components) as string[],
      updates,
      backfilled: r.backfilled === 1,
    };
  }

  const reader: HistoryReader = {
    providers() {
      return (cached('SELECT source_id, name, url FROM provider ORDER BY name COLLATE NOCASE').all() as { source_id: string; name: string; url: string }[]).map((r) => ({
        sourceId: r.source_id,
        name: r.name,
        url: r.url,
      }));
    },
    incidentUpdates(sourceId, incidentId) {
      if (incidentKnown.get(sourceId, incidentId) === undefined) return undefined;
      return (updatesOf.all(sourceId, incidentId) as { at: number; status: IncidentStatus; label: string | null; text: string }[]).map((u) => ({
        status: u.status,
        ...(u.label !== null ? { label: u.label } : {}),
        text: u.text,
        at: new Date(u.at).toISOString(),
      }));
    },
    listIncidents(query = {}) {
      const ids = filterIds('source_id', query.sourceIds);
      const since = query.since ?? -Infinity;
      const rows = cached(
          `SELECT * FROM incident WHERE ${ids.sql} AND COALESCE(resolved_at, 9e15) >= ? ${query.resolvedOnly ? 'AND resolved_at IS NOT NULL' : ''}
           ${query.beforeLiveHistory ? "AND started_at < COALESCE((SELECT MIN(h.at) FROM health_transition AS h WHERE h.source_id = incident.source_id AND h.component = ''), 9e15)" : ''}
           ORDER BY started_at DESC LIMIT ?`,
        )
        .all(...ids.params, Number.isFinite(since) ? since : -1e15, query.limit ?? 1000) as IncidentRow[];
      return rows.map((r) => toIncident(r, query.withUpdates ?? true));
    },
    transitions(sourceIds, since, providerOnly = false) {
      const ids = filterIds('source_id', sourceIds);
      const only = providerOnly ? "AND component = ''" : '';
      type Row = { source_id: string; component: string; at: number; health: Health };
      // The last transition before `since` of each series says the health at `since` (SQLite returns the
      // bare columns of the row holding the MAX). The series that have one come first, in the order they have
      // had since schema version 3: by component (the provider's '' first), then by source.
      const before = cached(`SELECT source_id, component, MAX(at) AS at, health FROM health_transition WHERE ${ids.sql} ${only} AND at < ? GROUP BY source_id, component ORDER BY component, source_id`)
        .all(...ids.params, since) as Row[];
      const after = cached(`SELECT source_id, component, at, health FROM health_transition WHERE ${ids.sql} ${only} AND at >= ? ORDER BY source_id, component, at`)
        .all(...ids.params, since) as Row[];
      const series = new Map<string, Row[]>();
      for (const r of [...before, ...after]) {
        const key = `${r.source_id}\u0000${r.component}`;
        let list = series.get(key);
        if (!list) series.set(key, (list = []));
        list.push(r);
      }
      const out: HealthTransition[] = [];
      for (const list of series.values()) for (const r of list) out.push({ sourceId: r.source_id, component: r.component, at: r.at, health: r.health });
      return out;
    },
    uptime(sourceIds, now, options = {}) {
      const since = now - LONGEST;
      const ids = filterIds('source_id', sourceIds);
      const only = options.components ? '' : "AND component = ''";
      type SumRow = { source_id: string; component: string; live_start: number } & Record<string, number>;
      // The live part, summed per window in SQL in one pass: each transition holds from `at` until `until`
      // (or now); covered time over every row, and the time in each health that counts as downtime.
      const starts = cached(`SELECT source_id, component, MIN(at) AS live_start FROM health_transition WHERE ${ids.sql} ${only} GROUP BY source_id, component ORDER BY source_id, component`).all(
        ...ids.params,
      ) as SumRow[];
      const sumsBy = new Map<string, SumRow>();
      for (const r of cached(`SELECT source_id, component, ${WINDOW_SUMS} FROM health_transition WHERE ${ids.sql} ${only} AND COALESCE(until, 9e15) > @since GROUP BY source_id, component`).all(...ids.params, { now, since }) as SumRow[]) {
        sumsBy.set(`${r.source_id}\u0000${r.component}`, r);
      }
      // The past before each provider's first transition: its incidents (docs/storage.md, "Uptime").
      const pastIds = filterIds('i.source_id', sourceIds);
      type PastRow = { source_id: string; impact: Impact; started_at: number; resolved_at: number | null; components?: string };
      const pastRows = cached(
        `WITH live AS (SELECT source_id, MIN(at) AS start FROM health_transition WHERE component = '' GROUP BY source_id)
         SELECT i.source_id, i.impact, i.started_at, i.resolved_at ${options.components ? ', i.components' : ''}
         FROM incident AS i LEFT JOIN live ON live.source_id = i.source_id
         WHERE ${pastIds.sql} AND i.kind = 'incident' AND COALESCE(i.resolved_at, 9e15) >= @since AND i.started_at < COALESCE(live.start, 9e15)`,
      ).all(...pastIds.params, { since }) as PastRow[];
      const pastBy = new Map<string, (IncidentWindow & { components?: string[] })[]>();
      for (const r of pastRows) {
        let list = pastBy.get(r.source_id);
        if (!list) pastBy.set(r.source_id, (list = []));
        list.push({ kind: 'incident', impact: r.impact, startedAt: r.started_at, ...(r.resolved_at !== null ? { resolvedAt: r.resolved_at } : {}), ...(r.components ? { components: JSON.parse(r.components) as string[] } : {}) });
      }
      const seriesBy = new Map<string, SumRow[]>();
      for (const r of starts) {
        let list = seriesBy.get(r.source_id);
        if (!list) seriesBy.set(r.source_id, (list = []));
        list.push(r);
      }
      const windowSums = (r: SumRow | undefined): WindowSums[] => {
        const sum = r && sumsBy.get(`${r.source_id}\u0000${r.component}`);
        return UPTIME_WINDOWS.map((_, k) => ({
          coveredMs: sum?.[`c${k}`] ?? 0,
          downtimeMs: WEIGHTED.reduce((d, [, weight], h) => d + weight * (sum?.[`h${h}_${k}`] ?? 0), 0),
        }));
      };
      const out: UptimeReport[] = [];
      for (const { sourceId, name: provider } of reader.providers()) {
        if (sourceIds && sourceIds.length > 0 && !sourceIds.includes(sourceId)) continue;
        const past = pastBy.get(sourceId) ?? [];
        const series = seriesBy.get(sourceId) ?? [];
        const own = series.find((r) => r.component === PROVIDER);
        out.push({ sourceId, provider, component: PROVIDER, figures: uptimeFromSums(windowSums(own), own?.live_start ?? Infinity, past, now) });
        if (!options.components) continue;
        for (const r of series) {
          if (r.component === PROVIDER) continue;
          const concerning = past.filter((i) => i.components?.includes(r.component));
          out.push({ sourceId, provider, component: r.component, figures: uptimeFromSums(windowSums(r), r.live_start, concerning, now) });
        }
      }
      return out;
    },
    providerHistories(sourceIds, now) {
      const { names, incidentsBy, seriesBy } = gather(sourceIds, now, { providerOnly: true, beforeLiveHistory: false });
      return [...names].map(([sourceId, provider]) => {
        const incidents = incidentsBy.get(sourceId) ?? [];
        const provTransitions = seriesBy.get(sourceId)?.get(PROVIDER) ?? [];
        const real = incidents.filter((i) => i.kind === 'incident');
        return { sourceId, provider, days: dayCells(provTransitions, incidents, now), uptime: uptimeFigures(provTransitions, real, now), incidents };
      });
    },
  };

  /**
   * Everything the 90-day computations need, in a few queries: names, incidents (only the backfilled past
   * when `beforeLiveHistory`: elsewhere transitions alone decide), and transitions.
   */
  function gather(sourceIds: readonly string[] | undefined, now: number, scope: { providerOnly: boolean; beforeLiveHistory: boolean }) {
    const since = now - LONGEST;
    const names = new Map<string, string>();
    const known = reader.providers();
    for (const p of known) if (!sourceIds || sourceIds.length === 0 || sourceIds.includes(p.sourceId)) names.set(p.sourceId, p.name);
    const incidentsBy = new Map<string, HistoryIncident[]>();
    for (const i of reader.listIncidents({ sourceIds, since, limit: 1_000_000, withUpdates: false, beforeLiveHistory: scope.beforeLiveHistory })) {
      let list = incidentsBy.get(i.sourceId);
      if (!list) incidentsBy.set(i.sourceId, (list = []));
      list.push(i);
    }
    const seriesBy = new Map<string, Map<string, HealthTransition[]>>();
    for (const t of reader.transitions(sourceIds, since, scope.providerOnly)) {
      let series = seriesBy.get(t.sourceId);
      if (!series) seriesBy.set(t.sourceId, (series = new Map()));
      let list = series.get(t.component);
      if (!list) series.set(t.component, (list = []));
      list.push(t);
    }
    return { names, incidentsBy, seriesBy };
  }

  return reader;
}

/** Most resolved incidents one history view lists. */
export const HISTORY_VIEW_LIMIT = 500;

/**
 * What the window's history view shows (the `getHistory` IPC): every provider's 90-day bar and uptime, and
 * the resolved incidents since `query.since` (default 90 days), newest first.
 */
export function historyView(reader: HistoryReader, query: HistoryQuery, now: number): HistoryView {
  const sourceIds = query.sourceIds?.length ? query.sourceIds : undefined;
  return {
    now,
    providers: reader.providerHistories(sourceIds, now),
    resolved: reader.listIncidents({ sourceIds, since: query.since ?? now - LONGEST, resolvedOnly: true, limit: HISTORY_VIEW_LIMIT }),
  };
}
