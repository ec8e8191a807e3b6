/**
 * What the status window says about one incident or maintenance, as plain strings: its impact in words that
 * cannot be mistaken for the provider's health, the first line of its latest update, how long it has been
 * going, whether it went stale, and where a maintenance stands against its planned window. Pure: times come
 * in as parameters (`now` in ms since the epoch, UTC). The rules are in docs/popover.md, "One meaning per word".
 */
import { STALE_INCIDENT_AFTER_MS } from '../domain/health';
import type { Impact, Incident, IncidentUpdate } from '../domain/types';
import { formatDuration, msSince } from './durations';
import { plainText } from './text';

/**
 * An incident's impact as its own fact, never a health word: "Incident impact: critical". A provider shown
 * as "Degraded" with a "Critical impact" line reads as a contradiction; this wording says whose word it is.
 * Maintenance has no impact of its own: "Maintenance".
 */
export function impactText(impact: Impact): string {
  switch (impact) {
    case 'none':
      return 'Incident impact: none stated';
    case 'maintenance':
      return 'Maintenance';
    default:
      return `Incident impact: ${impact}`;
  }
}

/** The newest update by its own time (adapters list newest first; a misordered feed does not fool this). */
export function latestUpdate(incident: Pick<Incident, 'updates'>): IncidentUpdate | undefined {
  let best: IncidentUpdate | undefined;
  let bestAt = -Infinity;
  for (const update of incident.updates) {
    const at = Date.parse(update.at);
    const key = Number.isNaN(at) ? -Infinity : at;
    if (!best || key > bestAt) {
      best = update;
      bestAt = key;
    }
  }
  return best;
}

/**
 * The first sentence of a text (up to the first ". ", "! " or "? "), at most `max` characters, control
 * characters dropped; `''` for blank text.
 */
export function firstLine(text: string, max = 140): string {
  const clean = plainText(text, Number.MAX_SAFE_INTEGER);
  const end = /[.!?](?=\s)/.exec(clean);
  return plainText(end ? clean.slice(0, end.index + 1) : clean, max);
}

/** What a collapsed row says about an open incident: the latest update's first line, else the title. */
export function incidentHeadline(incident: Pick<Incident, 'title' | 'updates'>): string {
  const text = latestUpdate(incident)?.text ?? '';
  return firstLine(text) || plainText(incident.title, 140);
}

/**
 * Whether an open incident has gone stale at `now`: the adapter said so when it parsed, or its newest
 * update is now older than the stale threshold (an unchanged document is not parsed again).
 */
export function isStaleIncident(incident: Pick<Incident, 'stale' | 'updatedAt'>, now: number): boolean {
  if (incident.stale) return true;
  const age = msSince(incident.updatedAt, now);
  return age !== undefined && age > STALE_INCIDENT_AFTER_MS;
}

/**
 * How long an open incident has been going, from its start: "ongoing 3 h". A stale one says so instead:
 * "stale: no update for 20 days". `''` when its start is not a date or lies ahead of `now`.
 */
export function ongoingText(incident: Pick<Incident, 'createdAt' | 'updatedAt' | 'stale'>, now: number): string {
  if (isStaleIncident(incident, now)) {
    const silent = msSince(incident.updatedAt, now);
    return silent === undefined ? 'stale: no recent update' : `stale: no update for ${formatDuration(silent)}`;
  }
  const age = msSince(incident.createdAt, now);
  // A start in the future (the page's clock ahead of ours) says nothing about how long it has been going.
  return age === undefined || age < 0 ? '' : `ongoing ${formatDuration(age)}`;
}

/** Where a maintenance stands at `now`, judged by its status and its planned window. */
export type MaintenancePhase = 'upcoming' | 'due' | 'in-progress' | 'window-passed' | 'done';

/** A maintenance's phase and the words for it, e.g. `{ phase: 'upcoming', text: 'Starts in 3 h · planned for 4 h' }`. */
export interface MaintenanceTiming {
  phase: MaintenancePhase;
  /** Sentence-case; never "Scheduled" for a window that has already begun or passed. */
  text: string;
}

/**
 * Where a maintenance stands at `now`. A page may leave a maintenance "scheduled" after its window began or
 * ended; that is reported as what it is ("Planned start passed 2 h ago", "Window ended 3 days ago"), not as
 * "Scheduled". Durations come from `scheduledFor`/`scheduledUntil` where the page gives them. One in
 * progress whose newest update is older than the stale threshold says so, as an incident would.
 */
export function maintenanceTiming(m: Pick<Incident, 'status' | 'scheduledFor' | 'scheduledUntil' | 'createdAt' | 'updatedAt' | 'stale'>, now: number): MaintenanceTiming {
  const timing = windowTiming(m, now);
  if (timing.phase !== 'in-progress' || !isStaleIncident(m, now)) return timing;
  const silent = msSince(m.updatedAt, now);
  return { phase: timing.phase, text: `Marked in progress · stale: no update for ${silent === undefined ? 'a long time' : formatDuration(silent)}` };
}

function windowTiming(m: Pick<Incident, 'status' | 'scheduledFor' | 'scheduledUntil' | 'createdAt'>, now: number): MaintenanceTiming {
  const start = m.scheduledFor ? Date.parse(m.scheduledFor) : NaN;
  const end = m.scheduledUntil ? Date.parse(m.scheduledUntil) : NaN;
  const length = !Number.isNaN(start) && !Number.isNaN(end) && end > start ? ` · planned for ${formatDuration(end - start)}` : '';
  if (m.status === 'completed' || m.status === 'resolved' || m.status === 'postmortem') return { phase: 'done', text: 'Completed' };
  if (m.status === 'in_progress' || m.status === 'verifying' || m.status === 'investigating' || m.status === 'identified' || m.status === 'monitoring') {
    const since = Number.isNaN(start) ? msSince(m.createdAt, now) : now - start;
    const running = since === undefined ? 'In progress' : `In progress for ${formatDuration(since)}`;
    if (Number.isNaN(end)) return { phase: 'in-progress', text: running };
    return { phase: 'in-progress', text: end > now ? `${running} · ends in ${formatDuration(end - now)}` : `${running} · planned end passed ${formatDuration(now - end)} ago` };
  }
  // Status "scheduled": judge it by the window.
  if (!Number.isNaN(end) && end <= now) return { phase: 'window-passed', text: `Window ended ${formatDuration(now - end)} ago; the page has not marked it done` };
  if (!Number.isNaN(start) && start <= now) return { phase: 'due', text: `Planned start passed ${formatDuration(now - start)} ago${length}` };
  if (!Number.isNaN(start)) return { phase: 'upcoming', text: `Starts in ${formatDuration(start - now)}${length}` };
  return { phase: 'upcoming', text: 'Scheduled, no start time given' };
}
