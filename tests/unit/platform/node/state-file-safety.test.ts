/**
 * The state file never harms what is not ours and never leaves litter: temp files go on a failed write and
 * at start, a directory or someone else's file given as the state path is refused and left untouched, and a
 * symlinked state file is written through to its target. Write failures (ENOSPC, EROFS, EACCES) are injected
 * into `node:fs` — the tests may run as root, where chmod cannot make a folder unwritable.
 */
import type * as realFs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, lstatSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StateStoreError } from '../../../../shared/engine/save-error';
import { emptyEngineState, newSourceState } from '../../../../shared/engine/state';
import { createStateFile, writeFileAtomic } from '../../../../shared/platform/node/json-file';
import { inspectStateFile, looksLikeStateFile } from '../../../../shared/platform/node/state-path';

/** The errno code the next `writeSync` fails with, if any. */
const fault = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (fault.code) throw Object.assign(new Error(`${fault.code}: injected`), { code: fault.code });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-state-safety-'));
  fault.code = undefined;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const state = () => {
  const s = emptyEngineState();
  s.sources.gh = { ...newSourceState('https://www.githubstatus.com/api/v2/summary.json'), baselined: true, etag: '"x"' };
  return s;
};

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

describe('temp files', () => {
  for (const code of ['ENOSPC', 'EROFS', 'EACCES']) {
    it(`${code} while writing: the temp file is removed, the old file kept, the error thrown with its code`, async () => {
      const path = join(dir, 'state.json');
      const store = createStateFile(path);
      await store.write(state());
      const before = readFileSync(path, 'utf8');
      fault.code = code;
      await expect(store.write(emptyEngineState())).rejects.toMatchObject({ code });
      expect(readdirSync(dir)).toEqual(['state.json']);
      expect(readFileSync(path, 'utf8')).toBe(before);
    });
  }

  it('a failed rename removes the temp file too', () => {
    const blocker = join(dir, 'taken');
    mkdirSync(join(blocker, 'child'), { recursive: true });
    expect(() => writeFileAtomic(blocker, '{}')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('stale temp files of dead processes are removed at start; a live process keeps its own', async () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, JSON.stringify(state()));
    const dead = `state.json.tmp-${deadPid()}`;
    const mine = `state.json.tmp-${process.pid}`;
    const live = `state.json.tmp-${process.ppid}`;
    for (const name of [dead, mine, live, 'state.json.tmp-notes', 'other.json.tmp-1']) writeFileSync(join(dir, name), '{"version":1');
    await createStateFile(path).read();
    expect(readdirSync(dir).sort()).toEqual(['other.json.tmp-1', 'state.json', 'state.json.bak', live, 'state.json.tmp-notes'].sort());
  });
});

describe('a state path that is not ours', () => {
  it('a directory is refused on read and write and left where it is, contents and all', async () => {
    const work = join(dir, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'notes.txt'), 'precious');
    const store = createStateFile(work, () => 1);
    await expect(store.read()).rejects.toBeInstanceOf(StateStoreError);
    await expect(store.write(state())).rejects.toMatchObject({ code: 'EISDIR', path: work, reason: expect.stringMatching(/directory/) });
    expect(readdirSync(dir)).toEqual(['work']);
    expect(readFileSync(join(work, 'notes.txt'), 'utf8')).toBe('precious');
  });

  it('a file that is not a state file is refused and left unchanged, not moved aside or replaced', async () => {
    const path = join(dir, 'todo.md');
    writeFileSync(path, '# my todo list\n- buy milk\n');
    const store = createStateFile(path, () => 1);
    await expect(store.read()).rejects.toMatchObject({ code: 'not-ours' });
    await expect(store.write(state())).rejects.toMatchObject({ code: 'not-ours', message: `Cannot save to ${path}: the file exists and is not a Status Tray state file (left untouched)` });
    expect(readdirSync(dir)).toEqual(['todo.md']);
    expect(readFileSync(path, 'utf8')).toBe('# my todo list\n- buy milk\n');
  });

  it('recognises its own files, damaged ones included, and nothing else', () => {
    const ours = JSON.stringify(state());
    expect(looksLikeStateFile(ours)).toBe(true);
    expect(looksLikeStateFile(ours.slice(0, 30))).toBe(true);
    expect(looksLikeStateFile('')).toBe(true);
    expect(looksLikeStateFile('\0\0\0')).toBe(true);
    expect(looksLikeStateFile('{"sources":{},"version":1}')).toBe(true);
    expect(looksLikeStateFile('{"name":"my-package","version":"1.0.0"}')).toBe(false);
    expect(looksLikeStateFile('[1,2,3]')).toBe(false);
    expect(looksLikeStateFile('hello')).toBe(false);
  });

  it('a folder that does not exist: read finds nothing, write fails naming the folder, nothing is created', async () => {
    const path = join(dir, 'missing', 'state.json');
    const store = createStateFile(path);
    expect(await store.read()).toEqual({ state: undefined, recovered: false });
    await expect(store.write(state())).rejects.toMatchObject({ code: 'ENOENT', reason: `the folder ${join(dir, 'missing')} does not exist` });
    expect(readdirSync(dir)).toEqual([]);
    expect(inspectStateFile(path)).toMatchObject({ ok: false, code: 'ENOENT' });
  });
});

describe('a symlinked state file', () => {
  it('is written through to its target; the link stays a link', async () => {
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'state.json');
    const link = join(dir, 'state.json');
    symlinkSync(join('real', 'state.json'), link);
    const store = createStateFile(link);
    await store.write(state()); // the target does not exist yet: created through the link
    await store.write(state());
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ version: 1, sources: { gh: { etag: '"x"' } } });
    expect((await store.read()).state?.sources.gh?.etag).toBe('"x"');
    expect(readdirSync(dir).sort()).toEqual(['real', 'state.json']);
    expect(readdirSync(join(dir, 'real')).sort()).toEqual(['state.json', 'state.json.bak']);
  });
});
