/**
 * `--state FILE` without `--db`: the JSON state file of earlier versions names where the database goes.
 * The database is kept beside it — `DIR/NAME.json` → `DIR/NAME.db`, any other name gets `.db` appended —
 * and FILE, when it exists, is imported once and kept as `FILE.migrated` (docs/storage.md), as the app does
 * with its `state.json`. A FILE that is already an SQLite database is used as the database itself.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** The first 16 bytes of every SQLite 3 database file (https://www.sqlite.org/fileformat.html, 1.3). */
const SQLITE_HEADER = 'SQLite format 3\0';

/** Where the database and the file to import are, for `--state` and `--db` as given. */
export interface DatabasePlan {
  /** The database file. */
  db: string;
  /** A JSON state file to import once, if any. */
  legacyJson?: string;
}

/** True when `path` is an SQLite database file (its header says so). Never throws. */
export function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The database beside the JSON state file `statePath` (see the module comment). */
export function databaseBeside(statePath: string): string {
  return /\.json$/i.test(statePath) ? statePath.replace(/\.json$/i, '.db') : `${statePath}.db`;
}

/**
 * The database to open for `--db` / `--state`, or `undefined` when neither was given.
 * With `--db`, `--state` is only the file to import.
 */
export function planDatabase(db: string | undefined, state: string | undefined): DatabasePlan | undefined {
  if (db) return { db, ...(state ? { legacyJson: state } : {}) };
  if (!state) return undefined;
  if (isSqliteFile(state)) return { db: state };
  return { db: databaseBeside(state), legacyJson: state };
}
