/**
 * What the engine keeps of a parsed status between polls (in memory and in `source_memory`): everything the
 * snapshot, change detection and the noise rules read — components, open incidents, scheduled maintenances —
 * and of the resolved incidents only those resolved within the stale window (14 days). Each kept incident
 * carries its newest `KEPT_UPDATES` updates, the ones the popover shows before "Show all", and says how many
 * the document listed (`updateCount`). A history feed lists up to 25 resolved incidents with every update, and
 * AWS lists some 30 updates per open incident; keeping them all cost 23–40 kB a source in memory and in every
 * `last_status` row, for text the window reads from `status.db` when asked (docs/storage.md, "What a source
 * keeps").
 */
import { STALE_INCIDENT_AFTER_MS } from '../domain/health';
import { NEWEST_UPDATES_SHOWN, type Incident, type ProviderStatus } from '../domain/types';

/** Resolved incidents last updated longer ago than this (ms) are not kept in the source's state. */
export const KEEP_RESOLVED_FOR_MS = STALE_INCIDENT_AFTER_MS;

/** How many of an incident's updates, the newest by their own time, are kept between polls. */
export const KEPT_UPDATES = NEWEST_UPDATES_SHOWN;

/**
 * `status` with `recentIncidents` cut to those updated within `KEEP_RESOLVED_FOR_MS` of `now` (ms since
 * epoch, UTC) and every incident's updates cut to its newest `KEPT_UPDATES`. Returns `status` itself when
 * nothing is cut, so an unchanged object stays recognisable. An incident whose `updatedAt` cannot be read is
 * kept (nothing says it is old).
 */
export function keptStatus(status: ProviderStatus, now: number): ProviderStatus {
  const cutoff = now - KEEP_RESOLVED_FOR_MS;
  const within = status.recentIncidents.filter((i) => {
    const t = Date.parse(i.updatedAt);
    return !(t < cutoff);
  });
  const recent = within.length === status.recentIncidents.length ? status.recentIncidents : within;
  const activeIncidents = keptIncidents(status.activeIncidents);
  const scheduledMaintenances = keptIncidents(status.scheduledMaintenances);
  const recentIncidents = keptIncidents(recent);
  if (activeIncidents === status.activeIncidents && scheduledMaintenances === status.scheduledMaintenances && recentIncidents === status.recentIncidents) {
    return status;
  }
  return { ...status, activeIncidents, scheduledMaintenances, recentIncidents };
}

/** `incidents` with each one's updates cut (`keptIncident`); the same array when none is cut. */
function keptIncidents(incidents: Incident[]): Incident[] {
  let out: Incident[] | undefined;
  for (let k = 0; k < incidents.length; k++) {
    const kept = keptIncident(incidents[k]!);
    if (kept !== incidents[k]) (out ??= incidents.slice())[k] = kept;
  }
  return out ?? incidents;
}

/**
 * `incident` with only its `KEPT_UPDATES` newest updates by their own time (a misordered feed keeps the right
 * ones; updates without a readable time count as oldest), in the order the document listed them, and
 * `updateCount` set to how many it listed. The incident itself when it has no more than that.
 */
export function keptIncident(incident: Incident): Incident {
  const { updates } = incident;
  if (updates.length <= KEPT_UPDATES) return incident;
  const times = updates.map((u) => {
    const t = Date.parse(u.at);
    return Number.isNaN(t) ? -Infinity : t;
  });
  // Indices by time, newest first; among equal times (or none readable) the one listed first.
  const newest = updates
    .map((_, k) => k)
    .sort((a, b) => (times[b]! > times[a]! ? 1 : times[b]! < times[a]! ? -1 : a - b))
    .slice(0, KEPT_UPDATES)
    .sort((a, b) => a - b);
  return { ...incident, updates: newest.map((k) => updates[k]!), updateCount: incident.updateCount ?? updates.length };
}
