/**
 * `--state` end to end through `runCli`: the older option names where the database goes (beside the JSON
 * state file, which is imported once and kept as FILE.migrated); a database that cannot be written
 * (SQLite's SQLITE_FULL / SQLITE_READONLY / SQLITE_IOERR injected into better-sqlite3's write statements:
 * the tests may run as root, where chmod cannot deny a write) gives one stderr line naming the file and the
 * reason and exit 1; a directory, a file that is not ours, or a missing folder is refused with one line and
 * exit 1 before anything is polled, and left untouched.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveStatusLine } from '../../../cli/main';
import { databaseBeside } from '../../../cli/state-alias';
import type { SaveError } from '../../../shared/engine/save-error';
import { emptyEngineState, newSourceState } from '../../../shared/engine/state';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { run } from './run-cli';

const fault = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('better-sqlite3', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('better-sqlite3') }>()).default;
  const WRITES = /^\s*(INSERT|UPDATE|DELETE)/i;
  // Write statements throw SQLite's error while a fault is set; the transaction around them rolls back.
  function FaultyDatabase(...args: ConstructorParameters<typeof real>) {
    const db = new real(...args);
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      if (!WRITES.test(sql)) return statement;
      return new Proxy(statement, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (key === 'run' && fault.code) return () => { throw Object.assign(new Error(`${fault.code}: injected`), { code: fault.code }); };
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as typeof db.prepare;
    return db;
  }
  return { default: FaultyDatabase as unknown as typeof real };
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

describe('--state FILE alone: the database beside FILE', () => {
  it('imports an old JSON state file once, keeps it as FILE.migrated, and the next runs use the database', async () => {
    const state = join(dir, 'state.json');
    const url = server.url('/gh.json');
    const old = emptyEngineState();
    old.sources[url] = { ...newSourceState(url), baselined: true, etag: '"g1"', contentHash: 'x' };
    writeFileSync(state, JSON.stringify(old));

    const first = await run(['--once', '--state', state, url]);
    expect(first.code).toBe(0);
    expect(first.err).toEqual([`status-tray: imported 1 source(s) from ${state} into ${join(dir, 'state.db')}; the old file is kept as ${state}.migrated.`]);
    // The imported validators made the request conditional.
    expect(server.requests('/gh.json').at(-1)?.headers['if-none-match']).toBe('"g1"');
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['state.db', 'state.json.migrated']));
    expect(existsSync(state)).toBe(false);

    const second = await run(['--once', '--json', '--state', state, url]);
    expect(second).toMatchObject({ code: 0, err: [] });
    expect(server.requests('/gh.json').at(-1)?.headers['if-none-match']).toBe('"g1"');
    expect(existsSync(state)).toBe(false);
    // history reads the same database through --state.
    expect((await run(['uptime', '--state', state])).code).toBe(0);
  });

  it('a new FILE: nothing imported, the database is created beside it and FILE is not', async () => {
    for (const name of ['fresh.json', 'no-extension']) {
      const state = join(dir, name);
      const r = await run(['--once', '--state', state, server.url('/gh.json')]);
      expect(r).toMatchObject({ code: 0, err: [] });
      expect(existsSync(databaseBeside(state))).toBe(true);
      expect(existsSync(state)).toBe(false);
    }
    expect(databaseBeside(join(dir, 'no-extension'))).toBe(join(dir, 'no-extension.db'));
  });

  it('a FILE that is already a database is used as the database itself', async () => {
    const db = join(dir, 'status.db');
    await run(['--once', '--db', db, server.url('/gh.json')]);
    const r = await run(['--once', '--state', db, server.url('/gh.json')]);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(server.requests('/gh.json').at(-1)?.headers['if-none-match']).toBe('"g1"');
    expect(existsSync(`${db}.db`)).toBe(false);
  });
});

describe('--once when the database cannot be written', () => {
  for (const [code, reason] of [
    ['SQLITE_FULL', 'the disk is full'],
    ['SQLITE_READONLY', 'the database is read-only'],
    ['SQLITE_IOERR_WRITE', 'input/output error'],
  ] as const) {
    it(`${code}: a stderr line with the file and the reason, exit 1, the table still printed`, async () => {
      const state = join(dir, 'state.json');
      fault.code = code;
      const r = await run(['--once', '--state', state, server.url('/gh.json')]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`status-tray: Cannot save to ${join(dir, 'state.db')}: ${reason}`);
      expect(r.out.join('\n')).toMatch(/GitHub\s+operational/);
    });
  }

  it('the run after the disk recovered saves and exits 0', async () => {
    const state = join(dir, 'state.json');
    fault.code = 'SQLITE_FULL';
    await run(['--once', '--state', state, server.url('/gh.json')]);
    fault.code = undefined;
    const r = await run(['--once', '--state', state, server.url('/gh.json')]);
    expect(r).toMatchObject({ code: 0, err: [] });
    const again = await run(['--once', '--state', state, server.url('/gh.json')]);
    expect(again).toMatchObject({ code: 0, err: [] });
    expect(server.requests('/gh.json').at(-1)?.headers['if-none-match']).toBe('"g1"');
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
