/**
 * What one poll adds to the history: the health transitions of the provider and its components, and the
 * incidents (with every update) that are new or changed since the previously recorded document. Pure: the
 * storage module calls it inside the poll's transaction with the status it committed last time.
 */
import { CLOSED_STATUSES } from '../domain/health';
import { healthOfComponentStatus } from '../domain/health';
import type { Incident, ProviderStatus } from '../domain/types';
import type { EngineEvent } from '../engine/events';
import { PROVIDER, type HealthTransition, type HistoryIncident, type HistoryUpdate } from './types';

/** Rows one poll adds or changes. */
export interface PollHistory {
  transitions: HealthTransition[];
  /** Incidents to insert or update (newest recorded fields win; updates are merged by the store). */
  incidents: HistoryIncident[];
  /**
   * Incidents that ended by vanishing from an `active-only` document (the engine's `incident.resolved` for
   * them carries no timeline): mark them resolved at `at`.
   */
  vanished: { id: string; at: number; incident: HistoryIncident }[];
}

/** ISO 8601 → ms, or `fallback` for a missing or unreadable date. */
function ms(iso: string | undefined, fallback: number): number {
  if (!iso) return fallback;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : fallback;
}

/**
 * An adapter's incident as a history row.
 * @param at poll time, ms: stands in for dates the document lacks or garbles.
 * `resolvedAt` is the oldest update of the closing run at the end of the timeline (a reopened and re-resolved
 * incident ends at its last resolution), else `updatedAt`.
 */
export function toHistoryIncident(sourceId: string, provider: string, incident: Incident, at: number, backfilled: boolean): HistoryIncident {
  const updatedAt = ms(incident.updatedAt, at);
  const updates: HistoryUpdate[] = incident.updates.map((u) => ({
    status: u.status,
    ...(u.label !== undefined ? { label: u.label } : {}),
    text: u.text,
    at: ms(u.at, updatedAt),
  }));
  let startedAt = ms(incident.createdAt, updatedAt);
  if (incident.kind === 'maintenance' && incident.scheduledFor) startedAt = Math.max(startedAt, ms(incident.scheduledFor, startedAt));
  let resolvedAt: number | undefined;
  if (CLOSED_STATUSES.has(incident.status)) {
    resolvedAt = updatedAt;
    for (const u of updates) {
      if (!CLOSED_STATUSES.has(u.status)) break;
      resolvedAt = u.at;
    }
    resolvedAt = Math.max(resolvedAt, startedAt);
  }
  return {
    sourceId,
    provider,
    id: incident.id,
    kind: incident.kind,
    title: incident.title,
    impact: incident.impact,
    status: incident.status,
    ...(incident.url ? { url: incident.url } : {}),
    startedAt,
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    updatedAt,
    components: [...incident.components],
    updates,
    backfilled,
  };
}

/** Every incident a document lists, each id once. */
export function incidentsOf(status: ProviderStatus | undefined): Incident[] {
  if (!status) return [];
  const byId = new Map<string, Incident>();
  for (const list of [status.activeIncidents, status.scheduledMaintenances, status.recentIncidents]) {
    for (const i of list) if (!byId.has(i.id)) byId.set(i.id, i);
  }
  return [...byId.values()];
}

/** How many updates the document listed: a kept incident carries only its newest few (engine/kept-status.ts). */
function updateCountOf(i: Incident): number {
  return i.updateCount ?? i.updates.length;
}

function sameIncident(a: Incident, b: Incident): boolean {
  return a.status === b.status && a.updatedAt === b.updatedAt && updateCountOf(a) === updateCountOf(b) && a.title === b.title && a.impact === b.impact;
}

/**
 * History rows for one committed poll.
 * @param prev the status recorded by the previous commit of this source (`undefined` for the first).
 * @param next the status this poll committed (`undefined` when the poll parsed nothing: then only vanished
 *   incidents from `events` count, and there are none).
 * @param baseline the source's first parse: incidents in it are the source's own past, so marked backfilled.
 */
export function historyOfPoll(input: {
  sourceId: string;
  provider: string;
  prev: ProviderStatus | undefined;
  next: ProviderStatus | undefined;
  at: number;
  baseline: boolean;
  events: readonly EngineEvent[];
}): PollHistory {
  const { sourceId, provider, prev, next, at } = input;
  const out: PollHistory = { transitions: [], incidents: [], vanished: [] };
  if (!next || next === prev) return out;
  if (!prev || prev.health !== next.health) out.transitions.push({ sourceId, component: PROVIDER, at, health: next.health });
  const before = new Map((prev?.components ?? []).map((c) => [c.name, c.status]));
  const named = new Set<string>();
  for (const c of next.components) {
    // A document naming one component twice (two groups) records it once, worst listed first wins.
    if (named.has(c.name) || !c.name) continue;
    named.add(c.name);
    if (before.get(c.name) !== c.status) out.transitions.push({ sourceId, component: c.name, at, health: healthOfComponentStatus(c.status) });
  }
  const old = new Map(incidentsOf(prev).map((i) => [i.id, i]));
  const listed = new Set<string>();
  for (const incident of incidentsOf(next)) {
    listed.add(incident.id);
    const was = old.get(incident.id);
    if (was && sameIncident(was, incident)) continue;
    out.incidents.push(toHistoryIncident(sourceId, provider, incident, at, input.baseline && !was));
  }
  for (const e of input.events) {
    if (e.type === 'incident.resolved' && !listed.has(e.incident.id)) {
      out.vanished.push({ id: e.incident.id, at: e.at, incident: toHistoryIncident(sourceId, provider, e.incident, e.at, false) });
    }
  }
  return out;
}
