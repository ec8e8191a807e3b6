/**
 * Caps every adapter applies, so one huge or hostile document cannot blow up memory, the state file or the UI.
 * Lists are cut after sorting newest first; text is cut on a code-point boundary with an ellipsis.
 */
import type { Incident, IncidentUpdate } from '../../domain/types';

export const LIMITS = {
  /** Updates kept per incident (newest first). */
  updatesPerIncident: 20,
  /** Resolved incidents / completed maintenances kept in `recentIncidents`. */
  recentIncidents: 25,
  /** Components kept. */
  components: 500,
  /** Characters kept of an incident title. */
  titleChars: 300,
  /** Characters kept of one update's text. */
  updateTextChars: 4000,
  /** Entries read from one document (feeds list newest first; more is a 20k-item attack, not history). */
  entriesPerDocument: 500,
  /** Open incidents kept (far more than any real page shows at once). */
  activeIncidents: 200,
  /** Components named on one incident. */
  componentsPerIncident: 100,
  /** Characters kept of a provider name or description. */
  nameChars: 200,
} as const;

/** Cut `text` to at most `max` characters (code points), ending with `…` when cut. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return Array.from(text).slice(0, max - 1).join('') + '…'; // never asked; kept as it was
  // Walk code points as Array.from counts them (a surrogate pair is one, a lone surrogate one), without
  // building an array of every character of a long text.
  let i = 0;
  let count = 0;
  let cut = 0;
  while (i < text.length) {
    if (count === max - 1) cut = i;
    if (count === max) return text.slice(0, cut) + '…';
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count++;
  }
  return text;
}

/** Apply the per-incident caps (title, update count, update text, component count) to a new object. */
export function capIncident(incident: Incident): Incident {
  const updates: IncidentUpdate[] = incident.updates
    .slice(0, LIMITS.updatesPerIncident)
    .map((u) => ({ ...u, text: capText(u.text, LIMITS.updateTextChars) }));
  return {
    ...incident,
    title: capText(incident.title, LIMITS.titleChars),
    updates,
    components: incident.components.slice(0, LIMITS.componentsPerIncident),
  };
}
