/**
 * The headless runner: the same engine as the desktop app, with Node's fetch, an optional SQLite database
 * (`--db FILE`, or `--state FILE`: the database beside an old JSON state file, which is imported once; see
 * ./state-alias.ts) and terminal output. `npm run headless -- [options] SOURCE...`; see `USAGE` in ./args.ts.
 * Exit codes: 0 all sources fetched and parsed (or watch mode stopped by a signal), 1 a source failed or the
 * state could not be saved (`--once`), or `--state` names a path we refuse (a directory, a file not ours, a
 * missing folder: one line on stderr, nothing polled), 2 usage error. A folder for `--state` is never created.
 */
import packageJson from '../package.json';
import { describeDiscovery } from '../shared/discovery/describe';
import { discoverSource } from '../shared/discovery/discover';
import { createEngine } from '../shared/engine/engine';
import type { SaveError } from '../shared/engine/save-error';
import { saveErrorText } from '../shared/presentation/text';
import { fetchSource } from '../shared/engine/http/fetch-source';
import { createNodeFetch } from '../shared/platform/node/node-fetch';
import { userAgent } from '../shared/engine/user-agent';
import { parseDocument } from '../shared/formats/registry';
import { backfillOnBaseline } from '../shared/history/backfill';
import { openStatusDatabase, type StatusDatabase } from '../shared/storage/sqlite';
import { inspectStateFile } from '../shared/platform/node/state-path';
import type { FetchPort, StateStore } from '../shared/engine/ports';
import { parseCliArgs, USAGE, type CliOptions } from './args';
import { runHistoryCommand } from './history';
import { componentsJson, componentsText, errorText, eventJson, eventText, sourceJson, sourcesTable } from './output';
import { resolveSources } from './sources';
import { loadCliChannels, testCliChannels } from './channels';
import { runServe } from './serve';
import { isSqliteFile, planDatabase } from './state-alias';

/** A store that keeps nothing: without `--db` or `--state` every run is a first run. */
const memoryStore = (): StateStore => ({ read: async () => ({ state: undefined, recovered: false }), write: async () => undefined });

/** What `runCli` may be given instead of its defaults (tests). */
export interface CliDeps {
  /**
   * Wraps the Node fetch every request goes through, e.g. to send a catalog source's requests to a local
   * test server. Default: the Node fetch as it is.
   */
  wrapFetch?: (fetch: FetchPort) => FetchPort;
}

/** Run the CLI with `argv` (arguments after the script). @returns the process exit code. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  deps: CliDeps = {},
): Promise<number> {
  if (argv[0] === 'serve') return runServe(argv.slice(1), out, err);
  const opts = parseCliArgs(argv);
  if ('error' in opts) {
    err(`status-tray: ${opts.error}\n\n${USAGE}`);
    return 2;
  }
  if (opts.mode === 'help') {
    out(USAGE);
    return 0;
  }
  if (opts.mode === 'history' || opts.mode === 'uptime') {
    const sdb = await openDb(opts, err);
    if (sdb.recoveryReason) err(`status-tray: ${sdb.recoveryReason}`);
    try {
      return runHistoryCommand(opts, sdb.history, Date.now(), out, err);
    } finally {
      sdb.close();
    }
  }
  const listed = opts.mode === 'list-components' ? [opts.listComponents ?? ''] : opts.sources;
  const resolved = resolveSources(listed, opts.intervalSeconds, opts.components);
  if ('error' in resolved) {
    err(`status-tray: ${resolved.error}`);
    return 2;
  }
  if (opts.mode !== 'discover' && opts.state !== undefined && !opts.testChannels && !isSqliteFile(opts.state)) {
    // Refuse before polling anything: a run that cannot save would announce everything again next time.
    // Only a Status Tray state file (or a new one in an existing folder) is imported and renamed.
    const check = inspectStateFile(opts.state);
    if (!check.ok) {
      err(`status-tray: ${saveErrorText({ path: opts.state, reason: check.reason })}`);
      return 1;
    }
  }
  // The page's own list: without the source's filter, and without touching a state file.
  const listing = opts.mode === 'list-components';
  // Opened before the channels so their deliveries are logged in it (channel_deliveries).
  const sdb: StatusDatabase | undefined = (opts.db || opts.state) && !listing && opts.mode !== 'discover' ? await openDb(opts, err) : undefined;
  const channels = loadCliChannels(opts.channelsFile, {
    env: process.env,
    userAgent: userAgent(packageJson.version),
    warn: (m) => err(`status-tray: ${m}`),
    ...(sdb ? { log: sdb.deliveries } : {}),
  });
  if (channels && 'error' in channels) {
    sdb?.close();
    err(`status-tray: ${channels.error}`);
    return 2;
  }
  if (opts.testChannels) {
    try {
      return channels ? await testCliChannels(channels, opts.json, out) : (err('status-tray: --test-channels needs --channels FILE.'), 2);
    } finally {
      sdb?.close();
    }
  }
  const http = createNodeFetch();
  // The engine's timers are unref'd (a poll timer alone must not keep a finished run alive), but a check's
  // retry wait or a channel's retry backoff is work this run still owes: hold the process open until done.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const fetch = deps.wrapFetch ? deps.wrapFetch(http.fetch) : http.fetch;
  const limits = { totalTimeoutMs: opts.timeoutSeconds * 1000, headersTimeoutMs: Math.min(15, opts.timeoutSeconds) * 1000 };
  try {
    if (opts.mode === 'discover') {
      const fetchDeps = { fetch, userAgent: userAgent(packageJson.version), limits, now: Date.now };
      const result = await discoverSource(opts.discover ?? '', { fetchSource, parseDocument, fetchDeps });
      if (opts.json) out(JSON.stringify({ ...result, ...(result.ok ? { status: undefined } : {}) }));
      else for (const line of describeDiscovery(result)) out(line);
      return result.ok ? 0 : 1;
    }
    const engine = createEngine({
      fetch,
      store: sdb ? sdb.store : memoryStore(),
      sources: listing ? resolved.sources.map(({ filter: _filter, ...whole }) => whole) : [...resolved.sources, ...(opts.checks ?? [])],
      userAgent: userAgent(packageJson.version),
      concurrency: opts.concurrency,
      limits,
      log: (m) => err(`status-tray: ${m}`),
    });
    if (listing) return await listComponents(engine, opts, out, err);
    if (sdb) {
      const deps = { fetch, fetchSource, parse: parseDocument, userAgent: userAgent(packageJson.version), now: Date.now };
      backfillOnBaseline(engine, sdb.store, deps, (m) => err(`status-tray: ${m}`));
    }
    if (channels) engine.subscribe({ onEvents: (events) => channels.dispatcher.handle(events) });
    const code = opts.mode === 'once' ? await once(engine, opts, out, err) : await watch(engine, opts, out, err);
    // Alerts already queued still go out (bounded by the channels' retry policy) before the process ends.
    await channels?.dispatcher.idle();
    return code;
  } finally {
    clearInterval(keepAlive);
    await http.close();
    sdb?.close();
  }
}

/**
 * Open the database `--db` names, or the one beside `--state` (./state-alias.ts); import the JSON state
 * file once when there is one, and say so on stderr.
 */
async function openDb(opts: CliOptions, err: (l: string) => void): Promise<StatusDatabase> {
  const plan = planDatabase(opts.db, opts.state)!;
  const sdb = await openStatusDatabase(plan.db, { retentionDays: opts.retentionDays, ...(plan.legacyJson ? { legacyJson: plan.legacyJson } : {}) });
  if (sdb.imported?.outcome === 'imported') err(`status-tray: imported ${sdb.imported.sources} source(s) from ${plan.legacyJson} into ${plan.db}; the old file is kept as ${sdb.imported.movedTo}.`);
  // A recovery is reported by the caller: a polling run's snapshot carries it as `recoveryNotice`.
  return sdb;
}

async function once(engine: ReturnType<typeof createEngine>, opts: CliOptions, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const snap = await engine.pollOnce();
  if (snap.recoveryNotice) err(`status-tray: ${snap.recoveryNotice}`);
  if (snap.saveError) err(`status-tray: ${saveErrorText(snap.saveError)}`);
  if (opts.json) for (const s of snap.sources) out(JSON.stringify(sourceJson(s)));
  else out(sourcesTable(snap.sources));
  return snap.sources.some((s) => s.lastError) || snap.saveError ? 1 : 0;
}

async function listComponents(engine: ReturnType<typeof createEngine>, opts: CliOptions, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const source = (await engine.pollOnce()).sources[0];
  if (!source || source.lastError || !source.status) {
    err(`status-tray: ${source?.lastError?.message ?? 'The page could not be read.'}`);
    return 1;
  }
  for (const line of opts.json ? componentsJson(source.status.components).map((c) => JSON.stringify(c)) : componentsText(source.name, source.status.components)) out(line);
  return 0;
}

/**
 * Watch mode's stderr line for the state store: one line when saving starts failing (or fails for another
 * reason), one when it works again. Returns undefined when nothing changed.
 */
export function saveStatusLine(previous: SaveError | undefined, current: SaveError | undefined): string | undefined {
  if (current && (!previous || previous.reason !== current.reason || previous.path !== current.path)) {
    return `status-tray: ${saveErrorText(current)} (new events are held and announced once it can be saved; retrying)`;
  }
  if (!current && previous) return `status-tray: saving to ${previous.path} works again`;
  return undefined;
}

async function watch(engine: ReturnType<typeof createEngine>, opts: CliOptions, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const reported = new Map<string, number>();
  let saveError: SaveError | undefined;
  engine.subscribe({
    onEvents: (events) => {
      for (const e of events) out(opts.json ? JSON.stringify(eventJson(e)) : eventText(e));
    },
    onSnapshot: (snap) => {
      const line = saveStatusLine(saveError, snap.saveError);
      saveError = snap.saveError;
      if (line) err(line);
      for (const s of snap.sources) {
        if (!s.lastError || reported.get(s.id) === s.lastError.at) continue;
        reported.set(s.id, s.lastError.at);
        out(opts.json ? JSON.stringify({ type: 'source.error', at: new Date(s.lastError.at).toISOString(), ...sourceJson(s) }) : errorText(s, s.lastError.at));
      }
    },
  });
  await engine.start();
  // Polling runs on timers; keep the process alive until a signal stops it.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  await engine.stop();
  return 0;
}

const isEntryPoint = process.argv[1] && /(?:^|[\\/])(?:main\.ts|status-tray(?:\.mjs)?)$/.test(process.argv[1]);
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`status-tray: ${(e as Error)?.stack ?? e}`);
      process.exitCode = 1;
    },
  );
}
