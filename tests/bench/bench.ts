/**
 * `npm run bench`: the engine's speed and memory on this machine, beside a plain fetch + parse loop.
 * - Polling cycles over a realistic mix of real captured documents (bench-mix.ts: Statuspage JSON and
 *   Atom/RSS, incident.io RSS, AWS RSS, Google Cloud JSON, served gzip-compressed with ETag, Last-Modified,
 *   Cache-Control and Content-Type as those platforms send them), at N = 100, 1000 and 5000 sources (not
 *   5000 with `--quick`), and each format alone at N = 100 (`--format-n <n>` to change). Figures: CPU of the first
 *   cycle (all 200) and of the steady all-304 cycle (the third after it; the first 304 cycle, which still
 *   compiles code paths, is printed apart), peak RSS, heap after GC. Each is printed beside the
 *   baseline loop's (bench-baseline.ts: Node's fetch + rss-parser / JSON.parse on the same documents, in the
 *   same kind of worker process) with the ratio Status Tray / baseline.
 * - Each adapter's parse throughput (MB/s) on the real samples in ../shared/feeds, and rss-parser's own
 *   share of the Statuspage Atom/RSS figure.
 * It reports; it does not fail on numbers.
 *
 * The workers run as the code ships: bundled by esbuild (our modules inlined, dependencies external, as in
 * `vite build --mode cli`) and started with plain `node`, one fresh process per client and N. Run from
 * source under the tsx loader instead (`--tsx`), a process carries the loader's transpiler and source maps
 * (about 40 MB of RSS before the engine does anything) and esbuild's keep-names wrappers around every closure.
 * Then it runs bench-db.ts (status.db alone) unless `--no-db`.
 * Options: `--runs <k>` (default 1) runs each mix worker k times and reports each cycle's median CPU
 * (memory: the worst run), since one cycle on a shared 2-core machine varies by ±20%;
 * `--only-mix` skips the per-format runs and the parse throughput.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { FEEDS_DIR, REPO_ROOT } from '../support/feeds';
import type { CycleFigures } from './bench-cycle';
import { FORMATS, MIX_WEIGHTS, type BenchSet } from './bench-mix';
import type { ParseFigures, Work } from './bench-parse';

const TARGETS = { steadyCpuMs: 250, steadyRatio: 0.5, firstRatio: 1.0, peakRssMb: 150, heapMb: 25, bytesPerUnchanged: 1536, atomMBps: 50 };
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const fromSource = process.argv.includes('--tsx');
const onlyMix = process.argv.includes('--only-mix');
const RUNS = Math.max(1, Number(argValue('--runs')) || 1);
const MIX_SIZES = process.argv.includes('--quick') ? [100, 1000] : [100, 1000, 5000];
const FORMAT_N = Math.max(1, Number(argValue('--format-n')) || 100);
const BUILD_DIR = join(REPO_ROOT, 'node_modules/.cache/status-tray-bench');

const fmt = (v: number, digits = 1) => v.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
const mbps = (w: Work) => w.mb / w.seconds;

type Client = 'engine' | 'baseline';
/** What a bench-cycle worker prints. */
interface Run {
  first: CycleFigures;
  /** The first all-304 cycle (code paths not yet compiled by V8). */
  firstNotModified: CycleFigures;
  /** The third all-304 cycle: the steady state. */
  steady: CycleFigures;
  /** Size of the engine's status.db after both cycles, bytes (0 for the baseline). */
  dbBytes: number;
}

/** The command line of worker `name` (bench-cycle or bench-parse), bundled once per bench run. */
function worker(name: string): string[] {
  if (fromSource) return ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, `tests/bench/${name}.ts`)];
  return ['--expose-gc', join(BUILD_DIR, `${name}.mjs`)];
}

function bundleWorkers(): void {
  buildSync({
    entryPoints: ['bench-cycle', 'bench-server', 'bench-parse'].map((n) => join(REPO_ROOT, `tests/bench/${n}.ts`)),
    outdir: BUILD_DIR, // inside node_modules, so the external dependencies resolve from the bundles
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
}

function run<T>(args: string[]): T {
  const out = execFileSync(process.execPath, args, {
    cwd: REPO_ROOT,
    // A bundle no longer sits in tests/support, so it is told where the feeds are.
    env: { ...process.env, STATUS_TRAY_FEEDS: FEEDS_DIR },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 22,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

/** `runs` workers of one client on one set and N: each cycle's figures from the run with its median CPU, memory the worst of all. */
function measure(set: BenchSet, n: number, client: Client, runs: number): Run {
  const all = Array.from({ length: runs }, () => run<Run>([...worker('bench-cycle'), String(n), set, client]));
  const medianBy = (k: 'first' | 'firstNotModified' | 'steady') => [...all].sort((a, b) => a[k].cpuMs - b[k].cpuMs)[Math.floor((all.length - 1) / 2)]!;
  const median = { first: medianBy('first').first, firstNotModified: medianBy('firstNotModified').firstNotModified, steady: medianBy('steady').steady, dbBytes: medianBy('first').dbBytes };
  const worst = (k: 'peakRssMb' | 'heapAfterGcMb') => Math.max(...all.flatMap((r) => [r.first[k], r.firstNotModified[k], r.steady[k]]));
  return {
    first: { ...median.first, peakRssMb: worst('peakRssMb'), heapAfterGcMb: worst('heapAfterGcMb') },
    firstNotModified: median.firstNotModified,
    steady: { ...median.steady, peakRssMb: worst('peakRssMb'), heapAfterGcMb: worst('heapAfterGcMb') },
    dbBytes: median.dbBytes ?? 0,
  };
}

/** The worst of a run's cycles for a memory figure, MB. */
function worstOf(r: Run, k: 'peakRssMb' | 'heapAfterGcMb'): number {
  return Math.max(r.first[k], r.firstNotModified[k], r.steady[k]);
}

/** One figure as `Status Tray / baseline (ratio×)`, padded for the table. */
function cell(mine: number, base: number, digits = 0): string {
  const ratio = base > 0 ? `${(mine / base).toFixed(1)}×` : '–';
  return `${fmt(mine, digits).padStart(6)} / ${fmt(base, digits).padStart(6)} ${ratio.padStart(6)}`;
}

const HEADER =
  'set               N      first cycle CPU ms      steady 304 CPU ms       peak RSS MB             heap after GC MB        errors';
const SUBHEADER =
  '                         tray / base    ratio    tray / base    ratio    tray / base    ratio    tray / base    ratio';

/** Print one table row; returns both runs for the targets. */
function row(set: BenchSet, n: number, runs: number): { tray: Run; base: Run } {
  const tray = measure(set, n, 'engine', runs);
  const base = measure(set, n, 'baseline', runs);
  const peak = (r: Run) => worstOf(r, 'peakRssMb');
  const heap = (r: Run) => worstOf(r, 'heapAfterGcMb');
  const errors = [tray, base].reduce((sum, r) => sum + r.first.errors + r.firstNotModified.errors + r.steady.errors, 0);
  console.log(
    `${set.padEnd(16)} ${String(n).padStart(5)}   ${cell(tray.first.cpuMs, base.first.cpuMs)}   ${cell(tray.steady.cpuMs, base.steady.cpuMs)}   ${cell(peak(tray), peak(base))}   ${cell(heap(tray), heap(base))}   ${errors}`,
  );
  return { tray, base };
}

function printCycles(): void {
  const weights = FORMATS.map((f) => `${MIX_WEIGHTS[f]} ${f}`).join(', ');
  console.log('Polling cycles against 127.0.0.1 (server in its own process), real captured documents served gzip-compressed');
  console.log(`with ETag / Last-Modified / Cache-Control / Content-Type. mix = per 20 sources: ${weights}.`);
  console.log('tray = Status Tray\'s engine as the app runs it (conditional GET, parse, change detection, status.db with history, backfill);');
  console.log('base = plain loop: Node fetch + rss-parser / JSON.parse, validators and incident ids in memory.');
  console.log('ratio = tray / base (below 1 = Status Tray cheaper). Each client in a fresh process; concurrency 16.');
  console.log(fromSource ? 'Workers run from source under tsx.\n' : 'Workers bundled as the CLI ships and run with plain node (--tsx: from source).\n');
  console.log(HEADER);
  console.log(SUBHEADER);
  let at1000: { tray: Run; base: Run } | undefined;
  for (const n of MIX_SIZES) {
    const r = row('mix', n, RUNS);
    if (n === 1000) at1000 = r;
  }
  if (!onlyMix) for (const f of FORMATS) row(f, FORMAT_N, 1);
  if (RUNS > 1) console.log(`\nmix: each cycle's CPU is the median of ${RUNS} runs; memory: the worst run.`);
  if (!at1000) return;
  const { tray, base } = at1000;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Infinity);
  console.log('\nTargets for Status Tray, mix at N = 1000 (2-core machine), beside the same run\'s baseline loop:');
  const first = ratio(tray.first.cpuMs, base.first.cpuMs);
  console.log(`  first cycle CPU    ${fmt(tray.first.cpuMs, 0)} ms / baseline ${fmt(base.first.cpuMs, 0)} ms = ${fmt(first, 2)}×   target ≤ ${TARGETS.firstRatio}×   ${mark(first <= TARGETS.firstRatio)}`);
  const cold = ratio(tray.firstNotModified.cpuMs, base.firstNotModified.cpuMs);
  console.log(`  first 304 cycle    ${fmt(tray.firstNotModified.cpuMs, 0)} ms / baseline ${fmt(base.firstNotModified.cpuMs, 0)} ms = ${fmt(cold, 2)}×   (code paths the first cycle did not take, compiled now; not a target)`);
  const steady = ratio(tray.steady.cpuMs, base.steady.cpuMs);
  console.log(`  steady 304 cycle   ${fmt(tray.steady.cpuMs, 0)} ms / baseline ${fmt(base.steady.cpuMs, 0)} ms = ${fmt(steady, 2)}×   target ≤ ${TARGETS.steadyCpuMs} ms ${mark(tray.steady.cpuMs <= TARGETS.steadyCpuMs)}, ≤ ${TARGETS.steadyRatio}× ${mark(steady <= TARGETS.steadyRatio)}`);
  const peak = worstOf(tray, 'peakRssMb');
  const basePeak = worstOf(base, 'peakRssMb');
  console.log(`  peak RSS           ${fmt(peak)} MB (baseline ${fmt(basePeak)} MB)   target ≤ ${TARGETS.peakRssMb} MB   ${mark(peak <= TARGETS.peakRssMb)}`);
  const heap = worstOf(tray, 'heapAfterGcMb');
  console.log(`  heap after GC      ${fmt(heap)} MB (baseline ${fmt(worstOf(base, 'heapAfterGcMb'))} MB)   target ≤ ${TARGETS.heapMb} MB   ${mark(heap <= TARGETS.heapMb)}`);
  const perPoll = tray.steady.bytesReceived / 1000;
  console.log(`  per unchanged poll ${fmt(perPoll, 0)} B   target ≤ ${TARGETS.bytesPerUnchanged} B   ${mark(perPoll <= TARGETS.bytesPerUnchanged)}`);
  console.log(`  status.db after the first cycle: ${fmt(tray.dbBytes / 1e6)} MB (the sources' state and the history their documents carry)`);
}

function printThroughput(): void {
  console.log('\nParse throughput on the real samples, MB per CPU second (parseDocument: detection and adapter):\n');
  console.log('format             MB/s    sample');
  const { samples, rssParser } = run<ParseFigures>(worker('bench-parse'));
  const byFormat = new Map<string, Work>();
  for (const s of samples) {
    const agg = byFormat.get(s.format) ?? { mb: 0, seconds: 0 };
    byFormat.set(s.format, { mb: agg.mb + s.mb, seconds: agg.seconds + s.seconds });
    console.log(`${s.format.padEnd(16)} ${fmt(mbps(s)).padStart(6)}    ${s.sample}`);
  }
  console.log('\nper format (all samples):');
  for (const [format, w] of [...byFormat].sort()) console.log(`  ${format.padEnd(16)} ${fmt(mbps(w)).padStart(6)} MB/s`);
  const atom = byFormat.get('statuspage-feed');
  if (atom) {
    const rate = mbps(atom);
    // Time per MB: rss-parser's parseString (with our depth check) against all of parseDocument.
    const share = (rssParser.seconds / rssParser.mb / (atom.seconds / atom.mb)) * 100;
    console.log(`\nTarget: Atom/RSS (Statuspage history) parse ≥ ${TARGETS.atomMBps} MB/s: ${fmt(rate)} MB/s ${mark(rate >= TARGETS.atomMBps)}`);
    console.log(`  of which rss-parser parseString alone: ${fmt(mbps(rssParser))} MB/s, ${fmt(share, 0)}% of the time`);
  }
}

/** The machine's load, printed beside the figures: other jobs on a shared machine slow every figure. */
const load = () => loadavg().map((l) => l.toFixed(1)).join(', ');
if (!fromSource) bundleWorkers();
console.log(`Load average at start (1, 5, 15 min): ${load()} on ${cpus().length} cores\n`);
printCycles();
if (!onlyMix) printThroughput();
console.log(`\nLoad average at end (1, 5, 15 min): ${load()}`);
// status.db alone (size for 100 sources × 90 days, the uptime query), in its own process. Run from here, not
// chained in package.json, so options given to `npm run bench -- …` reach this script.
if (!process.argv.includes('--no-db')) {
  execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tests/bench/bench-db.ts')], { cwd: REPO_ROOT, stdio: 'inherit' });
}
