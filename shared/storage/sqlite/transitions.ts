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
  const insert = db.prepare(`INSERT OR REPLACE INTO health_transition (source_id, component, at, health, until)
    VALUES (@sourceId, @component, @at, @health, (SELECT MIN(at) FROM health_transition WHERE source_id = @sourceId AND component = @component AND at > @at))`);
  const endPredecessor = db.prepare(`UPDATE health_transition SET until = @at
    WHERE source_id = @sourceId AND component = @component
      AND at = (SELECT MAX(at) FROM health_transition WHERE source_id = @sourceId AND component = @component AND at < @at)`);
  return (t) => {
    const row = { sourceId: t.sourceId, component: t.component, at: t.at, health: t.health };
    insert.run(row);
    endPredecessor.run(row);
  };
}
