/**
 * Bench worker: each adapter's parse throughput on the real samples in ../shared/feeds (parseDocument:
 * detection and adapter), plus rss-parser's own share of the Statuspage Atom/RSS figure: the
 * same documents through `parseFeedXml` (the depth check and rss-parser's `parseString`, which the
 * Atom/RSS adapters must use) and nothing else. Run by bench.ts; prints one JSON line.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../../shared/formats/registry';
import { parseFeedXml } from '../../shared/formats/read/xml';
import { FEEDS_DIR, readFeed } from '../support/feeds';

/** MB (2^20 bytes) parsed in how many seconds of CPU time. */
export interface Work {
  mb: number;
  seconds: number;
}

/** One sample's figures. */
export interface SampleFigures extends Work {
  sample: string;
  format: string;
}

/** What the worker prints. */
export interface ParseFigures {
  samples: SampleFigures[];
  /** parseFeedXml alone (depth check + rss-parser parseString) over the Statuspage Atom/RSS samples. */
  rssParser: Work;
}

const MIN_MS = 300;
const MB = 2 ** 20;

function listFeeds(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listFeeds(full);
    return name.endsWith('.md') ? [] : [relative(FEEDS_DIR, full)];
  });
}

/**
 * Run `fn` for at least MIN_MS of this process's CPU time and 3 times on a body of `bytes`. CPU time, not
 * wall time: on a shared machine other processes' load would otherwise show up as slow parsing.
 */
async function measure(bytes: number, fn: () => Promise<unknown>): Promise<Work> {
  let runs = 0;
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const cpu0 = process.cpuUsage();
  while (cpuMs(cpu0) < MIN_MS || runs < 3) {
    await fn();
    runs++;
  }
  return { mb: (bytes * runs) / MB, seconds: cpuMs(cpu0) / 1000 };
}

async function main(): Promise<void> {
  const samples: SampleFigures[] = [];
  const rssParser: Work = { mb: 0, seconds: 0 };
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
    samples.push({ sample: rel, format, ...(await measure(bytes, () => parseDocument(body, ctx))) });
    if (format === 'statuspage-feed') {
      const xml = await measure(bytes, () => parseFeedXml(body));
      rssParser.mb += xml.mb;
      rssParser.seconds += xml.seconds;
    }
  }
  const figures: ParseFigures = { samples, rssParser };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
