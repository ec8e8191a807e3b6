/**
 * The headless server's HTTP interface, on Fastify:
 * - `GET /api/status`: the engine snapshot as JSON (`EngineSnapshot`, plus `generatedAt`, ISO 8601 UTC); each
 *   incident carries its newest three updates and, when the document listed more, `updateCount`
 *   (shared/engine/kept-status.ts); `/api/history` with a database has them all;
 * - `GET /api/events`: Server-Sent Events — `snapshot` once on connect, then one event per engine event
 *   (`event:` is its type, `data:` the CLI's `--json` event object), and a comment line every 15 s to keep
 *   proxies from closing the stream;
 * - `GET /api/history[?source=ID…][&since=7d|ISO date][&limit=N]`: with a database (`serve --db`), the
 *   recorded incidents with all their updates and each source's uptime, `"backing": "database"` (./history.ts);
 *   without one, what the engine holds now (open, recent and scheduled incidents, last check observation),
 *   `"backing": "engine"`, and the body says so;
 * - `GET /metrics`: Prometheus text (./metrics.ts);
 * - `POST /webhooks/statuspage/<source-id>?token=…`: an Atlassian Statuspage webhook notification, applied at
 *   once (shared/webhooks/statuspage.ts). Only when a webhook token is configured; the token is compared in
 *   constant time, the body is capped at 256 KB and schema-checked.
 * When `apiToken` is set, the API and metrics require `Authorization: Bearer <token>`.
 * Request logs carry the path only: a query string can hold the webhook token.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Engine } from '../../shared/engine/api';
import type { EngineEvent } from '../../shared/engine/events';
import type { Clock } from '../../shared/engine/ports';
import { FormatError } from '../../shared/formats/types';
import { applyStatuspageWebhook, readStatuspageWebhook, statuspageWebhookSchema, STATUSPAGE_WEBHOOK_MAX_BYTES } from '../../shared/webhooks/statuspage';
import { eventJson } from '../output';
import { bearerToken, tokenMatches } from './auth';
import type { ServerMetrics } from './metrics';
import type { HistoryReader } from '../../shared/storage/sqlite';
import { databaseHistory } from './history';

/** Seconds between SSE keep-alive comments. */
export const SSE_HEARTBEAT_MS = 15_000;

/** What `buildServer` needs. */
export interface ServerDeps {
  engine: Engine;
  metrics: ServerMetrics;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Bearer token for /api and /metrics; required by serve.ts when binding beyond loopback. */
  apiToken?: string;
  /** Token of `POST /webhooks/statuspage/…`; without it the route answers 404. */
  webhookToken?: string;
  /** The history database (`serve --db`); `/api/history` answers from it when given. */
  history?: HistoryReader;
}

/** Build the Fastify app (not listening yet). */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: STATUSPAGE_WEBHOOK_MAX_BYTES,
    // An SSE client that never hangs up must not keep a stopping server alive.
    forceCloseConnections: true,
  });
  const streams = new Set<(events: readonly EngineEvent[]) => void>();
  const unsubscribe = deps.engine.subscribe({
    onEvents: (events) => {
      for (const send of streams) send(events);
    },
  });
  app.addHook('onClose', async () => unsubscribe());

  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!deps.apiToken) return;
    if (!tokenMatches(bearerToken(req.headers.authorization), deps.apiToken)) {
      await reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized' });
    }
  };

  app.get('/api/status', { onRequest: requireToken }, async () => ({ generatedAt: new Date(deps.clock.now()).toISOString(), ...deps.engine.snapshot() }));

  app.get('/api/history', { onRequest: requireToken }, async (req, reply) => {
    if (deps.history) {
      const answer = databaseHistory(deps.history, deps.engine.snapshot(), (req.query ?? {}) as Record<string, unknown>, deps.clock.now());
      return answer.ok ? answer.body : reply.code(answer.status).send({ error: answer.error });
    }
    const { source } = (req.query ?? {}) as { source?: string };
    const sources = deps.engine.snapshot().sources.filter((s) => source === undefined || s.id === source);
    if (source !== undefined && sources.length === 0) return reply.code(404).send({ error: 'unknown source' });
    return {
      generatedAt: new Date(deps.clock.now()).toISOString(),
      backing: 'engine',
      note: 'No history database is configured: this is what the engine holds now (open, recently resolved and scheduled incidents, and the last check), not a full history.',
      sources: sources.map((s) => ({
        id: s.id,
        name: s.name,
        health: s.health,
        lastCheckedAt: s.lastCheckedAt ?? null,
        activeIncidents: s.status?.activeIncidents ?? [],
        recentIncidents: s.status?.recentIncidents ?? [],
        scheduledMaintenances: s.status?.scheduledMaintenances ?? [],
        check: s.status?.check ?? null,
      })),
    };
  });

  app.get('/metrics', { onRequest: requireToken }, async (_req, reply) => {
    const text = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(text);
  });

  app.get('/api/events', { onRequest: requireToken }, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    write('snapshot', deps.engine.snapshot());
    const send = (events: readonly EngineEvent[]) => {
      for (const e of events) write(e.type, eventJson(e));
    };
    streams.add(send);
    let timer = deps.clock.setTimeout(function beat() {
      res.write(': keep-alive\n\n');
      timer = deps.clock.setTimeout(beat, SSE_HEARTBEAT_MS);
    }, SSE_HEARTBEAT_MS);
    req.raw.on('close', () => {
      streams.delete(send);
      deps.clock.clearTimeout(timer);
    });
  });

  app.post<{ Params: { sourceId: string }; Querystring: { token?: string } }>('/webhooks/statuspage/:sourceId', async (req, reply) => {
    if (!deps.webhookToken) return reply.code(404).send({ error: 'not found' });
    if (!tokenMatches(req.query.token, deps.webhookToken)) return reply.code(401).send({ error: 'bad token' });
    const source = deps.engine.snapshot().sources.find((s) => s.id === req.params.sourceId);
    if (!source) return reply.code(404).send({ error: 'unknown source' });
    const parsed = statuspageWebhookSchema.safeParse(req.body);
    if (!parsed.success) return reply.code(400).send({ error: 'not a Statuspage incident or component notification' });
    const ctx = { provider: source.name, pageUrl: source.status?.pageUrl, now: deps.clock.now() };
    let change;
    try {
      change = await readStatuspageWebhook(parsed.data, ctx);
    } catch (err) {
      if (err instanceof FormatError) return reply.code(400).send({ error: err.message });
      throw err;
    }
    const applied = await deps.engine.applyStatus?.(source.id, (previous) => applyStatuspageWebhook(previous, change, ctx));
    if (!applied) return reply.code(409).send({ error: 'the source could not take the update now' });
    req.log.info({ source: source.id, kind: 'incident' in parsed.data ? 'incident' : 'component' }, 'applied a Statuspage webhook');
    return reply.code(202).send({ applied: true, health: deps.engine.snapshot().sources.find((s) => s.id === source.id)?.health });
  });

  return app;
}
