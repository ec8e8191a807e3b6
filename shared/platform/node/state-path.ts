/**
 * Safety rules for the file the state is kept in (`--state FILE` in the CLI, `state.json` in the app):
 * - only a file this program wrote may ever be replaced or moved aside: a directory, a device, or a file
 *   whose content is not recognisably a Status Tray state file is refused and left untouched;
 * - a symlink is followed: the state is written to the link's target, the link itself stays;
 * - temp files `<file>.tmp-<pid>` left by a killed process are removed at start.
 * Node `fs` only, synchronous (the store must serialise and decide before its first await).
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** How many symlinks to follow before giving up (Linux's own limit is 40). */
const MAX_LINKS = 40;

/**
 * The path writes should go to: `path` itself, or the final target of a chain of symlinks (also when that
 * target does not exist yet). Relative link targets resolve against the link's folder.
 * @throws the `lstat`/`readlink` error for anything but a missing file, or ELOOP for a link cycle.
 */
export function resolveWriteTarget(path: string): string {
  let current = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    let st: Stats;
    try {
      st = lstatSync(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw err;
    }
    if (!st.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`Too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/**
 * True when `text` is recognisably a state file this program wrote: blank (empty, whitespace or NUL bytes —
 * what a crash can leave, holding nothing to lose), the start of our JSON (`{"version":…`, also when cut
 * short), or a JSON object with `version` and `sources`.
 */
export function looksLikeStateFile(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  if (/^[\s\0]*$/.test(body)) return true;
  if (/^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"sources"\s*:/.test(body)) return true;
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'version' in value && 'sources' in value;
  } catch {
    return false;
  }
}

/** What `inspectStateFile` found. */
export type StateFileCheck =
  /** Safe to use: `target` is where to read and write (symlinks followed); `exists` false means a new file. */
  | { ok: true; target: string; exists: boolean }
  /** Not safe: `reason` says why, for "Cannot save to <path>: <reason>"; `code` is a system or our own code. */
  | { ok: false; target: string; reason: string; code: string };

/**
 * Decide whether `path` may hold the state, without changing anything: its folder must exist, and if the
 * file exists it must be a regular file (or a symlink to one) that `looksLikeStateFile`. Never throws.
 * @param ownInode the inode this process last wrote there: a file still carrying it is ours without reading it.
 */
export function inspectStateFile(path: string, ownInode?: number): StateFileCheck {
  let target = resolve(path);
  try {
    target = resolveWriteTarget(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EINVAL';
    return { ok: false, target, code, reason: code === 'ELOOP' ? 'the symbolic link loops' : (err as Error).message };
  }
  let st: Stats;
  try {
    st = statSync(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { ok: false, target, code: code ?? 'EINVAL', reason: (err as Error).message };
    return folderCheck(target);
  }
  if (st.isDirectory()) return { ok: false, target, code: 'EISDIR', reason: 'it is a directory, not a state file (left untouched; give a file path such as DIR/state.json)' };
  if (!st.isFile()) return { ok: false, target, code: 'not-a-file', reason: 'it is not a regular file (left untouched)' };
  if (ownInode !== undefined && st.ino === ownInode) return { ok: true, target, exists: true };
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, target, code, reason: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message };
  }
  if (!looksLikeStateFile(text)) return { ok: false, target, code: 'not-ours', reason: 'the file exists and is not a Status Tray state file (left untouched)' };
  return { ok: true, target, exists: true };
}

function folderCheck(target: string): StateFileCheck {
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) return { ok: false, target, code: 'ENOTDIR', reason: `${folder} is not a folder` };
  } catch {
    return { ok: false, target, code: 'ENOENT', reason: `the folder ${folder} does not exist` };
  }
  return { ok: true, target, exists: false };
}

/**
 * Remove `<target>.tmp-<pid>` files whose process is gone (a kill mid-write leaves them), so they do not pile
 * up. A temp file of a live process other than this one is kept: it may be writing right now. Never throws.
 * @returns the names removed.
 */
export function removeStaleTempFiles(target: string): string[] {
  const folder = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!/^\d+$/.test(name.slice(prefix.length)) || (pid !== process.pid && isAlive(pid))) continue;
    try {
      unlinkSync(join(folder, name));
      removed.push(name);
    } catch {
      // Someone else removed it, or we may not: nothing to lose either way.
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
