/**
 * docs/http-and-faults.md row 45 — kill mid-write: a child process rewrites the state file in a loop and is SIGKILLed at a
 * random moment, 100 times; the file must always parse, holding either the old or the new content.
 * The writer under test is the real `writeFileAtomic`, bundled once with esbuild so each child starts in
 * tens of milliseconds. Also: the CLI/app state file recovers from damage (rows 43–44).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyEngineState, newSourceState } from '../../../../shared/engine/state';
import { createStateFile } from '../../../../shared/platform/node/json-file';
import { REPO_ROOT } from '../../../support/feeds';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-json-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic under SIGKILL (row 45)', () => {
  it('leaves a file that always parses, old or new, across 100 kills at random moments', async () => {
    const bundle = join(dir, 'json-file.mjs');
    await build({ entryPoints: [join(REPO_ROOT, 'shared/platform/node/json-file.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const child = join(dir, 'writer.mjs');
    writeFileSync(
      child,
      `import { writeFileAtomic } from ${JSON.stringify(bundle)};
const path = process.argv[2];
const payload = (tag) => JSON.stringify({ tag, filler: tag.repeat(200000) });
const a = payload('a'), b = payload('b');
writeFileAtomic(path, a);
process.stdout.write('ready\\n');
for (let i = 0; ; i++) writeFileAtomic(path, i % 2 ? a : b);
`,
    );
    const target = join(dir, 'state.json');
    const seen = new Set<string>();
    for (let round = 0; round < 100; round++) {
      const proc = spawn(process.execPath, [child, target], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, Math.random() * 25));
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
      const parsed = JSON.parse(readFileSync(target, 'utf8')) as { tag: string; filler: string };
      expect(['a', 'b']).toContain(parsed.tag);
      expect(parsed.filler).toHaveLength(200_000);
      seen.add(parsed.tag);
    }
    // The kills did land mid-loop: both contents were observed at some point.
    expect(seen.size).toBe(2);
  }, 120_000);
});

describe('state file recovery (rows 43–44)', () => {
  const good = () => {
    const s = emptyEngineState();
    s.sources.gh = { ...newSourceState('https://www.githubstatus.com/api/v2/summary.json'), baselined: true, etag: '"x"' };
    return s;
  };

  for (const [name, bytes] of [
    ['truncated', (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ['empty', () => ''],
    ['NUL bytes', (t: string) => '\0'.repeat(t.length)],
    ['schema violation', () => JSON.stringify({ version: 1, sources: { gh: { url: 5 } } })],
  ] as const) {
    it(`${name}: moves the file aside, loads the last good backup, and reports a recovery`, async () => {
      const path = join(dir, `state-${name.replace(/\W/g, '')}.json`);
      const store = createStateFile(path, () => 1_700_000_000_000);
      await store.write(good());
      expect((await store.read()).recovered).toBe(false); // a good load writes the .bak
      writeFileSync(path, bytes(readFileSync(path, 'utf8')));
      const read = await store.read();
      expect(read.recovered).toBe(true);
      expect(read.recoveryReason).toMatch(/last good copy/);
      expect(read.state?.sources.gh?.etag).toBe('"x"');
      expect(readdirSync(dir)).toContain(`state-${name.replace(/\W/g, '')}.json.corrupt-1700000000000`);
    });
  }

  it('with no backup either, starts empty and still reports the recovery', async () => {
    const path = join(dir, 'state-nobak.json');
    writeFileSync(path, '{"version":1,"sources":');
    const read = await createStateFile(path).read();
    expect(read).toMatchObject({ state: undefined, recovered: true });
  });
});
