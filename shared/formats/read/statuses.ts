/**
 * Mapping of human status labels to Statuspage incident statuses, and the lifecycle rank used to order
 * updates that share a timestamp. Labels come from Statuspage feeds ("Investigating", "In progress"),
 * incident.io ("Status: Monitoring"), generic feeds ("[RESOLVED]") and JSON APIs.
 */
import type { IncidentStatus } from '../../domain/types';

const LABELS: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  investigation: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  fixed: 'resolved',
  postmortem: 'postmortem',
  'post-mortem': 'postmortem',
  scheduled: 'scheduled',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
  complete: 'completed',
};

/** Words separated by single spaces: already in the form the normalising in statusOfLabel produces. */
const PLAIN_LABEL = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** Labels that add text without changing the status in force. */
const NEUTRAL = new Set(['update', 'updated']);

/** Maintenance lifecycle labels: an entry using them is a maintenance. */
export const MAINTENANCE_STATUSES: ReadonlySet<IncidentStatus> = new Set(['scheduled', 'in_progress', 'verifying', 'completed']);

/**
 * Status named by a label (case-insensitive, surrounding punctuation ignored). `null` for a neutral
 * "Update"; `undefined` when the label is not a status at all.
 */
export function statusOfLabel(label: string): IncidentStatus | null | undefined {
  // Labels as Statuspage writes them ("Resolved", "In progress") need none of the normalising below.
  const key = PLAIN_LABEL.test(label) ? label.toLowerCase() : label.trim().replace(/^[[(]+|[\])]+$/g, '').replace(/[:.\-–\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();
  if (NEUTRAL.has(key)) return null;
  return LABELS[key];
}

/**
 * Position in the lifecycle. Used only to break timestamp ties: at the same minute, a later lifecycle step
 * is taken to have come after an earlier one (GitHub lists "Investigating" above "Resolved" at 21:24), and a
 * neutral "Update" (rank 0) comes before any step.
 */
export function lifecycleRank(status: IncidentStatus | null): number {
  switch (status) {
    case null:
      return 0;
    case 'investigating':
    case 'scheduled':
      return 1;
    case 'identified':
    case 'in_progress':
      return 2;
    case 'monitoring':
    case 'verifying':
      return 3;
    case 'resolved':
    case 'completed':
      return 4;
    case 'postmortem':
      return 5;
  }
}

/** A closed status for the given kind (`resolved` or `completed`). */
export function closedStatus(kind: 'incident' | 'maintenance'): IncidentStatus {
  return kind === 'maintenance' ? 'completed' : 'resolved';
}

const GENERIC_TITLE = /^\s*\[\s*(resolved|investigating|identified|monitoring|scheduled|in progress|completed|postmortem|update)\s*\]/i;
const GENERIC_PREFIX = /^\s*(?:status:\s*)?(resolved|investigating|identified|monitoring|scheduled|in progress|completed|verifying|postmortem)\b\s*[:\-–—]/i;
const STATUS_LINE = /^\s*status:\s*([a-z _-]+?)\s*$/i;

/**
 * Find a status word in free text the way generic feeds write it: a `[RESOLVED]` tag, a leading
 * `Resolved:`/`Resolved -`, or a `Status: Resolved` line. Returns the label as written and its status, or
 * `undefined`. Reads plain text only (callers convert HTML first).
 */
export function findStatusLabel(text: string): { label: string; status: IncidentStatus | null } | undefined {
  for (const re of [GENERIC_TITLE, GENERIC_PREFIX]) {
    const m = re.exec(text);
    if (m?.[1]) {
      const status = statusOfLabel(m[1]);
      if (status !== undefined) return { label: m[1], status };
    }
  }
  for (const line of text.split('\n', 5)) {
    const m = STATUS_LINE.exec(line);
    if (m?.[1]) {
      const status = statusOfLabel(m[1]);
      if (status !== undefined) return { label: line.trim(), status };
    }
  }
  return undefined;
}
