/**
 * The CLI's `StateStore`: one JSON file, written atomically (temp file + fsync + rename, so a kill at any
 * moment leaves the old or the new content, never a torn file), with a last-known-good `.bak` written after
 * each good load. A corrupt or schema-violating file is moved aside as `<file>.corrupt-<ms>` and the backup
 * (or an empty state) is used instead, reported as `recovered` so every source baselines silently
 * (../../shared/FAULTS.md, "Persistence guarantees").
 */
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { parseEngineState, type EngineState } from '../shared/engine/state';
import type { StateReadResult, StateStore } from '../shared/ports';

/** Read `path` as an engine state: the state, `'missing'` when there is no file, or `'invalid'`. */
function readStateFile(path: string): EngineState | 'missing' | 'invalid' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return 'invalid';
  }
  try {
    return parseEngineState(JSON.parse(text)) ?? 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Write `text` to `path` atomically: temp file in the same directory, fsync, rename over. */
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

/**
 * A `StateStore` on the JSON file at `path`.
 * @param now clock for the `.corrupt-<ms>` suffix (ms since epoch).
 */
export function createStateFile(path: string, now: () => number = Date.now): StateStore {
  return {
    async read(): Promise<StateReadResult> {
      const found = readStateFile(path);
      if (found === 'missing') return { state: undefined, recovered: false };
      if (found !== 'invalid') {
        copyFileSync(path, `${path}.bak`);
        return { state: found, recovered: false };
      }
      renameSync(path, `${path}.corrupt-${now()}`);
      const backup = readStateFile(`${path}.bak`);
      const state = typeof backup === 'string' ? undefined : backup;
      return {
        state,
        recovered: true,
        recoveryReason: `${path} was damaged; it was kept as ${path}.corrupt-* and ${state ? 'the last good backup' : 'an empty state'} was loaded.`,
      };
    },
    async write(state: EngineState): Promise<void> {
      writeFileAtomic(path, JSON.stringify(state));
    },
  };
}
