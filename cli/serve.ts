/**
 * `status-tray serve [options] SOURCE…`: the headless engine behind an HTTP server for a team (./server/app.ts):
 * status JSON, Server-Sent Events, history, Prometheus metrics and Statuspage webhooks, with pino logs.
 * Binds 127.0.0.1 by default; any other address needs an API token (`--token` or $STATUS_TRAY_TOKEN), which
 * then guards the API and metrics. Exit codes: 0 stopped by a signal, 2 usage error, 1 could not listen.
 */
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import packageJson from '../package.json';
import type { Engine } from '../shared/engine/api';
import { MIN_INTERVAL_SECONDS } from '../shared/domain/source';
import { DEFAULT_INTERVAL_SECONDS } from '../shared/domain/source';
import { createEngine } from '../shared/engine/engine';
import { createNodeFetch } from '../shared/platform/node/node-fetch';
import type { SourceConfig } from '../shared/domain/source';
import { userAgent } from '../shared/engine/user-agent';
import { systemClock, type Clock, type FetchPort, type StateStore } from '../shared/engine/ports';
import { openStatusDatabase } from '../shared/storage/sqlite';
import { backfillOnBaseline } from '../shared/history/backfill';
import { fetchSource } from '../shared/engine/http/fetch-source';
import { parseDocument } from '../shared/formats/registry';
import { planDatabase } from './state-alias';
import { loadCliChannels, type CliChannels } from './channels';
import { CHECK_OPTIONS, CHECK_USAGE, checksFromTokens } from './check-args';
import { resolveSources } from './sources';
import { buildServer } from './server/app';
import { isLoopback } from './server/auth';
import { createServerLogger, LOG_LEVELS, type LogLevel } from './server/logger';
import { createServerMetrics } from './server/metrics';

/** Help text of `serve`. */
export const SERVE_USAGE = `Usage: status-tray serve [options] SOURCE...

Watch status pages (and --check endpoints) and serve what is known over HTTP:
  GET /api/status    the snapshot as JSON          GET /api/events   Server-Sent Events
  GET /api/history   recorded incidents (--db)     GET /metrics      Prometheus text format
  POST /webhooks/statuspage/<source-id>?token=...  Atlassian Statuspage webhook notifications

Options:
  --port N             port (default 8080)
  --host ADDRESS       address to bind (default 127.0.0.1); any other needs --token
  --token TOKEN        require "Authorization: Bearer TOKEN" on the API and metrics ($STATUS_TRAY_TOKEN)
  --webhook-token T    enable the Statuspage webhook route with ?token=T ($STATUS_TRAY_WEBHOOK_TOKEN)
  --log-level LEVEL    ${LOG_LEVELS.join(', ')} (default info; debug logs every poll outcome)
  --db FILE            keep state, history and the channels' delivery log in the SQLite database FILE
                       (the CLI's --db; /api/history then answers from it: ?source=ID&since=7d&limit=N)
  --state FILE         the older name of --db: the database is kept beside FILE (DIR/NAME.json →
                       DIR/NAME.db), and a JSON state file of an earlier version at FILE is imported
                       once (with --db: FILE is imported into that database)
  --interval SECONDS   poll interval (default ${DEFAULT_INTERVAL_SECONDS}, minimum ${MIN_INTERVAL_SECONDS})
${CHECK_USAGE}
  -h, --help           show this help

The source id of a catalog name is its catalog id (github, openai, ...); of a URL, the URL itself
(percent-encode it in the webhook path), of a --check, "check:" + its URL.
`;

/** What `serve` was asked for. */
export interface ServeOptions {
  port: number;
  host: string;
  apiToken?: string;
  webhookToken?: string;
  logLevel: LogLevel;
  state?: string;
  /** status.db path (`--db`): state, history, delivery log; `/api/history` answers from it. */
  db?: string;
  channelsFile?: string;
  sources: SourceConfig[];
}

/** Parse `serve` arguments (after the word `serve`). @returns options, 'help', or `{ error }`. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeOptions | 'help' | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        ...CHECK_OPTIONS,
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'webhook-token': { type: 'string' },
        'log-level': { type: 'string' },
        state: { type: 'string' },
        db: { type: 'string' },
        interval: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return { error: (err as Error).message };
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return 'help';
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `--port must be 0–65535 (got "${values.port}").` };
  const interval = Number(values.interval ?? DEFAULT_INTERVAL_SECONDS);
  if (!Number.isFinite(interval) || interval < MIN_INTERVAL_SECONDS) return { error: `--interval must be a number ≥ ${MIN_INTERVAL_SECONDS} (got "${values.interval}").` };
  const logLevel = (values['log-level'] ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) return { error: `--log-level must be one of ${LOG_LEVELS.join(', ')}.` };
  const host = values.host ?? '127.0.0.1';
  const apiToken = values.token ?? (env.STATUS_TRAY_TOKEN || undefined);
  const webhookToken = values['webhook-token'] ?? (env.STATUS_TRAY_WEBHOOK_TOKEN || undefined);
  if (!isLoopback(host) && !apiToken) return { error: `Binding ${host} lets other machines connect: give --token (or $STATUS_TRAY_TOKEN) so they must authenticate.` };
  for (const [name, t] of [['--token', apiToken], ['--webhook-token', webhookToken]] as const) {
    if (t !== undefined && t.length < 16) return { error: `${name} must be at least 16 characters.` };
  }
  const resolved = resolveSources(positionals, interval);
  if ('error' in resolved) return resolved;
  const checked = checksFromTokens(tokens, interval);
  if ('error' in checked) return checked;
  const sources = [...resolved.sources, ...checked.checks];
  if (sources.length === 0) return { error: 'Give at least one SOURCE or --check URL.' };
  return {
    port,
    host,
    logLevel,
    sources,
    ...(apiToken ? { apiToken } : {}),
    ...(webhookToken ? { webhookToken } : {}),
    ...(values.state ? { state: values.state } : {}),
    ...(values.db ? { db: values.db } : {}),
    ...(values.channels ? { channelsFile: values.channels } : {}),
  };
}

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  engine: Engine;
  channels?: CliChannels;
  /** `http://host:port` it listens on. */
  url: string;
  close(): Promise<void>;
}

/** Ports `startServer` takes, so tests can use a fake clock, a log sink and a state store. */
export interface ServeDeps {
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  fetch?: FetchPort;
  store?: StateStore;
  logDestination?: DestinationStream;
}

/** Start engine and server. Rejects when the channel file is bad or the port cannot be bound. */
export async function startServer(opts: ServeOptions, deps: ServeDeps): Promise<RunningServer> {
  const clock = deps.clock ?? systemClock;
  const logger = createServerLogger(opts.logLevel, deps.logDestination);
  const ua = userAgent(packageJson.version);
  // The same status.db as the CLI's --db: engine state, history (/api/history) and the delivery log.
  // --state alone names the database beside an old JSON state file, imported once (cli/state-alias.ts).
  const plan = planDatabase(opts.db, opts.state);
  const sdb = plan
    ? await openStatusDatabase(plan.db, { now: () => clock.now(), warn: (m) => logger.warn(m), ...(plan.legacyJson ? { legacyJson: plan.legacyJson } : {}) })
    : undefined;
  if (sdb?.recoveryReason) logger.warn({ db: plan!.db }, sdb.recoveryReason);
  if (sdb?.imported?.outcome === 'imported') logger.info({ from: plan!.legacyJson, into: plan!.db, sources: sdb.imported.sources }, 'imported the old state file');
  const channels = loadCliChannels(opts.channelsFile, { env: deps.env, clock, userAgent: ua, warn: (m) => logger.warn(m), ...(sdb ? { log: sdb.deliveries } : {}) });
  if (channels && 'error' in channels) {
    sdb?.close();
    throw new Error(channels.error);
  }
  const http = deps.fetch ? undefined : createNodeFetch();
  const fetchPort = deps.fetch ?? http!.fetch;
  const engine = createEngine({
    fetch: fetchPort,
    store:
      deps.store ??
      sdb?.store ?? { read: async () => ({ state: undefined, recovered: false }), write: async () => undefined },
    clock,
    sources: opts.sources,
    userAgent: ua,
    log: (m) => logger.warn(m),
  });
  const metrics = createServerMetrics(engine);
  const seen = new Map<string, number | undefined>();
  engine.subscribe({
    onSnapshot: (snap) => {
      metrics.observe(snap);
      for (const s of snap.sources) {
        if (s.lastCheckedAt === undefined || seen.get(s.id) === s.lastCheckedAt) continue;
        seen.set(s.id, s.lastCheckedAt);
        // One line per poll outcome at debug; errors are worth a warning.
        const line = { source: s.id, provider: s.name, health: s.health, ...(s.lastError ? { error: s.lastError.code, message: s.lastError.message } : {}), ...(s.status?.check ? { responseTimeMs: s.status.check.responseTimeMs } : {}) };
        if (s.lastError && s.lastError.at === s.lastCheckedAt) logger.warn(line, 'poll failed');
        else logger.debug(line, 'poll');
      }
    },
    onEvents: (events) => {
      for (const e of events) logger.info({ source: e.sourceId, provider: e.provider, event: e.type, health: e.health }, 'status event');
      channels?.dispatcher.handle(events);
    },
  });
  if (sdb && !deps.store) {
    // A page whose document lists only what is open now gets its own past once, as in the CLI and the app.
    backfillOnBaseline(engine, sdb.store, { fetch: fetchPort, fetchSource, parse: parseDocument, userAgent: ua, now: () => clock.now() }, (m) => logger.warn(m));
  }
  const app = buildServer({ engine, metrics, clock, logger, apiToken: opts.apiToken, webhookToken: opts.webhookToken, ...(sdb ? { history: sdb.history } : {}) });
  await engine.start();
  let address: string;
  try {
    address = await app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    await engine.stop();
    await http?.close();
    sdb?.close();
    throw err;
  }
  logger.info({ address, sources: opts.sources.length, db: opts.db ?? null, channels: channels?.channels.length ?? 0, webhooks: Boolean(opts.webhookToken) }, 'serving');
  return {
    app,
    engine,
    ...(channels ? { channels } : {}),
    url: address,
    async close() {
      await app.close();
      await engine.stop();
      await channels?.dispatcher.idle();
      channels?.dispatcher.dispose();
      await http?.close();
      sdb?.close();
    },
  };
}

/** `status-tray serve …`: start, run until SIGINT/SIGTERM. @returns the exit code. */
export async function runServe(argv: string[], out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const opts = parseServeArgs(argv, process.env);
  if (opts === 'help') {
    out(SERVE_USAGE);
    return 0;
  }
  if ('error' in opts) {
    err(`status-tray serve: ${opts.error}\n\n${SERVE_USAGE}`);
    return 2;
  }
  let server: RunningServer;
  try {
    server = await startServer(opts, { env: process.env });
  } catch (e) {
    err(`status-tray serve: ${(e as Error).message}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
