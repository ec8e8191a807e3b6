/**
 * Bench worker: one client polling N sources of a bench set (bench-mix.ts: the weighted mix of real
 * documents, or one format alone), measured over the first cycle (every source answers 200) and three
 * cycles in which every source answers 304, each after an idle gap longer than 5 s, so idle keep-alive
 * connections must survive it: the first of them (code paths V8 has not compiled yet) and the third, the
 * steady state the engine runs in. The client is Status Tray's engine (`engine`) or the plain fetch + parse loop of
 * bench-baseline.ts (`baseline`), each in a fresh process so neither's memory shows in the other's figures.
 * Run by bench.ts, bundled as the app ships (see bench.ts), as
 * `node --expose-gc <build dir>/bench-cycle.mjs <n> <set> <engine|baseline>`, or from source as
 * `node --expose-gc --import tsx tests/bench/bench-cycle.ts <n> <set> <engine|baseline>`; prints one JSON line.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, DEFAULT_CONCURRENCY } from '../../shared/engine/engine';
import { fetchSource } from '../../shared/engine/http/fetch-source';
import { parseDocument } from '../../shared/formats/registry';
import { backfillOnBaseline } from '../../shared/history/backfill';
import { createNodeFetch } from '../../shared/platform/node/node-fetch';
import { openStatusDatabase } from '../../shared/storage/sqlite';
import { createBaseline } from './bench-baseline';
import type { BenchSet } from './bench-mix';

/** Measurements of one cycle. */
export interface CycleFigures {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  heapAfterGcMb: number;
  bytesReceived: number;
  errors: number;
}

const IDLE_GAP_MS = 6_000;
/** All-304 cycles after the first: the first of them is reported apart, the last is "steady". */
const NOT_MODIFIED_CYCLES = 3;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100);
  const set = (process.argv[3] ?? 'mix') as BenchSet;
  const client = process.argv[4] === 'baseline' ? 'baseline' : 'engine';
  // The server runs in the same form as this worker: bundled next to it, or from source under tsx.
  const fromSource = import.meta.filename.endsWith('.ts');
  const server = fork(join(import.meta.dirname, fromSource ? 'bench-server.ts' : 'bench-server.mjs'), [], {
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    stdio: 'inherit',
  });
  const ask = <T>(msg: unknown): Promise<T> =>
    new Promise((resolve) => {
      server.once('message', (m) => resolve(m as T));
      server.send(msg as object);
    });
  const { port } = await ask<{ port: number }>({ n, set });

  const dir = mkdtempSync(join(tmpdir(), 'status-tray-bench-'));
  const urls = Array.from({ length: n }, (_, i) => `http://127.0.0.1:${port}/feeds/${i}`);
  const http = createNodeFetch();
  const userAgent = 'StatusTray/bench (+https://github.com/status-tray/status-tray)';
  // The engine as the app and the CLI wire it: status.db (per-poll commits and history) and backfill.
  const sdb = client === 'engine' ? await openStatusDatabase(join(dir, 'status.db')) : undefined;
  const engine = sdb
    ? createEngine({ fetch: http.fetch, store: sdb.store, sources: urls.map((url, i) => ({ id: `s${i}`, url })), userAgent })
    : undefined;
  if (engine && sdb) backfillOnBaseline(engine, sdb.store, { fetch: http.fetch, fetchSource, parse: parseDocument, userAgent, now: Date.now });
  // The window and the tray listen to snapshots in the app: the engine builds them as it would there.
  let shown = 0;
  engine?.subscribe({ onSnapshot: (snap) => void (shown = snap.sources.length) });
  const baseline = client === 'baseline' ? createBaseline(urls, DEFAULT_CONCURRENCY) : undefined;
  /** One cycle of the client; resolves with the number of sources that failed. */
  const pollAll = async (): Promise<number> => {
    if (baseline) return baseline.cycle();
    const snap = await engine!.pollOnce();
    const failed = snap.sources.filter((s) => s.lastError);
    // Failures make the figures meaningless; say which, on stderr (the parent shows it as it is).
    if (failed.length > 0) {
      const codes = new Map<string, number>();
      for (const s of failed) codes.set(s.lastError!.code, (codes.get(s.lastError!.code) ?? 0) + 1);
      process.stderr.write(`bench-cycle ${n} ${set}: ${failed.length} failed (${[...codes].map(([c, k]) => `${c} ×${k}`).join(', ')}): ${failed[0]!.lastError!.message}\n`);
    }
    return failed.length;
  };

  const cycle = async (): Promise<CycleFigures> => {
    gc();
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 25);
    const bytesBefore = (await ask<{ bytes: number }>('bytes')).bytes;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const errors = await pollAll();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const bytesAfter = (await ask<{ bytes: number }>('bytes')).bytes;
    gc();
    return {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb: peakRss / 2 ** 20,
      heapAfterGcMb: process.memoryUsage().heapUsed / 2 ** 20,
      bytesReceived: bytesAfter - bytesBefore,
      errors,
    };
  };

  const first = await profiled('first', cycle);
  // The 304 cycles: the first runs code paths the first cycle never took (V8 compiles them then); the
  // engine's recurring state is the one after, so the figure is the third. Each after the idle gap.
  const notModified: CycleFigures[] = [];
  for (let k = 0; k < NOT_MODIFIED_CYCLES; k++) {
    await new Promise((r) => setTimeout(r, IDLE_GAP_MS));
    notModified.push(await profiled(k === NOT_MODIFIED_CYCLES - 1 ? 'steady' : `304-${k + 1}`, cycle));
  }
  const firstNotModified = notModified[0]!;
  const steady = notModified.at(-1)!;
  await engine?.stop();
  const dbBytes = sdb ? databaseBytes(sdb.db) : 0;
  sdb?.close();
  await http.close();
  server.send('exit');
  if (process.env.STATUS_TRAY_BENCH_KEEP) process.stderr.write(`bench-cycle: kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
  if (engine && shown !== n) process.stderr.write(`bench-cycle: the last snapshot showed ${shown} of ${n} sources\n`);
  process.stdout.write(`${JSON.stringify({ n, set, client, first, firstNotModified, steady, dbBytes })}\n`);
}

/** Size of the database after a checkpoint, bytes. */
function databaseBytes(db: import('better-sqlite3').Database): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}

/**
 * With BENCH_PROFILE=first|304-1|304-2|steady, write a V8 CPU profile of that cycle to BENCH_PROFILE_OUT
 * (default ./bench-<cycle>.cpuprofile), for looking at where the time goes.
 */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (process.env.BENCH_PROFILE !== name) return run();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = await run();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.BENCH_PROFILE_OUT ?? `bench-${name}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
  return result;
}

void main();
