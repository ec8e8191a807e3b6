/**
 * Change detection: compare what a source's newest document says with what the engine remembers, and
 * produce the events to announce plus the new memory. Pure: no I/O, time passed in.
 *
 * Rules (docs/architecture.md, "Rules the engine keeps" and "Commit order"):
 * - newness is decided by incident id, never by comparing dates with now;
 * - the first successful poll is a silent baseline (one `source.baselined` event, no per-incident events);
 * - an incident is announced once when it opens and once per status change;
 * - an incident that vanishes from a history window merely fell off it; from an `active-only` document
 *   (Statuspage summary.json) it has ended;
 * - an unknown id that shares an update id with a remembered incident is that incident under a new id
 *   (AWS derives incident ids from the first update, which ages out of its feed while the event goes on);
 * - memory is bounded: an id is pruned only when absent from the document and unseen for 90 days, and the
 *   map never grows past `MAX_SEEN_PER_SOURCE`.
 */
import { isActiveStatus } from '../domain/health';
import type { Health, Incident, ProviderStatus } from '../domain/types';
import type { EngineEvent } from './events';
import type { SeenIncident } from './state';

/** Seen ids older than this (and absent from the document) are forgotten, ms. */
export const SEEN_RETENTION_MS = 90 * 24 * 60 * 60_000;
/** Hard cap on remembered incidents per source. */
export const MAX_SEEN_PER_SOURCE = 1000;
/** How many of an incident's newest update ids are remembered for id continuity. */
export const REMEMBERED_UPDATE_IDS = 3;

/** What the detector needs. */
export interface DetectInput {
  sourceId: string;
  /** Display name for events. */
  provider: string;
  /** False on a source's first successful poll (and after store recovery): record silently. */
  baselined: boolean;
  seen: Readonly<Record<string, SeenIncident>>;
  /** Health from the previous successful parse, if any. */
  previousHealth: Health | undefined;
  status: ProviderStatus;
  /** ms since epoch. */
  now: number;
}

/** What the detector decided. `seen` is a new object; the input is not modified. */
export interface DetectOutput {
  events: EngineEvent[];
  seen: Record<string, SeenIncident>;
}

/** All incidents a document mentions, each id once (active first, so an id listed twice counts as active). */
function incidentsOf(status: ProviderStatus): Incident[] {
  const byId = new Map<string, Incident>();
  for (const list of [status.activeIncidents, status.scheduledMaintenances, status.recentIncidents]) {
    for (const incident of list) if (!byId.has(incident.id)) byId.set(incident.id, incident);
  }
  return [...byId.values()];
}

/** Compare a parsed document with memory; see the module comment for the rules. */
export function detectChanges(input: DetectInput): DetectOutput {
  const { status, now } = input;
  const base = { sourceId: input.sourceId, provider: input.provider, health: status.health, at: now };
  const events: EngineEvent[] = [];
  const seen: Record<string, SeenIncident> = Object.assign(Object.create(null), input.seen);
  const present = new Set<string>();

  let byUpdateId: Map<string, string> | undefined;
  for (const incident of incidentsOf(status)) {
    present.add(incident.id);
    const active = isActiveStatus(incident.status);
    let prev = seen[incident.id];
    if (!prev && incident.updates.some((u) => u.id)) {
      byUpdateId ??= indexUpdateIds(seen);
      const formerId = incident.updates.map((u) => u.id && byUpdateId!.get(u.id)).find((id) => id && !present.has(id));
      if (formerId) {
        prev = seen[formerId];
        delete seen[formerId];
      }
    }
    const updateIds = incident.updates.flatMap((u) => (u.id ? [u.id] : [])).slice(0, REMEMBERED_UPDATE_IDS);
    seen[incident.id] = {
      status: incident.status,
      active,
      firstSeenAt: prev?.firstSeenAt ?? now,
      lastSeenAt: now,
      title: incident.title,
      ...(updateIds.length ? { updateIds } : {}),
    };
    if (!input.baselined) continue;
    if (!prev) {
      if (active) events.push({ ...base, type: 'incident.opened', incident });
      // Opened and closed between two polls: still news, announced once as resolved.
      else if (incident.status !== 'scheduled') {
        events.push({ ...base, type: 'incident.resolved', incident, previousStatus: incident.updates.at(-1)?.status ?? incident.status });
      }
      continue;
    }
    if (prev.status === incident.status) continue;
    if (prev.active && !active) events.push({ ...base, type: 'incident.resolved', incident, previousStatus: prev.status });
    else events.push({ ...base, type: 'incident.updated', incident, previousStatus: prev.status });
  }

  if (input.baselined && status.coverage === 'active-only') {
    for (const [id, prev] of Object.entries(seen)) {
      if (present.has(id) || !prev.active) continue;
      seen[id] = { ...prev, status: 'resolved', active: false };
      events.push({ ...base, type: 'incident.resolved', incident: vanishedIncident(id, prev, now), previousStatus: prev.status });
    }
  }

  if (!input.baselined) {
    events.push({ ...base, type: 'source.baselined', openIncidents: status.activeIncidents });
  } else if (input.previousHealth !== undefined && input.previousHealth !== status.health) {
    events.push({ ...base, type: 'provider.health-changed', previousHealth: input.previousHealth });
  }

  return { events, seen: prune(seen, present, now) };
}

/** update id → id of the remembered incident that had it. */
function indexUpdateIds(seen: Readonly<Record<string, SeenIncident>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, entry] of Object.entries(seen)) for (const u of entry.updateIds ?? []) index.set(u, id);
  return index;
}

/** An incident that left an active-only document: all we still know is its id, title and last status. */
function vanishedIncident(id: string, prev: SeenIncident, now: number): Incident {
  const at = new Date(now).toISOString();
  return {
    id,
    kind: prev.status === 'in_progress' || prev.status === 'verifying' ? 'maintenance' : 'incident',
    title: prev.title,
    status: prev.status === 'in_progress' || prev.status === 'verifying' ? 'completed' : 'resolved',
    impact: 'none',
    createdAt: new Date(prev.firstSeenAt).toISOString(),
    updatedAt: at,
    updates: [],
    components: [],
  };
}

/** Forget ids absent from the document and unseen for 90 days; then enforce the hard cap, oldest first. */
function prune(seen: Record<string, SeenIncident>, present: ReadonlySet<string>, now: number): Record<string, SeenIncident> {
  for (const [id, entry] of Object.entries(seen)) {
    if (!present.has(id) && now - entry.lastSeenAt > SEEN_RETENTION_MS) delete seen[id];
  }
  const ids = Object.keys(seen);
  if (ids.length <= MAX_SEEN_PER_SOURCE) return seen;
  const evictable = ids.filter((id) => !present.has(id)).sort((a, b) => seen[a]!.lastSeenAt - seen[b]!.lastSeenAt);
  for (const id of evictable.slice(0, ids.length - MAX_SEEN_PER_SOURCE)) delete seen[id];
  return seen;
}
