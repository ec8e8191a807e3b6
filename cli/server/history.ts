/**
 * `GET /api/history` of `serve --db`: the recorded history from status.db (the same database and tables as
 * the CLI's `history` and `uptime` commands, docs/storage.md), in the same envelope as the engine-backed
 * answer but with `"backing": "database"`.
 *
 * Query: `source` (repeatable, or comma-separated; a source id, configured now or only recorded), `since`
 * (`24h`, `7d`, `2w` or an ISO 8601 date; default 7 days; incidents still going at or after it), `limit`
 * (newest first, 1–5000, default 500). Body: `generatedAt` and `since` (ISO 8601 UTC), `sources` (id, name,
 * health now, last check, uptime per window as the CLI's `uptime --json`), `incidents` (the CLI's
 * `history --json` objects: every incident and maintenance with all its updates, newest start first).
 */
import type { EngineSnapshot } from '../../shared/engine/api';
import { historyJson } from '../../shared/history/export';
import type { HistoryReader } from '../../shared/storage/sqlite';
import { parseSince } from '../args';
import { uptimeJson } from '../history-output';

/** Default window of `since`, ms. */
export const DEFAULT_HISTORY_SINCE_MS = 7 * 86_400_000;
/** Default and largest `limit`. */
export const DEFAULT_HISTORY_LIMIT = 500;
export const MAX_HISTORY_LIMIT = 5_000;

/** The answer: the body, or a bad query's HTTP status and one sentence. */
export type HistoryAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 404; error: string };

/**
 * Answer one `/api/history` request from the database.
 * @param query Fastify's parsed query string (values may be strings or arrays of strings).
 * @param now ms since epoch (UTC).
 * @returns `{ ok, body }`, or `{ status, error }` for an unreadable `since`/`limit` (400) or a source
 *   neither configured nor recorded (404).
 */
export function databaseHistory(history: HistoryReader, snapshot: EngineSnapshot, query: Record<string, unknown>, now: number): HistoryAnswer {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  const one = (v: unknown): string | undefined => (Array.isArray(v) ? String(v.at(-1)) : v === undefined ? undefined : String(v));
  const recorded = history.providers();
  const known = new Map<string, string>();
  for (const p of recorded) known.set(p.sourceId, p.name);
  for (const s of snapshot.sources) known.set(s.id, s.name);
  const wanted = list(query.source);
  const unknown = wanted.find((id) => !known.has(id));
  if (unknown !== undefined) return { ok: false, status: 404, error: `unknown source: ${unknown}` };
  const sinceText = one(query.since);
  const since = sinceText === undefined ? now - DEFAULT_HISTORY_SINCE_MS : parseSince(sinceText, now);
  if (since === undefined) return { ok: false, status: 400, error: 'since takes a duration like 24h, 7d or 2w, or an ISO 8601 date' };
  const limitText = one(query.limit);
  const limit = limitText === undefined ? DEFAULT_HISTORY_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) return { ok: false, status: 400, error: `limit takes a whole number from 1 to ${MAX_HISTORY_LIMIT}` };

  const ids = wanted.length > 0 ? wanted : [...known.keys()];
  const live = new Map(snapshot.sources.map((s) => [s.id, s]));
  const uptime = new Map(history.uptime(ids, now).filter((r) => !r.component).map((r) => [r.sourceId, r]));
  const incidents = history.listIncidents({ sourceIds: ids, since, limit, withUpdates: true });
  const body = {
    generatedAt: new Date(now).toISOString(),
    backing: 'database',
    since: new Date(since).toISOString(),
    sources: ids.map((id) => {
      const s = live.get(id);
      const u = uptime.get(id);
      return {
        id,
        name: known.get(id),
        configured: s !== undefined,
        health: s?.health ?? null,
        lastCheckedAt: s?.lastCheckedAt !== undefined ? new Date(s.lastCheckedAt).toISOString() : null,
        uptime: u ? uptimeJson(u).uptime ?? null : null,
      };
    }),
    incidents: incidents.map(historyJson),
  };
  return { ok: true, body };
}
