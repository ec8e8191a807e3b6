/**
 * `--state` under faults, end to end through `runCli`: a write that fails (ENOSPC/EROFS/EACCES injected into
 * `node:fs`; the tests may run as root, where chmod cannot deny a write) gives one stderr line naming the path
 * and the reason and exit 1; a directory, a file that is not ours, or a missing folder is refused with one
 * line and exit 1 before anything is polled, and left untouched.
 */
import type * as realFs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveStatusLine } from '../../../cli/main';
import type { SaveError } from '../../../shared/engine/save-error';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { run } from './run-cli';

const fault = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (fault.code) throw Object.assign(new Error(`${fault.code}: injected`), { code: fault.code });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

let server: FeedServer;
let dir: string;
beforeEach(async () => {
  fault.code = undefined;
  server = await startFeedServer();
  server.serveFile('/gh.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json', { etag: '"g1"' });
  dir = mkdtempSync(join(tmpdir(), 'status-tray-cli-state-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('--once when the state cannot be saved', () => {
  for (const [code, reason] of [
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
  ] as const) {
    it(`${code}: one stderr line with the path and the reason, exit 1, the table still printed, no temp file left`, async () => {
      const state = join(dir, 'state.json');
      fault.code = code;
      const r = await run(['--once', '--state', state, server.url('/gh.json')]);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([`status-tray: Cannot save to ${state}: ${reason}`]);
      expect(r.out.join('\n')).toMatch(/GitHub\s+operational/);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('the run after the disk recovered saves and exits 0', async () => {
    const state = join(dir, 'state.json');
    fault.code = 'ENOSPC';
    await run(['--once', '--state', state, server.url('/gh.json')]);
    fault.code = undefined;
    const r = await run(['--once', '--state', state, server.url('/gh.json')]);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ version: 1 });
  });
});

describe('--state paths that are refused', () => {
  it('a directory: one line, exit 1, nothing polled, the directory and its files untouched', async () => {
    const work = join(dir, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'notes.txt'), 'precious');
    const r = await run(['--once', '--state', work, server.url('/gh.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^status-tray: Cannot save to ${work}: it is a directory`));
    expect(server.requests('/gh.json')).toHaveLength(0);
    expect(readdirSync(dir)).toEqual(['work']);
    expect(readdirSync(work)).toEqual(['notes.txt']);
  });

  it('a file that is not a Status Tray state file: one line, exit 1, file unchanged', async () => {
    const notes = join(dir, 'notes.json');
    writeFileSync(notes, '{"name":"my-package","version":"1.0.0"}');
    const r = await run(['--once', '--state', notes, server.url('/gh.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`status-tray: Cannot save to ${notes}: the file exists and is not a Status Tray state file (left untouched)`]);
    expect(readFileSync(notes, 'utf8')).toBe('{"name":"my-package","version":"1.0.0"}');
    expect(readdirSync(dir)).toEqual(['notes.json']);
  });

  it('a folder that does not exist: one line naming it, exit 1, no folder created', async () => {
    const state = join(dir, 'nope', 'state.json');
    const r = await run(['--once', '--state', state, server.url('/gh.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`status-tray: Cannot save to ${state}: the folder ${join(dir, 'nope')} does not exist`]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('watch mode stderr for the state store', () => {
  const failing = (reason: string): SaveError => ({ path: '/s.json', reason, since: 1, failures: 1, heldEvents: 2, retryAt: 2 });

  it('one line when saving starts failing or fails for another reason, one when it works again, none otherwise', () => {
    expect(saveStatusLine(undefined, failing('the disk is full'))).toMatch(/^status-tray: Cannot save to \/s.json: the disk is full \(/);
    expect(saveStatusLine(failing('the disk is full'), { ...failing('the disk is full'), failures: 2 })).toBeUndefined();
    expect(saveStatusLine(failing('the disk is full'), failing('permission denied'))).toMatch(/permission denied/);
    expect(saveStatusLine(failing('the disk is full'), undefined)).toBe('status-tray: saving to /s.json works again');
    expect(saveStatusLine(undefined, undefined)).toBeUndefined();
  });
});
