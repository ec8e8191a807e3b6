/**
 * Loading a JSON file that may be damaged, per docs/http-and-faults.md, "Persistence" (rows 43–44): a file
 * that does not parse or does not validate is renamed `<file>.corrupt-<ms>` (kept for a bug report), the
 * last-known-good `<file>.bak` (copied after every good load) is used instead, else nothing; the caller
 * learns `recovered: true` so sources baseline silently and a banner explains. Node `fs` only — no Electron —
 * so the desktop app and the headless runner share it, and it is tested directly on a temporary directory.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { parseEngineState, type EngineState } from '../../engine/state';
import type { StateReadResult, StateStore } from '../../engine/ports';

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

/** Write `text` to `path` atomically: a temp file in the same directory, fsync, rename over the old one. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
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
 * @param forceRecovery when set, report a recovery with this reason even for a good file (the app uses it
 *   when the settings file had to be recovered, so every source baselines silently too).
 */
export function createStateFile(path: string, now: () => number = Date.now, forceRecovery?: string): StateStore {
  return {
    async read(): Promise<StateReadResult> {
      const loaded = loadJsonWithRecovery<EngineState>(path, parseEngineState, now, 'The saved status data');
      if (loaded.recovered) return { state: loaded.value, recovered: true, recoveryReason: loaded.reason! };
      if (forceRecovery) return { state: loaded.value, recovered: true, recoveryReason: forceRecovery };
      return { state: loaded.value, recovered: false };
    },
    async write(state: EngineState): Promise<void> {
      writeFileAtomic(path, JSON.stringify(state));
    },
  };
}
