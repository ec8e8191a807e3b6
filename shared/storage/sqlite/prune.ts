/**
 * Keeping `status.db` bounded: history older than the retention (default 90 days) is deleted, and no source
 * keeps more than `MAX_INCIDENTS_PER_SOURCE` incidents however busy its feed. The last health transition
 * before the cut-off is kept, so the health at the start of the retained window stays known.
 */
import type Database from 'better-sqlite3';

/** Default history retention, days. */
export const DEFAULT_RETENTION_DAYS = 90;
/** Hard cap on recorded incidents per source (oldest-ended go first). */
export const MAX_INCIDENTS_PER_SOURCE = 2_000;
/** Hard cap on health transitions per provider or component (oldest go first). */
export const MAX_TRANSITIONS_PER_SERIES = 20_000;
/** Hard cap on delivery log rows per alert channel (oldest go first): a channel failing all day stays bounded. */
export const MAX_DELIVERIES_PER_CHANNEL = 5_000;

/**
 * Delete history that ended before `cutoff` (ms since epoch), then enforce the caps. One transaction.
 * The channels' delivery log follows the same retention and its own per-channel cap.
 * @returns how many incidents, transitions and delivery log rows were deleted.
 */
export function pruneHistory(db: Database.Database, cutoff: number): { incidents: number; transitions: number; deliveries: number } {
  return db.transaction(() => {
    let incidents = db
      .prepare('DELETE FROM incident WHERE COALESCE(resolved_at, updated_at) < ? AND (resolved_at IS NOT NULL OR updated_at < ?)')
      .run(cutoff, cutoff).changes;
    incidents += db
      .prepare(
        `DELETE FROM incident WHERE rowid IN (
          SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY COALESCE(resolved_at, 9e15) DESC, started_at DESC) AS n FROM incident)
          WHERE n > ?)`,
      )
      .run(MAX_INCIDENTS_PER_SOURCE).changes;
    let transitions = db
      .prepare(
        `DELETE FROM health_transition AS t WHERE t.at < @cutoff AND t.at < (
          SELECT MAX(u.at) FROM health_transition AS u WHERE u.source_id = t.source_id AND u.component = t.component AND u.at <= @cutoff)`,
      )
      .run({ cutoff }).changes;
    transitions += db
      .prepare(
        `DELETE FROM health_transition WHERE (source_id, component, at) IN (
          SELECT source_id, component, at FROM (SELECT source_id, component, at, ROW_NUMBER() OVER (PARTITION BY source_id, component ORDER BY at DESC) AS n FROM health_transition)
          WHERE n > ?)`,
      )
      .run(MAX_TRANSITIONS_PER_SERIES).changes;
    // Names of providers with neither state nor history left.
    db.prepare(
      `DELETE FROM provider WHERE source_id NOT IN (SELECT source_id FROM source_state)
        AND source_id NOT IN (SELECT source_id FROM incident) AND source_id NOT IN (SELECT source_id FROM health_transition)`,
    ).run();
    let deliveries = db.prepare('DELETE FROM channel_deliveries WHERE at < ?').run(cutoff).changes;
    deliveries += db
      .prepare(
        `DELETE FROM channel_deliveries WHERE id IN (
          SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY channel_id ORDER BY at DESC, id DESC) AS n FROM channel_deliveries)
          WHERE n > ?)`,
      )
      .run(MAX_DELIVERIES_PER_CHANNEL).changes;
    return { incidents, transitions, deliveries };
  })();
}
