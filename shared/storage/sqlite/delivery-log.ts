/**
 * The alert channels' delivery log on `status.db` (table `channel_deliveries`, schema.ts): the `DeliveryLog`
 * port of shared/domain/channel.ts. `record` is one synchronous INSERT (better-sqlite3), so the entry is on
 * disk before the dispatcher moves on; it never throws — a failed insert (disk full, database closed) is
 * reported through `warn` and the entry dropped, because a log must not stop delivery. Rows are pruned with
 * the history's retention and capped per channel (prune.ts).
 */
import type Database from 'better-sqlite3';
import type { DeliveryEntry, DeliveryLog, DeliveryOutcome } from '../../domain/channel';

/** Default and largest `limit` of `recent`. */
const DEFAULT_RECENT = 100;
const MAX_RECENT = 1_000;

interface Row {
  channel_id: string;
  alert_id: string;
  alert_type: string;
  outcome: DeliveryOutcome;
  attempt: number;
  at: number;
  http_status: number | null;
  error: string | null;
  next_attempt_at: number | null;
}

/** Create the log on an open, migrated database. @param warn diagnostics for a failed insert (no secrets pass here). */
export function createSqliteDeliveryLog(db: Database.Database, warn: (message: string) => void = () => undefined): DeliveryLog {
  const insert = db.prepare(`INSERT INTO channel_deliveries (channel_id, alert_id, alert_type, outcome, attempt, at, http_status, error, next_attempt_at)
    VALUES (@channelId, @alertId, @alertType, @outcome, @attempt, @at, @httpStatus, @error, @nextAttemptAt)`);
  const recentAll = db.prepare('SELECT * FROM channel_deliveries ORDER BY at DESC, id DESC LIMIT ?');
  const recentOne = db.prepare('SELECT * FROM channel_deliveries WHERE channel_id = ? ORDER BY at DESC, id DESC LIMIT ?');
  return {
    record(e: DeliveryEntry) {
      try {
        insert.run({
          channelId: e.channelId,
          alertId: e.alertId,
          alertType: e.alertType,
          outcome: e.outcome,
          attempt: e.attempt,
          at: e.at,
          httpStatus: e.httpStatus ?? null,
          error: e.error ?? null,
          nextAttemptAt: e.nextAttemptAt ?? null,
        });
      } catch (err) {
        warn(`The delivery log could not be written: ${(err as Error)?.message ?? err}`);
      }
    },
    recent(options = {}) {
      const limit = Math.max(1, Math.min(MAX_RECENT, Math.floor(options.limit ?? DEFAULT_RECENT)));
      try {
        const rows = (options.channelId === undefined ? recentAll.all(limit) : recentOne.all(options.channelId, limit)) as Row[];
        return rows.map(toEntry);
      } catch (err) {
        warn(`The delivery log could not be read: ${(err as Error)?.message ?? err}`);
        return [];
      }
    },
  };
}

function toEntry(r: Row): DeliveryEntry {
  return {
    channelId: r.channel_id,
    alertId: r.alert_id,
    alertType: r.alert_type,
    outcome: r.outcome,
    attempt: r.attempt,
    at: r.at,
    ...(r.http_status !== null ? { httpStatus: r.http_status } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
    ...(r.next_attempt_at !== null ? { nextAttemptAt: r.next_attempt_at } : {}),
  };
}
