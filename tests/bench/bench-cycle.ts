/**
 * Bench worker: one engine polling N copies of a real feed, measured over the first cycle (every source
 * answers 200) and a steady cycle (every source answers 304) after an idle gap longer than 5 s, so idle
 * keep-alive connections must survive it. Run by bench.ts, bundled as the app ships (see bench.ts), as
 * `node --expose-gc <build dir>/bench-cycle.mjs <n> <feed>`, or from source as
 * `node --expose-gc --import tsx tests/bench/bench-cycle.ts <n> <feed>`; prints one JSON line.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStateFile } from '../../shared/platform/node/json-file';
import { createEngine } from '../../shared/engine/engine';
import { createNodeFetch } from '../../shared/platform/node/node-fetch';

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
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100);
  const feed = process.argv[3] ?? 'statuspage-json/githubstatus-summary-2026-09-25-operational.json';
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
  const { port } = await ask<{ port: number }>({ n, feed });

  const dir = mkdtempSync(join(tmpdir(), 'status-tray-bench-'));
  const http = createNodeFetch({ connectionsPerOrigin: 64 });
  const engine = createEngine({
    fetch: http.fetch,
    store: createStateFile(join(dir, 'state.json')),
    sources: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, url: `http://127.0.0.1:${port}/feeds/${i}` })),
    userAgent: 'StatusTray/bench (+https://github.com/status-tray/status-tray)',
  });

  const cycle = async (): Promise<CycleFigures> => {
    gc();
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 25);
    const bytesBefore = (await ask<{ bytes: number }>('bytes')).bytes;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const snap = await engine.pollOnce();
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
      errors: snap.sources.filter((s) => s.lastError).length,
    };
  };

  const first = await profiled('first', cycle);
  await new Promise((r) => setTimeout(r, IDLE_GAP_MS));
  const steady = await profiled('steady', cycle);
  await engine.stop();
  await http.close();
  server.send('exit');
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ n, feed, first, steady })}\n`);
}

/**
 * With BENCH_PROFILE=first|steady, write a V8 CPU profile of that cycle to BENCH_PROFILE_OUT
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
