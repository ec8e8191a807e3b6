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
 * - an id listed more than once in one document counts once, as its entry with the latest update
 *   (domain/incident-merge), so reordering a document never changes what is announced;
 * - an unknown id that shares an update id with a remembered incident is that incident under a new id
 *   (AWS derives incident ids from the first update, which ages out of its feed while the event goes on);
 *   so is an unknown id whose content (kind, title, start, every update) is exactly that of a remembered
 *   incident no longer listed under its old id (feeds that derive ids from links, pages that re-key);
 * - an incident first seen already closed whose updates all predate the source's previous successful poll
 *   (less a grace for cached documents) is old news that was out of view: recorded silently;
 * - memory is bounded: an id is pruned only when absent from the document and unseen for 90 days, and the
 *   map never grows past `MAX_SEEN_PER_SOURCE`.
 */
import { isActiveStatus } from '../domain/health';
import { latestUpdateMs, mergeDuplicateIncidents } from '../domain/incident-merge';
import type { Health, Incident, ProviderStatus } from '../domain/types';
import type { EngineEvent } from './events';
import type { SeenIncident } from './state';

/** Seen ids older than this (and absent from the document) are forgotten, ms. */
export const SEEN_RETENTION_MS = 90 * 24 * 60 * 60_000;
/** Hard cap on remembered incidents per source. */
export const MAX_SEEN_PER_SOURCE = 1000;
/** How many of an incident's newest update ids are remembered for id continuity. */
export const REMEMBERED_UPDATE_IDS = 3;
/**
 * An incident first seen already closed is announced unless its newest update is older than the previous
 * successful poll by more than this, ms. The margin covers documents served from a cache (CDNs keep status
 * documents for minutes): an update posted just before that poll may not have been in what it read.
 */
export const CLOSED_HISTORY_GRACE_MS = 10 * 60_000;

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
  /**
   * When the source's previous successful poll (any 200 or 304) finished, ms since epoch; `undefined` if
   * none. Closed incidents first seen now whose updates all predate it are recorded silently.
   */
  previousSuccessAt?: number;
  status: ProviderStatus;
  /** ms since epoch. */
  now: number;
}

/** What the detector decided. `seen` is a new object; the input is not modified. */
export interface DetectOutput {
  events: EngineEvent[];
  seen: Record<string, SeenIncident>;
}

/** All incidents a document mentions, each id once: duplicates merged, the entry with the latest update wins. */
function incidentsOf(status: ProviderStatus): Incident[] {
  return mergeDuplicateIncidents(status.activeIncidents, status.scheduledMaintenances, status.recentIncidents);
}

/** Compare a parsed document with memory; see the module comment for the rules. */
export function detectChanges(input: DetectInput): DetectOutput {
  const { status, now } = input;
  const base = { sourceId: input.sourceId, provider: input.provider, health: status.health, at: now };
  const events: EngineEvent[] = [];
  const seen: Record<string, SeenIncident> = Object.assign(Object.create(null), input.seen);
  const present = new Set<string>();

  const incidents = incidentsOf(status);
  for (const incident of incidents) present.add(incident.id);
  let byUpdateId: Map<string, string> | undefined;
  let byContent: Map<string, string> | undefined;
  for (const incident of incidents) {
    const active = isActiveStatus(incident.status);
    const contentKey = contentKeyOf(incident);
    let prev = seen[incident.id];
    if (!prev) {
      // Only an id that left the document can have become this one: a listed id is still its own incident.
      let formerId: string | undefined;
      if (incident.updates.some((u) => u.id)) {
        byUpdateId ??= indexUpdateIds(seen);
        formerId = incident.updates.map((u) => u.id && byUpdateId!.get(u.id)).find((id) => id && !present.has(id) && seen[id]);
      }
      if (!formerId) {
        byContent ??= indexContentKeys(seen);
        const id = byContent.get(contentKey);
        if (id && !present.has(id) && seen[id]) formerId = id;
      }
      if (formerId) {
        prev = seen[formerId];
        delete seen[formerId];
      }
    }
    const updateIds: string[] = [];
    for (const u of incident.updates) {
      if (updateIds.length === REMEMBERED_UPDATE_IDS) break;
      if (u.id) updateIds.push(u.id);
    }
    seen[incident.id] = {
      status: incident.status,
      active,
      firstSeenAt: prev?.firstSeenAt ?? now,
      lastSeenAt: now,
      // Only an open incident is ever named from memory (when it vanishes, vanishedIncident below).
      ...(active ? { title: incident.title } : {}),
      ...(updateIds.length ? { updateIds } : {}),
      contentKey,
    };
    if (!input.baselined) continue;
    if (!prev) {
      if (active) events.push({ ...base, type: 'incident.opened', incident });
      // Opened and closed between two polls: still news, announced once as resolved — unless all of it
      // happened before a poll we already made, so it is history that came into view, not news.
      else if (incident.status !== 'scheduled' && !predates(incident, input.previousSuccessAt)) {
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

/** content key → id of the remembered incident that had it (ids without a key, from older state, are skipped). */
function indexContentKeys(seen: Readonly<Record<string, SeenIncident>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, entry] of Object.entries(seen)) if (entry.contentKey) index.set(entry.contentKey, id);
  return index;
}

/**
 * Fingerprint of what an incident says, independent of its id: kind, title, start, and each update's time,
 * status and text. Two 32-bit FNV-1a hashes with different offsets, in hex, computed in one pass — a memory
 * key, not a security boundary: a collision needs two different incidents with the same 64 bits.
 */
export function contentKeyOf(incident: Incident): string {
  const parts: string[] = [incident.kind, incident.title, incident.createdAt];
  for (const u of incident.updates) parts.push(u.at, u.status, u.text);
  // U+FFFF (a noncharacter, absent from feed text) ends each part, so ("ab", "c") and ("a", "bc") differ.
  // Joined first: the parts come straight from parsing as sliced and concatenated strings, on which
  // charCodeAt is several times slower than on the one flat string join builds; the codes hashed are the
  // same (each part's characters, then U+FFFF).
  const all = parts.join('\uffff');
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < all.length; i++) {
    const c = all.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  a = Math.imul(a ^ 0xffff, 0x01000193);
  b = Math.imul(b ^ 0xffff, 0x01000193);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** True when every update of `incident` is older than the previous successful poll, less the cache grace. */
function predates(incident: Incident, previousSuccessAt: number | undefined): boolean {
  if (previousSuccessAt === undefined) return false;
  const latest = latestUpdateMs(incident);
  return Number.isFinite(latest) && latest < previousSuccessAt - CLOSED_HISTORY_GRACE_MS;
}

/**
 * An incident that left an active-only document: all we still know is its id, title and last status. An open
 * incident's entry always has its title; an entry from older state without one is named by its id.
 */
function vanishedIncident(id: string, prev: SeenIncident, now: number): Incident {
  const at = new Date(now).toISOString();
  return {
    id,
    kind: prev.status === 'in_progress' || prev.status === 'verifying' ? 'maintenance' : 'incident',
    title: prev.title ?? id,
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
