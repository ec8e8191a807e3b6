/**
 * Writing the history rows of `status.db`: what one poll adds (shared/history/record.ts) and what a backfill
 * brings. A first cycle writes tens of thousands of rows (at N = 1000: 11,675 incidents, 36,875 updates, 9,800
 * transitions), so every statement binds positional parameters from the row's own fields: no parameter
 * object is built per row and none is looked up by name (docs/storage.md, "Performance").
 * Node only (better-sqlite3); every method runs inside the caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { PollHistory } from '../../history/record';
import type { HistoryIncident } from '../../history/types';
import { createTransitionWriter } from './transitions';

/** The history statements of one database. */
export interface HistoryWriter {
  /** Record one poll's history: transitions, incidents with their updates, vanished incidents resolved. */
  write(history: PollHistory): void;
  /** Record a provider's display name and page (kept for history after its source is removed). */
  provider(sourceId: string, name: string, url: string): void;
  /** Insert backfilled incidents (marked so) that are not recorded yet, each with its updates. */
  backfill(incidents: readonly HistoryIncident[]): void;
}

const INCIDENT_COLUMNS = `INSERT INTO incident (source_id, incident_id, provider, kind, title, impact, status, url, started_at,
  resolved_at, updated_at, components, backfilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Update rows one INSERT statement carries at most (6 parameters each). */
const UPDATES_PER_STATEMENT = 32;

/** Create the writer on an open, migrated database. */
export function createHistoryWriter(db: Database.Database): HistoryWriter {
  // A recorded incident keeps its earliest start; every other field is the newest document's.
  const upsertIncident = db.prepare(`${INCIDENT_COLUMNS}
    ON CONFLICT (source_id, incident_id) DO UPDATE SET provider = excluded.provider, kind = excluded.kind,
      title = excluded.title, impact = excluded.impact, status = excluded.status, url = excluded.url,
      started_at = MIN(incident.started_at, excluded.started_at), resolved_at = excluded.resolved_at,
      updated_at = excluded.updated_at, components = excluded.components`);
  const insertBackfilled = db.prepare(`${INCIDENT_COLUMNS} ON CONFLICT (source_id, incident_id) DO NOTHING`);
  // One row per (at, status) of an incident: a document listing the same update twice keeps the last copy
  // (the rows of a multi-row VALUES are inserted in order, each replacing what it conflicts with).
  // upsertUpdates[n - 1] inserts n rows; prepared when first needed.
  const upsertUpdates: Database.Statement[] = [];
  const upsertUpdatesOf = (n: number): Database.Statement =>
    (upsertUpdates[n - 1] ??= db.prepare(`INSERT OR REPLACE INTO incident_update (source_id, incident_id, at, status, label, text)
      VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`));
  const resolveVanished = db.prepare(`UPDATE incident SET status = CASE kind WHEN 'maintenance' THEN 'completed' ELSE 'resolved' END,
    resolved_at = COALESCE(resolved_at, ?), updated_at = MAX(updated_at, ?) WHERE source_id = ? AND incident_id = ?`);
  const upsertProvider = db.prepare(`INSERT INTO provider (source_id, name, url) VALUES (?, ?, ?)
    ON CONFLICT (source_id) DO UPDATE SET name = excluded.name, url = excluded.url`);
  const insertTransition = createTransitionWriter(db);

  /**
   * Insert the updates of `incidents` (recorded already), UPDATES_PER_STATEMENT rows to a statement: a first
   * cycle writes tens of thousands, and each statement run has a fixed cost beside the rows it inserts.
   */
  function writeUpdates(incidents: readonly HistoryIncident[]): void {
    let row: unknown[] = [];
    for (const i of incidents) {
      for (const u of i.updates) {
        row.push(i.sourceId, i.id, u.at, u.status, u.label ?? null, u.text);
        if (row.length === UPDATES_PER_STATEMENT * 6) {
          upsertUpdatesOf(UPDATES_PER_STATEMENT).run(row);
          row = [];
        }
      }
    }
    if (row.length > 0) upsertUpdatesOf(row.length / 6).run(row);
  }

  /** The incident's row, in INCIDENT_COLUMNS order, with `resolvedAt` and `components` as stored. */
  function incidentRow(i: HistoryIncident, resolvedAt: number | undefined, components: string, backfilled: boolean): unknown[] {
    return [i.sourceId, i.id, i.provider, i.kind, i.title, i.impact, i.status, i.url ?? null, i.startedAt, resolvedAt ?? null, i.updatedAt, components, backfilled ? 1 : 0];
  }

  return {
    write(h) {
      for (const t of h.transitions) insertTransition(t);
      for (const i of h.incidents) upsertIncident.run(incidentRow(i, i.resolvedAt, JSON.stringify(i.components), i.backfilled));
      // After every incident: an update's row refers to its incident's (foreign key).
      writeUpdates(h.incidents);
      for (const v of h.vanished) {
        if (resolveVanished.run(v.at, v.at, v.incident.sourceId, v.id).changes > 0) continue;
        // Never recorded while open (it predates the history): keep what the event knows.
        upsertIncident.run(incidentRow(v.incident, v.at, '[]', false));
      }
    },
    provider(sourceId, name, url) {
      upsertProvider.run(sourceId, name, url);
    },
    backfill(incidents) {
      // Updates only of the incidents not recorded before: those keep the updates they have.
      writeUpdates(incidents.filter((i) => insertBackfilled.run(incidentRow(i, i.resolvedAt, JSON.stringify(i.components), true)).changes > 0));
    },
  };
}
