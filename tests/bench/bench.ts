/**
 * `npm run bench`: the engine's speed and memory on this machine, printed beside the targets.
 * - For N = 100 and 1000 sources (each in a fresh process): one cycle's wall time, CPU time, peak RSS,
 *   heap after GC and bytes received, for the first cycle (all 200) and the steady cycle (all 304).
 * - Each adapter's parse throughput (MB/s) on the real samples in ../shared/feeds.
 * It reports; it does not fail on numbers. `--feed <path under shared/feeds>` picks the served document.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../../shared/formats/registry';
import { FEEDS_DIR, readFeed, REPO_ROOT } from '../support/feeds';
import type { CycleFigures } from './bench-cycle';

const TARGETS = { steadyCpuMs: 250, firstCpuMs: 2000, peakRssMb: 150, heapMb: 25, bytesPerUnchanged: 1536, atomMBps: 50 };
const feedArg = process.argv.indexOf('--feed');
const feed = feedArg > 0 ? process.argv[feedArg + 1]! : 'statuspage-json/githubstatus-summary-2026-09-25-operational.json';

const fmt = (v: number, digits = 1) => v.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');

function runCycles(n: number): { first: CycleFigures; steady: CycleFigures } {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, 'tests/bench/bench-cycle.ts'), String(n), feed], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { first: CycleFigures; steady: CycleFigures };
}

function printCycles(): void {
  console.log(`Polling cycles: N copies of ${feed} served from 127.0.0.1 (server in its own process)\n`);
  console.log('N     cycle   wall ms   CPU ms   peak RSS MB   heap after GC MB   bytes received   bytes/poll   errors');
  const rows: Array<[number, 'first' | 'steady', CycleFigures]> = [];
  for (const n of [100, 1000]) {
    const r = runCycles(n);
    rows.push([n, 'first', r.first], [n, 'steady', r.steady]);
    for (const [, kind, c] of rows.slice(-2)) {
      console.log(
        `${String(n).padEnd(5)} ${kind.padEnd(7)} ${fmt(c.wallMs, 0).padStart(7)}   ${fmt(c.cpuMs, 0).padStart(6)}   ${fmt(c.peakRssMb).padStart(11)}   ${fmt(c.heapAfterGcMb).padStart(16)}   ${String(c.bytesReceived).padStart(14)}   ${fmt(c.bytesReceived / n, 0).padStart(10)}   ${c.errors}`,
      );
    }
  }
  const first = rows.find(([n, k]) => n === 1000 && k === 'first')![2];
  const steady = rows.find(([n, k]) => n === 1000 && k === 'steady')![2];
  console.log('\nTargets at N = 1000 (2-core machine):');
  console.log(`  steady cycle CPU   ${fmt(steady.cpuMs, 0)} ms   target ≤ ${TARGETS.steadyCpuMs} ms   ${mark(steady.cpuMs <= TARGETS.steadyCpuMs)}`);
  console.log(`  first cycle CPU    ${fmt(first.cpuMs, 0)} ms   target ≤ ${TARGETS.firstCpuMs} ms   ${mark(first.cpuMs <= TARGETS.firstCpuMs)}`);
  const peak = Math.max(first.peakRssMb, steady.peakRssMb);
  console.log(`  peak RSS           ${fmt(peak)} MB   target ≤ ${TARGETS.peakRssMb} MB   ${mark(peak <= TARGETS.peakRssMb)}`);
  const heap = Math.max(first.heapAfterGcMb, steady.heapAfterGcMb);
  console.log(`  heap after GC      ${fmt(heap)} MB   target ≤ ${TARGETS.heapMb} MB   ${mark(heap <= TARGETS.heapMb)}`);
  const perPoll = steady.bytesReceived / 1000;
  console.log(`  per unchanged poll ${fmt(perPoll, 0)} B   target ≤ ${TARGETS.bytesPerUnchanged} B   ${mark(perPoll <= TARGETS.bytesPerUnchanged)}`);
}

function listFeeds(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listFeeds(full);
    return name.endsWith('.md') ? [] : [relative(FEEDS_DIR, full)];
  });
}

async function printThroughput(): Promise<void> {
  console.log('\nParse throughput on the real samples (parseDocument: detection, adapter, detached copy):\n');
  console.log('format             MB/s    sample');
  const byFormat = new Map<string, { bytes: number; ms: number }>();
  for (const rel of listFeeds(FEEDS_DIR).sort()) {
    const body = readFeed(rel);
    const ctx = { url: `https://example.com/${rel}`, now: Date.now() };
    let format: string;
    try {
      format = (await parseDocument(body, ctx)).format;
    } catch {
      continue; // not a status document (the malformed sample)
    }
    const bytes = Buffer.byteLength(body);
    let runs = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300 || runs < 3) {
      await parseDocument(body, ctx);
      runs++;
    }
    const ms = performance.now() - t0;
    const agg = byFormat.get(format) ?? { bytes: 0, ms: 0 };
    byFormat.set(format, { bytes: agg.bytes + bytes * runs, ms: agg.ms + ms });
    console.log(`${format.padEnd(16)} ${fmt((bytes * runs) / 2 ** 20 / (ms / 1000)).padStart(6)}    ${rel}`);
  }
  console.log('\nper format (all samples):');
  for (const [format, { bytes, ms }] of [...byFormat].sort()) console.log(`  ${format.padEnd(16)} ${fmt(bytes / 2 ** 20 / (ms / 1000)).padStart(6)} MB/s`);
  const atom = byFormat.get('statuspage-feed');
  if (atom) {
    const mbps = atom.bytes / 2 ** 20 / (atom.ms / 1000);
    console.log(`\nTarget: Atom/RSS (Statuspage history) parse ≥ ${TARGETS.atomMBps} MB/s: ${fmt(mbps)} MB/s ${mark(mbps >= TARGETS.atomMBps)}`);
  }
}

printCycles();
await printThroughput();
