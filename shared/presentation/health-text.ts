/**
 * Human words for health values, shared by the tray, notifications and the renderer. Pure; safe to import
 * from the renderer. Vocabulary follows Statuspage's component statuses (DESIGN.md "Vocabulary").
 */
import type { Health } from '../domain/types';

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
