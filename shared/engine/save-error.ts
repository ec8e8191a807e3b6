/**
 * What the engine knows when its state cannot be saved, as a typed value every caller shows the same way
 * (CLI: one stderr line; app: status-window banner and tray tooltip). Store-agnostic: any `StateStore` whose
 * `write` rejects produces one, whatever the storage (JSON file today, a database later). The store names
 * where it saves with `StateStore.location`; the reason comes from the error's system code when it has one.
 */

/** The engine's state could not be saved; set on `EngineSnapshot.saveError` until a write succeeds. */
export interface SaveError {
  /** Where the state is kept (`StateStore.location`, e.g. `/home/me/.status-tray.json`), else "the state store". */
  path: string;
  /** Short reason for people: "the disk is full", "the file system is read-only", "permission denied", … */
  reason: string;
  /** System error code when the failure had one (`ENOSPC`, `EROFS`, `EACCES`, `EPERM`, …). */
  code?: string;
  /** First failure of the current run of failures, ms since epoch (engine clock). */
  since: number;
  /** Failed attempts in a row (1 after the first failure). */
  failures: number;
  /** When the engine retries the write, ms since epoch (engine clock); absent once the engine has stopped. */
  retryAt?: number;
  /** Events detected but held back: they are announced once a write records them. */
  heldEvents: number;
}

/**
 * An error a `StateStore` may throw to give the user-facing reason itself (e.g. "it is a directory"); any
 * other error is described from its `code` (see `describeWriteFailure`).
 */
export class StateStoreError extends Error {
  constructor(
    /** Short reason for people, without the path. */
    readonly reason: string,
    /** Where the store keeps the state. */
    readonly path: string,
    /** A system error code or the store's own (`not-ours`, `is-directory`). */
    readonly code?: string,
  ) {
    super(`Cannot save to ${path}: ${reason}`);
    this.name = 'StateStoreError';
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a directory',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
};

/** The reason and code of a failed write, from any thrown value. Never throws. */
export function describeWriteFailure(err: unknown): { reason: string; code?: string } {
  if (err instanceof StateStoreError) return { reason: err.reason, ...(err.code ? { code: err.code } : {}) };
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
  const known = code ? REASONS[code] : undefined;
  if (known) return { reason: known, code: code! };
  const message = (err as Error)?.message ?? String(err);
  return { reason: message || 'unknown error', ...(code ? { code } : {}) };
}
