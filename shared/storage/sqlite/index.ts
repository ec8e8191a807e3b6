/**
 * `status.db`: the SQLite storage of engine state and history (docs/storage.md). Imported only by the
 * composition roots (cli/, electron/main) and tests; the engine sees it as a `StateStore` port.
 */
import type Database from 'better-sqlite3';
import type { DeliveryLog } from '../../domain/channel';
import { createSqliteDeliveryLog } from './delivery-log';
import { createHistoryReader, type HistoryReader } from './history-queries';
import { importJsonState, type JsonImport } from './import-json';
import { openDatabase } from './open';
import { createSqliteStateStore, type SqliteStateStore } from './sqlite-store';

export { openDatabase } from './open';
export { createSqliteStateStore, type SqliteStateStore } from './sqlite-store';
export { createHistoryReader, historyView, type HistoryReader, type IncidentQuery, type RecordedProvider } from './history-queries';
export { importJsonState, type JsonImport } from './import-json';
export { pruneHistory, DEFAULT_RETENTION_DAYS, MAX_DELIVERIES_PER_CHANNEL } from './prune';
export { createSqliteDeliveryLog } from './delivery-log';

/** Everything a composition root holds for one database file. */
export interface StatusDatabase {
  db: Database.Database;
  store: SqliteStateStore;
  history: HistoryReader;
  /** The alert channels' delivery log (table `channel_deliveries`), pruned with the history. */
  deliveries: DeliveryLog;
  /** Set when the file was damaged and replaced by a fresh one. */
  recoveryReason?: string;
  /** What importing a legacy JSON state file did, when one was given. */
  imported?: JsonImport;
  close(): void;
}

/**
 * Open `path` (recovering from damage), import `legacyJson` once if given, and build the store and reader.
 * @param options.now clock, ms; options.retentionDays history retention (default 90); options.forceRecovery
 *   a reason to report a recovery anyway (the app passes it when settings.json was recovered, so every source
 *   baselines silently); options.warn diagnostics of the delivery log.
 * @throws when the database cannot be created at all (missing or read-only directory).
 */
export async function openStatusDatabase(
  path: string,
  options: { legacyJson?: string; now?: () => number; retentionDays?: number; forceRecovery?: string; warn?: (message: string) => void } = {},
): Promise<StatusDatabase> {
  const now = options.now ?? Date.now;
  const opened = openDatabase(path, now);
  const imported = options.legacyJson ? await importJsonState(opened.db, options.legacyJson, now) : undefined;
  const reason = opened.reason ?? imported?.reason ?? options.forceRecovery;
  const store = createSqliteStateStore(opened.db, { now, retentionDays: options.retentionDays, location: path, ...(reason ? { recoveryReason: reason } : {}) });
  return {
    db: opened.db,
    store,
    history: createHistoryReader(opened.db),
    deliveries: createSqliteDeliveryLog(opened.db, options.warn),
    ...(opened.reason ? { recoveryReason: opened.reason } : {}),
    ...(imported ? { imported } : {}),
    close: () => {
      if (opened.db.open) store.flush();
      opened.db.close();
    },
  };
}
