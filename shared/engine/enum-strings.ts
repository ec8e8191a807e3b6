/**
 * One string per enum value in what a source keeps. The JSON round trip that copies a kept status and seen
 * map off the body (detached.ts) gives every string value its own copy: at N = 1000 the kept statuses held
 * some 8,600 copies of "operational" and 2,000 of "investigating" (0.4 MB of a 25 MB heap). The values the
 * domain types enumerate — health, component and incident status, impact, kind, coverage, indicator, format —
 * are swapped for the program's own literal, of which V8 keeps one. Feed text (titles, names, updates) is
 * left as it is. See docs/storage.md, "What a source keeps".
 */
import { COMPONENT_STATUSES, COVERAGES, FORMAT_IDS, HEALTHS, IMPACTS, INCIDENT_KINDS, INCIDENT_STATUSES, INDICATORS } from '../domain/enum-values';
import type { Component, Incident, ProviderStatus } from '../domain/types';
import type { SeenIncident } from './state';

/** Every value shared: the domain's literals (domain/enum-values.ts). */
export const SHARED_ENUM_VALUES: ReadonlySet<string> = new Set<string>([
  ...HEALTHS, ...COMPONENT_STATUSES, ...INCIDENT_STATUSES, ...IMPACTS, ...INDICATORS, ...INCIDENT_KINDS, ...COVERAGES, ...FORMAT_IDS,
]);

/** Each enumerated value → its literal (an unknown value maps to nothing and stays as it is). */
const CANONICAL = new Map<string, string>([...SHARED_ENUM_VALUES].map((v) => [v, v]));

function one<T extends string | undefined>(value: T): T {
  return value === undefined ? value : ((CANONICAL.get(value) ?? value) as T);
}

function shareIncident(incident: Incident): void {
  incident.kind = one(incident.kind);
  incident.status = one(incident.status);
  incident.impact = one(incident.impact);
  for (const u of incident.updates) u.status = one(u.status);
}

/**
 * `status`, changed in place, its enumerated values replaced by the shared literals; returns it. For a copy
 * the caller owns (it is changed), e.g. one `detached` made. Equal before and after, and serialises the same.
 */
export function withSharedEnumStrings(status: ProviderStatus): ProviderStatus {
  status.health = one(status.health);
  status.format = one(status.format);
  status.coverage = one(status.coverage);
  if (status.indicator !== undefined) status.indicator = one(status.indicator);
  for (const c of status.components as Component[]) c.status = one(c.status);
  for (const list of [status.activeIncidents, status.scheduledMaintenances, status.recentIncidents]) for (const i of list) shareIncident(i);
  return status;
}

/** `seen`, changed in place as `withSharedEnumStrings` changes a status (each entry's `status`); returns it. */
export function seenWithSharedEnumStrings<T extends Record<string, SeenIncident>>(seen: T): T {
  for (const id in seen) {
    const entry = seen[id]!;
    entry.status = one(entry.status);
  }
  return seen;
}
