/**
 * The delivery log: one entry per attempt outcome of one alert on one channel, for the settings window
 * ("last delivered", "failing since") and for support. A port, so the desktop app and the headless server can
 * keep it in the SQLite history database, while tests and a database-less run keep it in memory.
 *
 * Backing it by a database: implement `DeliveryLog` with an append-only table
 * `channel_deliveries(channel_id TEXT, alert_id TEXT, alert_type TEXT, outcome TEXT, attempt INTEGER,
 * at INTEGER, http_status INTEGER NULL, error TEXT NULL)` (`at` in ms since epoch) indexed on `(channel_id, at)`;
 * `record` inserts synchronously (better-sqlite3 is synchronous), `recent` selects newest first. Entries hold
 * no secret (errors are redacted by the sender before they get here).
 */

/** What happened to one alert on one channel. */
export type DeliveryOutcome =
  /** The receiver accepted it (2xx, or the SMTP server queued it). */
  | 'delivered'
  /** This attempt failed; another is scheduled (`nextAttemptAt`). */
  | 'retrying'
  /** Given up: a permanent failure, or the last attempt failed. */
  | 'failed'
  /** Never attempted: the channel's queue was full (the oldest waiting alert is dropped). */
  | 'dropped';

/** One log entry. */
export interface DeliveryEntry {
  channelId: string;
  alertId: string;
  alertType: string;
  outcome: DeliveryOutcome;
  /** 1-based attempt number. */
  attempt: number;
  /** ms since epoch. */
  at: number;
  httpStatus?: number;
  /** Redacted, one sentence. */
  error?: string;
  /** With `retrying`: when the next attempt is due, ms since epoch. */
  nextAttemptAt?: number;
}

/** The port. `record` must not throw (log and drop instead); `recent` returns newest first. */
export interface DeliveryLog {
  record(entry: DeliveryEntry): void;
  recent(options?: { channelId?: string; limit?: number }): DeliveryEntry[];
}

/** An in-memory log keeping the newest `capacity` entries (default 1000). */
export function createMemoryDeliveryLog(capacity = 1000): DeliveryLog {
  const entries: DeliveryEntry[] = [];
  return {
    record(entry) {
      entries.push({ ...entry });
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    recent(options = {}) {
      const limit = options.limit ?? 100;
      const out: DeliveryEntry[] = [];
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
        const e = entries[i]!;
        if (options.channelId === undefined || e.channelId === options.channelId) out.push({ ...e });
      }
      return out;
    },
  };
}
