/**
 * SQLite's write failures in words, for the "Cannot save to <path>: <reason>" the app and the CLI show
 * (docs/state-saving.md).
 */
import { StateStoreError } from '../../engine/save-error';

/** What SQLite's result codes (https://www.sqlite.org/rescode.html) mean for someone whose state cannot be saved. */
const SQLITE_REASONS: readonly [RegExp, string][] = [
  [/^SQLITE_FULL/, 'the disk is full'],
  [/^SQLITE_READONLY/, 'the database is read-only'],
  [/^SQLITE_PERM|^SQLITE_AUTH/, 'permission denied'],
  [/^SQLITE_(BUSY|LOCKED)/, 'another program holds the database locked'],
  [/^SQLITE_IOERR/, 'input/output error'],
  [/^SQLITE_CANTOPEN/, 'the database file cannot be opened'],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, 'the database file is damaged'],
];

/**
 * A failed write as the engine reports it (engine/save-error.ts): a `StateStoreError` with the reason in
 * words and SQLite's code kept, for the SQLite codes above when the database's `location` is known;
 * otherwise `err` unchanged.
 */
export function saveFailure(err: unknown, location: string | undefined): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !location) return err;
  const reason = SQLITE_REASONS.find(([re]) => re.test(code))?.[1];
  return reason ? new StateStoreError(reason, location, code) : err;
}
