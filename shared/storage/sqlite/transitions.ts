/**
 * Writing health transitions: each row's `until` is the time of the next transition of its series (NULL
 * while it is in force), so uptime sums durations row by row (history-queries.ts) instead of pairing rows
 * up on every read. A transition may arrive out of order (a held poll written late): its own `until` and
 * its predecessor's are both set from the neighbours, so the series stays consistent.
 */
import type Database from 'better-sqlite3';
import type { HealthTransition } from '../../history/types';

/** Create the writer on an open, migrated database; call it inside the caller's transaction. */
export function createTransitionWriter(db: Database.Database): (t: HealthTransition) => void {
  // Positional parameters, each value repeated where the SQL reads it again: no object per transition.
  const insert = db.prepare(`INSERT OR REPLACE INTO health_transition (source_id, component, at, health, until)
    VALUES (?, ?, ?, ?, (SELECT MIN(at) FROM health_transition WHERE source_id = ? AND component = ? AND at > ?))`);
  const endPredecessor = db.prepare(`UPDATE health_transition SET until = ?
    WHERE source_id = ? AND component = ?
      AND at = (SELECT MAX(at) FROM health_transition WHERE source_id = ? AND component = ? AND at < ?)`);
  return (t) => {
    insert.run(t.sourceId, t.component, t.at, t.health, t.sourceId, t.component, t.at);
    endPredecessor.run(t.at, t.sourceId, t.component, t.sourceId, t.component, t.at);
  };
}
