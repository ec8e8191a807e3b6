/**
 * One-time import of the JSON state file that Status Tray used before `status.db` (`state.json` in the app
 * data folder, `--state FILE` in the CLI). The file is read with the same recovery as before, its sources are
 * written into an empty database, and the file is renamed `<file>.migrated` so it is never imported twice.
 * A database that already holds sources is newer than the file: then the file is only renamed.
 */
import { existsSync, renameSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { parseEngineState, type EngineState } from '../../engine/state';
import { loadJsonWithRecovery } from '../../platform/node/json-file';
import { createSqliteStateStore } from './sqlite-store';

/** What `importJsonState` did. */
export interface JsonImport {
  /** `imported`: its sources are now in the database; `skipped`: the database already had sources; `none`: no file. */
  outcome: 'imported' | 'skipped' | 'none';
  /** Sources imported. */
  sources: number;
  /** Where the file went (`<file>.migrated`). */
  movedTo?: string;
  /** Set when the file was damaged (loadJsonWithRecovery's reason). */
  reason?: string;
}

/**
 * Import `jsonPath` into `db` once, then rename it.
 * @throws when the rename fails (the import is then repeated next time, which is harmless: it only fills an
 *   empty database).
 */
export async function importJsonState(db: Database.Database, jsonPath: string, now: () => number = Date.now): Promise<JsonImport> {
  if (!existsSync(jsonPath)) return { outcome: 'none', sources: 0 };
  const loaded = loadJsonWithRecovery<EngineState>(jsonPath, parseEngineState, now, 'The old state file');
  const hasRows = (db.prepare('SELECT COUNT(*) AS n FROM source_state').get() as { n: number }).n > 0;
  let sources = 0;
  if (!hasRows && loaded.value) {
    await createSqliteStateStore(db, { now }).write(loaded.value);
    sources = Object.keys(loaded.value.sources).length;
  }
  const movedTo = `${jsonPath}.migrated`;
  // loadJsonWithRecovery already moved a damaged file aside; only a file still there is renamed.
  if (existsSync(jsonPath)) renameSync(jsonPath, movedTo);
  return { outcome: hasRows ? 'skipped' : 'imported', sources, ...(existsSync(movedTo) ? { movedTo } : {}), ...(loaded.reason ? { reason: loaded.reason } : {}) };
}
