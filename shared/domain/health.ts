/**
 * Health: one word for how a provider is doing, derived from what its document says. Pure functions,
 * safe for the renderer to import.
 */
import type { Component, ComponentStatus, Health, Impact, Incident, Indicator } from './types';

/**
 * Severity rank used to pick the worst health. `unknown` ranks between `operational` and `maintenance`:
 * one provider we cannot read turns an otherwise green overall state grey, but never hides a real outage.
 */
export const HEALTH_RANK: Readonly<Record<Health, number>> = {
  operational: 0,
  unknown: 1,
  maintenance: 2,
  degraded: 3,
  partial_outage: 4,
  major_outage: 5,
};

/** Health values from best to worst. */
export const HEALTH_ORDER: readonly Health[] = ['operational', 'unknown', 'maintenance', 'degraded', 'partial_outage', 'major_outage'];

/** The worse of the given healths; `operational` for an empty list. */
export function worstHealth(healths: Iterable<Health>): Health {
  let worst: Health = 'operational';
  for (const h of healths) if (HEALTH_RANK[h] > HEALTH_RANK[worst]) worst = h;
  return worst;
}

/** Statuspage component status → health. */
export function healthOfComponentStatus(status: ComponentStatus): Health {
  switch (status) {
    case 'operational':
      return 'operational';
    case 'under_maintenance':
      return 'maintenance';
    case 'degraded_performance':
      return 'degraded';
    case 'partial_outage':
      return 'partial_outage';
    case 'major_outage':
      return 'major_outage';
  }
}

/** Statuspage page indicator → health (`critical` is a major outage, `major` a partial one). */
export function healthOfIndicator(indicator: Indicator): Health {
  switch (indicator) {
    case 'none':
      return 'operational';
    case 'minor':
      return 'degraded';
    case 'major':
      return 'partial_outage';
    case 'critical':
      return 'major_outage';
  }
}

/**
 * Incident impact → health. An open incident whose impact is `none` or not stated still means someone is
 * investigating something, so it counts as `degraded`.
 */
export function healthOfImpact(impact: Impact): Health {
  switch (impact) {
    case 'critical':
      return 'major_outage';
    case 'major':
      return 'partial_outage';
    case 'maintenance':
      return 'maintenance';
    case 'minor':
    case 'none':
      return 'degraded';
  }
}

/** The incident statuses after which an incident is no longer open. */
export const CLOSED_STATUSES = new Set(['resolved', 'postmortem', 'completed']);

/**
 * An open incident whose newest update is older than this is stale (14 days, in ms): adapters mark it when
 * they parse, and the status window re-checks it against its own clock, since an unchanged document is not
 * parsed again.
 */
export const STALE_INCIDENT_AFTER_MS = 14 * 24 * 60 * 60 * 1000;

/** True when the incident's latest status is not resolved, postmortem or completed. Age does not matter. */
export function isActiveStatus(status: Incident['status']): boolean {
  return !CLOSED_STATUSES.has(status) && status !== 'scheduled';
}

/**
 * Derive a provider's health from everything its document says: the page indicator (where the format has
 * one), component statuses, and active incidents' impact. The worst signal wins. A stale incident (open but
 * silent for 14 days) counts at most as `degraded`; a maintenance in progress counts as `maintenance`.
 */
export function deriveHealth(input: {
  indicator?: Indicator;
  components: readonly Component[];
  activeIncidents: readonly Incident[];
}): Health {
  const signals: Health[] = [];
  if (input.indicator) signals.push(healthOfIndicator(input.indicator));
  for (const c of input.components) signals.push(healthOfComponentStatus(c.status));
  for (const i of input.activeIncidents) {
    if (i.kind === 'maintenance') signals.push('maintenance');
    else signals.push(i.stale ? 'degraded' : healthOfImpact(i.impact));
  }
  return worstHealth(signals);
}

