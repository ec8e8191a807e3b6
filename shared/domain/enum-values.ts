/**
 * The values of the domain's enumerated types as lists, for the code that must name every one of them: the
 * state schema that validates what is read back from disk (engine/state.ts) and the enum-string sharing of
 * what a source keeps (engine/enum-strings.ts). `satisfies` holds each entry to its type.
 */
import type { ComponentStatus, FormatId, Health, Impact, Incident, IncidentStatus, Indicator, ProviderStatus } from './types';

export const HEALTHS = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage', 'unknown'] as const satisfies readonly Health[];
export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const satisfies readonly ComponentStatus[];
export const INCIDENT_STATUSES = [
  'investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed',
] as const satisfies readonly IncidentStatus[];
export const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const satisfies readonly Impact[];
/** Statuspage's page `indicator`. */
export const INDICATORS = ['none', 'minor', 'major', 'critical'] as const satisfies readonly Indicator[];
export const INCIDENT_KINDS = ['incident', 'maintenance'] as const satisfies readonly Incident['kind'][];
export const COVERAGES = ['active-only', 'history'] as const satisfies readonly ProviderStatus['coverage'][];
export const FORMAT_IDS = [
  'statuspage-json', 'statuspage-feed', 'incidentio-feed', 'rss', 'atom', 'aws-rss', 'aws-json', 'gcp-json',
  'slack-json', 'upptime-json', 'yandex-json', 'azure-rss', 'apple-json',
  'instatus-json', 'betterstack-json', 'statusio-json', 'cachet-json', 'gatus-json',
  'uptimekuma-json', 'statuspal-json', 'sorry-json', 'site24x7-json', 'cstate-json', 'hund-sse', 'freshstatus-json', 'endpoint-check',
] as const satisfies readonly FormatId[];
