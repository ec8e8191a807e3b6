/**
 * status.db under kill -9: a child process commits polls in a loop (tests/support/db-crash-child.ts) and is
 * SIGKILLed at a random moment, 100 times. After every kill the database opens, every id the child
 * announced is recorded (nothing recorded lost), and across all runs no id is announced twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStatusDatabase } from '../../../shared/storage/sqlite';
import { REPO_ROOT } from '../../support/feeds';

let dir: string;
const cleanup: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-db-crash-'));
  cleanup.push(dir);
});
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('status.db under SIGKILL', () => {
  it('opens after 100 kills at random moments, loses no recorded poll and announces nothing twice', async () => {
    // Bundled once so each child starts in tens of milliseconds. The native binding stays an import, resolved
    // from the repository's node_modules, hence a bundle inside the repository.
    const cacheDir = mkdtempSync(join(REPO_ROOT, 'node_modules', '.status-tray-test-'));
    const child = join(cacheDir, 'child.mjs');
    cleanup.push(cacheDir);
    await build({
      entryPoints: [join(REPO_ROOT, 'tests/support/db-crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: child,
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
    // Four lanes, each its own database, 25 kills each: a child spends most of its life starting Node, so
    // lanes overlap that wait instead of adding it up (more lanes only starve other tests of CPU).
    const lanes = await Promise.all(Array.from({ length: 4 }, (_, lane) => killLoop(child, join(dir, `status-${lane}.db`), 25)));
    for (const { announced } of lanes) {
      expect(new Set(announced).size).toBe(announced.length);
      // Ids keep rising across restarts: each child resumed from the last committed poll.
      expect(announced).toEqual([...announced].sort((a, b) => a - b));
    }
    expect(lanes.reduce((n, l) => n + l.announced.length, 0)).toBeGreaterThan(100);
  }, 240_000);
});

/** Start the child on `db` and SIGKILL it at a random moment, `rounds` times, checking the file each time. */
async function killLoop(child: string, db: string, rounds: number): Promise<{ announced: number[] }> {
  const announced: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const proc = spawn(process.execPath, [child, db], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // Killed at a random moment after its first commit, so the kill lands among commits, not during start-up.
    const started = await Promise.race([
      new Promise<boolean>((resolve) => proc.stdout.on('data', () => /announced/.test(out) && resolve(true))),
      new Promise<boolean>((resolve) => proc.once('exit', () => resolve(false))),
    ]);
    expect(started).toBe(true);
    await new Promise((r) => setTimeout(r, Math.random() * 40));
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    const ids = [...out.matchAll(/^announced (\d+)$/gm)].map((m) => Number(m[1]));
    announced.push(...ids);

    const check = await openStatusDatabase(db);
    try {
      expect(check.recoveryReason).toBeUndefined();
      const recorded = new Set(check.db.prepare('SELECT incident_id FROM incident').pluck().all() as string[]);
      for (const id of ids) expect(recorded.has(String(id))).toBe(true);
    } finally {
      check.close();
    }
  }
  return { announced };
}
