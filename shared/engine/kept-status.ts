/**
 * What the engine keeps of a parsed status between polls (in memory and in `source_memory`): everything the
 * snapshot, change detection and the noise rules read — components, open incidents, scheduled maintenances —
 * and of the resolved incidents only those resolved within the stale window (14 days). A history feed lists
 * up to 25 resolved incidents with every update; keeping them all cost about 23 kB a source in memory and in
 * every `last_status` row, for text nothing shows: the History view and the CLI read closed incidents from
 * `status.db` (docs/storage.md, "What a source keeps").
 */
import { STALE_INCIDENT_AFTER_MS } from '../domain/health';
import type { ProviderStatus } from '../domain/types';

/** Resolved incidents last updated longer ago than this (ms) are not kept in the source's state. */
export const KEEP_RESOLVED_FOR_MS = STALE_INCIDENT_AFTER_MS;

/**
 * `status` with `recentIncidents` cut to those updated within `KEEP_RESOLVED_FOR_MS` of `now` (ms since
 * epoch, UTC). Returns `status` itself when nothing is cut, so an unchanged object stays recognisable.
 * An incident whose `updatedAt` cannot be read is kept (nothing says it is old).
 */
export function keptStatus(status: ProviderStatus, now: number): ProviderStatus {
  const cutoff = now - KEEP_RESOLVED_FOR_MS;
  const recent = status.recentIncidents.filter((i) => {
    const t = Date.parse(i.updatedAt);
    return !(t < cutoff);
  });
  return recent.length === status.recentIncidents.length ? status : { ...status, recentIncidents: recent };
}
