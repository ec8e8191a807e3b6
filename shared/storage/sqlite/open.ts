/**
 * Opening `status.db`: WAL mode, foreign keys, migrations, and recovery from a damaged file. A file SQLite
 * cannot read (not a database, failed `quick_check`, unknown newer schema) is renamed
 * `status.db.corrupt-<ms>` with its `-wal`/`-shm` companions, kept for a bug report, and a fresh database is
 * started; the caller learns why, so every source baselines silently and the window shows a notice.
 * Node only (better-sqlite3); used by the composition roots (cli/, electron/) and tests, never by the engine.
 */
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema';

/** An open database and what opening it found. */
export interface OpenedDatabase {
  db: Database.Database;
  /** True when the file existed but could not be used and was moved aside. */
  recovered: boolean;
  /** One sentence for the user, set when `recovered`. */
  reason?: string;
}

/**
 * Open (creating if needed) the database at `path` (`:memory:` for tests).
 * @param now clock for the `.corrupt-<ms>` suffix, ms.
 * @throws only when even a fresh database cannot be created (directory missing or not writable).
 */
export function openDatabase(path: string, now: () => number = Date.now): OpenedDatabase {
  try {
    return { db: openChecked(path), recovered: false };
  } catch (err) {
    if (path === ':memory:' || !existsSync(path)) throw err;
    const aside = `${path}.corrupt-${now()}`;
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
      } catch {
        // A companion that cannot move is left; the fresh database below ignores a -shm/-wal without its file.
      }
    }
    const db = openChecked(path);
    return {
      db,
      recovered: true,
      reason: `The saved status history could not be read (${(err as Error).message}), so a fresh one was started; the damaged file was kept as ${basename(aside)}.`,
    };
  }
}

function openChecked(path: string): Database.Database {
  const db = new Database(path);
  try {
    // WAL: readers (the CLI's history command, the window) never block the engine's commits, and a commit is
    // one append to the log. NORMAL sync in WAL survives a process crash (kill -9); commits that carry
    // announcements raise it to FULL (see sqlite-store.ts) so they also survive a power cut.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Checkpoint (copy the log back into the file) every 2000 pages of log (8 MB) rather than SQLite's 1000:
    // a burst of commits (a first cycle) rewrites the same index and table-end pages in commit after
    // commit, and each checkpoint copies them again and syncs. Durability does not depend on it: a commit
    // is durable once in the log.
    db.pragma('wal_autocheckpoint = 2000');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
