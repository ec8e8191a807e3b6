/**
 * One string per enum value in what a source keeps. The JSON round trip that copies a kept status and seen
 * map off the body (detached.ts) gives every string value its own copy: at N = 1000 the kept statuses held
 * some 8,600 copies of "operational" and 2,000 of "investigating" (0.4 MB of a 25 MB heap). The values the
 * domain types enumerate — health, component and incident status, impact, kind, coverage, indicator, format —
 * are swapped for the program's own literal, of which V8 keeps one. Feed text (titles, names, updates) is
 * left as it is. See docs/storage.md, "What a source keeps".
 */
import type { Component, ComponentStatus, FormatId, Health, Impact, Incident, IncidentStatus, ProviderStatus } from '../domain/types';
import type { SeenIncident } from './state';

const HEALTHS = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage', 'unknown'] as const satisfies readonly Health[];
const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const satisfies readonly ComponentStatus[];
const INCIDENT_STATUSES = [
  'investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed',
] as const satisfies readonly IncidentStatus[];
const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const satisfies readonly Impact[];
const OTHER = ['incident', 'history', 'active-only'] as const;
const FORMATS = [
  'statuspage-json', 'statuspage-feed', 'incidentio-feed', 'rss', 'atom', 'aws-rss', 'aws-json', 'gcp-json',
  'slack-json', 'upptime-json', 'yandex-json', 'azure-rss', 'apple-json', 'instatus-json', 'betterstack-json',
  'statusio-json', 'cachet-json', 'gatus-json', 'uptimekuma-json', 'statuspal-json', 'sorry-json',
  'site24x7-json', 'cstate-json', 'hund-sse', 'freshstatus-json', 'endpoint-check',
] as const satisfies readonly FormatId[];

/** Every value shared: the literals above. */
export const SHARED_ENUM_VALUES: ReadonlySet<string> = new Set([...HEALTHS, ...COMPONENT_STATUSES, ...INCIDENT_STATUSES, ...IMPACTS, ...OTHER, ...FORMATS]);

/** Each enumerated value → the literal above (an unknown value maps to nothing and stays as it is). */
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
