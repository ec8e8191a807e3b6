/**
 * The last step of every adapter: from normalised incidents and components to a `ProviderStatus` — split into
 * active / recent / scheduled, sorted, capped, `stale` marked, health derived (domain/health.deriveHealth).
 */
import type { Component, FormatId, Incident, Indicator, ProviderStatus } from '../../domain/types';
import { deriveHealth, isActiveStatus, STALE_INCIDENT_AFTER_MS } from '../../domain/health';
import { mergeDuplicateIncidents } from '../../domain/incident-merge';
import { LIMITS, capIncident, capText } from './limits';

/** An open incident silent for longer than this is `stale` (14 days, in ms; the domain's rule). */
export const STALE_AFTER_MS = STALE_INCIDENT_AFTER_MS;

/** Everything an adapter knows about a document. */
export interface AssembleInput {
  provider: string;
  format: FormatId;
  pageUrl?: string;
  indicator?: Indicator;
  description?: string;
  components: Component[];
  incidents: Incident[];
  coverage: ProviderStatus['coverage'];
  documentUpdatedAt?: string;
  /** ms since the epoch (ParseContext.now), used only for `stale`. */
  now: number;
}

const byUpdatedDesc = (a: Incident, b: Incident): number => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);
const bySoonest = (a: Incident, b: Incident): number => {
  const x = a.scheduledFor ?? a.createdAt;
  const y = b.scheduledFor ?? b.createdAt;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Build the final `ProviderStatus`. Incidents whose status is `scheduled` go to `scheduledMaintenances`
 * (soonest first); other open ones to `activeIncidents` (newest update first, `stale` set when the newest
 * update is older than 14 days before `now`); closed ones to `recentIncidents` (newest first, capped).
 * Duplicate ids are merged: the entry with the latest update wins, whatever the listing order
 * (domain/incident-merge).
 */
export function assembleStatus(input: AssembleInput): ProviderStatus {
  const active: Incident[] = [];
  const recent: Incident[] = [];
  const scheduled: Incident[] = [];
  for (const raw of mergeDuplicateIncidents(input.incidents)) {
    const incident = capIncident(raw);
    if (incident.status === 'scheduled') scheduled.push(incident);
    else if (isActiveStatus(incident.status)) {
      const updatedMs = Date.parse(incident.updatedAt);
      if (Number.isFinite(updatedMs) && input.now - updatedMs > STALE_AFTER_MS) incident.stale = true;
      else delete incident.stale;
      active.push(incident);
    } else {
      delete incident.stale;
      recent.push(incident);
    }
  }
  active.sort(byUpdatedDesc);
  recent.sort(byUpdatedDesc);
  scheduled.sort(bySoonest);
  const components = input.components.slice(0, LIMITS.components);
  const activeIncidents = active.slice(0, LIMITS.activeIncidents);
  const status: ProviderStatus = {
    provider: capText(input.provider.trim(), LIMITS.nameChars) || 'Unnamed status page',
    format: input.format,
    health: deriveHealth({ indicator: input.indicator, components, activeIncidents }),
    components,
    activeIncidents,
    recentIncidents: recent.slice(0, LIMITS.recentIncidents),
    scheduledMaintenances: scheduled.slice(0, LIMITS.recentIncidents),
    coverage: input.coverage,
  };
  if (input.pageUrl) status.pageUrl = input.pageUrl;
  if (input.indicator) status.indicator = input.indicator;
  if (input.description) status.description = capText(input.description.trim(), LIMITS.nameChars);
  if (input.documentUpdatedAt) status.documentUpdatedAt = input.documentUpdatedAt;
  return status;
}
