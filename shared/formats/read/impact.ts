/** Impact and component-status helpers shared by adapters that derive them from labels. */
import type { ComponentStatus, Impact } from '../../domain/types';

const IMPACT_RANK: Readonly<Record<Impact, number>> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

/** The worse of the impacts; `none` for an empty list. */
export function worstImpact(impacts: Iterable<Impact>): Impact {
  let worst: Impact = 'none';
  for (const i of impacts) if (IMPACT_RANK[i] > IMPACT_RANK[worst]) worst = i;
  return worst;
}

/** Component status → the incident impact it implies (Statuspage's own pairing); `none` when unknown. */
export function impactOfComponentStatus(status: ComponentStatus | undefined): Impact {
  switch (status) {
    case 'major_outage':
      return 'critical';
    case 'partial_outage':
      return 'major';
    case 'degraded_performance':
      return 'minor';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'none';
  }
}

const COMPONENT_LABELS: Readonly<Record<string, ComponentStatus>> = {
  operational: 'operational',
  'degraded performance': 'degraded_performance',
  degraded: 'degraded_performance',
  'partial outage': 'partial_outage',
  'full outage': 'major_outage',
  'major outage': 'major_outage',
  outage: 'major_outage',
  'under maintenance': 'under_maintenance',
  maintenance: 'under_maintenance',
};

/** A human component-status label ("Degraded performance", "Full outage") → status, or `undefined`. */
export function componentStatusOfLabel(label: string): ComponentStatus | undefined {
  return COMPONENT_LABELS[label.trim().toLowerCase().replace(/[_-]/g, ' ')];
}
