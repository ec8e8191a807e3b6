/**
 * Human words for health values and incident statuses, shared by the tray, notifications, the CLI and the
 * renderer. Pure; safe to import from the renderer. Vocabulary follows Statuspage's component and incident
 * statuses (docs/architecture.md, "Vocabulary").
 */
import type { Health, IncidentStatus } from '../domain/types';

const HEALTH_WORDS: Readonly<Record<Health, string>> = {
  operational: 'operational',
  maintenance: 'under maintenance',
  degraded: 'degraded',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
  unknown: 'status unknown',
};

/** Lower-case phrase for a health value, e.g. `partial_outage` → "partial outage". */
export function healthWords(health: Health): string {
  return HEALTH_WORDS[health];
}

/** Sentence-case phrase for a health value, e.g. `major_outage` → "Major outage". */
export function healthLabel(health: Health): string {
  const words = HEALTH_WORDS[health];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Sentence-case name of an incident status, e.g. `in_progress` → "In progress". */
export const INCIDENT_STATUS_LABEL: Readonly<Record<IncidentStatus, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};
