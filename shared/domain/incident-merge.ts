/**
 * One incident per id. Real documents sometimes list the same incident id twice (Statuspage exports with an
 * incident under two headings, feeds that repeat an entry after an edit). Which entry counts must not depend
 * on where each sits in the document, or a document that merely reorders them would flip the incident's
 * status on every poll. Pure; safe for any layer to import.
 */
import { isActiveStatus } from './health';
import type { Incident } from './types';

/**
 * Time of an incident's newest update, ms since the epoch: the latest readable `updates[].at`, else
 * `updatedAt`; `-Infinity` when neither parses.
 */
export function latestUpdateMs(incident: Incident): number {
  let latest = -Infinity;
  for (const u of incident.updates) {
    const ms = Date.parse(u.at);
    if (ms > latest) latest = ms;
  }
  if (latest === -Infinity) {
    const ms = Date.parse(incident.updatedAt);
    if (Number.isFinite(ms)) latest = ms;
  }
  return latest;
}

/**
 * Negative when `a` should win over `b` as the entry for their shared id, positive when `b` should; 0 only
 * for entries that are the same in every field. Order: the newer latest update; then, at the same time, the
 * closed one (a resolution posted in the same minute as the last "monitoring" came after it); then the one
 * with more updates; then a fixed order of their serialised form, so that the choice never depends on which
 * came first.
 */
export function compareDuplicates(a: Incident, b: Incident): number {
  const byTime = latestUpdateMs(b) - latestUpdateMs(a);
  if (byTime) return byTime;
  const closed = Number(isActiveStatus(a.status)) - Number(isActiveStatus(b.status));
  if (closed) return closed;
  const byUpdates = b.updates.length - a.updates.length;
  if (byUpdates) return byUpdates;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The incidents of `lists`, one per id: where an id occurs more than once, the entry `compareDuplicates`
 * prefers (the one with the latest update). Ids keep the position of their first occurrence, so the output
 * order is the input order minus the losing duplicates. Inputs are not modified.
 */
export function mergeDuplicateIncidents(...lists: readonly (readonly Incident[])[]): Incident[] {
  const byId = new Map<string, Incident>();
  for (const list of lists) {
    for (const incident of list) {
      const kept = byId.get(incident.id);
      if (!kept || compareDuplicates(incident, kept) < 0) byId.set(incident.id, incident);
    }
  }
  return [...byId.values()];
}
