/**
 * Loading a JSON file that may be damaged, per docs/http-and-faults.md, "Persistence" (rows 43–44): a file
 * that does not parse or does not validate is renamed `<file>.corrupt-<ms>` (kept for a bug report), the
 * last-known-good `<file>.bak` (copied after every good load) is used instead, else nothing; the caller
 * learns `recovered: true` so sources baseline silently and a banner explains. Node `fs` only — no Electron —
 * so the desktop app and the headless runner share it, and it is tested directly on a temporary directory.
 */
import { closeSync, copyFileSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { StateStoreError } from '../../engine/save-error';
import { parseEngineState, type EngineState } from '../../engine/state';
import type { StateReadResult, StateStore } from '../../engine/ports';
import { inspectStateFile, removeStaleTempFiles, resolveWriteTarget } from './state-path';

/** What `loadJsonWithRecovery` found. */
export interface RecoveredJson<T> {
  /** The valid value from the file or its backup; `undefined` when neither exists or is valid. */
  value: T | undefined;
  /** `file`: read as is; `backup`: from `.bak` after the file was bad; `none`: no file, or nothing usable. */
  from: 'file' | 'backup' | 'none';
  /** True when the file existed but was unreadable or invalid. */
  recovered: boolean;
  /** One sentence for the user, set when `recovered`. */
  reason?: string;
  /** Where the bad file was moved, when it could be. */
  corruptPath?: string;
}

/**
 * Read, parse and validate `path`.
 * @param parse validation (and migration) of the parsed JSON; `undefined` means invalid.
 * @param now clock for the `.corrupt-<ms>` suffix, ms since epoch.
 * @param label what the file holds, for the user-facing reason ("Your settings").
 * Never throws for a bad file; an I/O error while moving it aside is reported in `reason` and ignored.
 * Only a regular file is ever moved aside: a directory at `path` is left where it is (and reads as nothing).
 */
export function loadJsonWithRecovery<T>(path: string, parse: (raw: unknown) => T | undefined, now: () => number, label: string): RecoveredJson<T> {
  const found = readJson(path, parse);
  if (found === 'missing') return { value: undefined, from: 'none', recovered: false };
  if (found !== 'invalid') {
    try {
      copyFileSync(path, `${path}.bak`);
    } catch {
      // A missing backup only weakens a later recovery; the value itself is good.
    }
    return { value: found.value, from: 'file', recovered: false };
  }
  let corruptPath: string | undefined = `${path}.corrupt-${now()}`;
  try {
    // Never move a directory (or device) aside: it is not ours to move, whatever it holds.
    if (!lstatSync(path).isFile()) throw new Error('not a regular file');
    renameSync(path, corruptPath);
  } catch {
    corruptPath = undefined;
  }
  const backup = readJson(`${path}.bak`, parse);
  const usable = typeof backup === 'object';
  const kept = corruptPath ? ` The damaged file was kept as ${basename(corruptPath)}.` : '';
  return {
    value: usable ? backup.value : undefined,
    from: usable ? 'backup' : 'none',
    recovered: true,
    reason: `${label} could not be read, so ${usable ? 'the last good copy' : 'the defaults'} were loaded.${kept}`,
    ...(corruptPath ? { corruptPath } : {}),
  };
}

/**
 * Write `text` to `path` atomically: a temp file `<target>.tmp-<pid>` beside the target, fsync, rename over
 * the old one, fsync the folder (so the rename itself survives a power cut where the platform allows it).
 * A symlink at `path` is followed: its target is replaced and the link stays a link. On any failure the
 * temp file is removed and the error (ENOSPC, EROFS, EACCES, …) is thrown; the old file is unchanged.
 * @returns the inode of the file written (lets the caller recognise its own file later).
 */
export function writeFileAtomic(path: string, text: string): number {
  const target = resolveWriteTarget(path);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed: nothing to clean up.
    }
    throw err;
  }
  syncFolder(dirname(target));
  return statSync(target).ino;
}

/** Best effort: Windows cannot open a folder for fsync, and some file systems refuse; the data is synced anyway. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // See the doc comment.
  }
}

function readJson<T>(path: string, parse: (raw: unknown) => T | undefined): { value: T } | 'missing' | 'invalid' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'invalid';
  }
  try {
    // A BOM from a hand edit in Notepad is not damage.
    const value = parse(JSON.parse(text.replace(/^\uFEFF/, '')));
    return value === undefined ? 'invalid' : { value };
  } catch {
    return 'invalid';
  }
}

/**
 * The engine's `StateStore` on one JSON file (`state.json` in the app, `--state FILE` in the CLI): read with
 * recovery, written atomically. `write` serialises synchronously before returning, as the port requires.
 * Only a file recognisably ours is read, replaced or moved aside (see ./state-path.ts): for a directory or
 * someone else's file, `read` and `write` throw `StateStoreError` and leave it untouched. A symlink is
 * written through to its target. `read` also removes temp files left by a killed process.
 * @param forceRecovery when set, report a recovery with this reason even for a good file (the app uses it
 *   when the settings file had to be recovered, so every source baselines silently too).
 */
export function createStateFile(path: string, now: () => number = Date.now, forceRecovery?: string): StateStore {
  let ownInode: number | undefined;
  return {
    location: path,
    async read(): Promise<StateReadResult> {
      const check = inspectStateFile(path);
      // A missing folder holds nothing to read; the first write reports it.
      if (!check.ok && check.code === 'ENOENT') return { state: undefined, recovered: false };
      if (!check.ok) throw new StateStoreError(check.reason, path, check.code);
      removeStaleTempFiles(check.target);
      const loaded = loadJsonWithRecovery<EngineState>(check.target, parseEngineState, now, 'The saved status data');
      if (loaded.recovered) return { state: loaded.value, recovered: true, recoveryReason: loaded.reason! };
      if (forceRecovery) return { state: loaded.value, recovered: true, recoveryReason: forceRecovery };
      return { state: loaded.value, recovered: false };
    },
    async write(state: EngineState): Promise<void> {
      const text = JSON.stringify(state);
      const check = inspectStateFile(path, ownInode);
      if (!check.ok) throw new StateStoreError(check.reason, path, check.code);
      ownInode = writeFileAtomic(check.target, text);
    },
  };
}
