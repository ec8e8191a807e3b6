/**
 * Small building blocks the platform adapters in this folder share: turning a platform's own words for a state
 * into the Statuspage vocabulary of the domain (component `status`, incident `status`, `impact`), and building
 * normalised incidents from the few fields most platforms expose. Pure; nothing here throws.
 */
import type { ComponentStatus, Impact, Incident, IncidentStatus, IncidentUpdate } from '../../domain/types';
import { isoOf } from '../read/dates';
import { safeHttpUrl } from '../read/links';
import { statusOfLabel } from '../read/statuses';
import { collapseText, htmlToText, toPlainTitle } from '../read/text';

/** Words platforms use for a component's state, lower-cased with spaces, `_` and `-` removed. */
const COMPONENT_WORDS: Readonly<Record<string, ComponentStatus>> = {
  operational: 'operational',
  up: 'operational',
  ok: 'operational',
  available: 'operational',
  healthy: 'operational',
  degraded: 'degraded_performance',
  degradedperformance: 'degraded_performance',
  performanceissues: 'degraded_performance',
  minor: 'degraded_performance',
  minoroutage: 'partial_outage',
  partialoutage: 'partial_outage',
  partiallydegraded: 'partial_outage',
  partialservicedisruption: 'partial_outage',
  disrupted: 'partial_outage',
  majoroutage: 'major_outage',
  major: 'major_outage',
  down: 'major_outage',
  downtime: 'major_outage',
  outage: 'major_outage',
  servicedisruption: 'major_outage',
  unavailable: 'major_outage',
  maintenance: 'under_maintenance',
  undermaintenance: 'under_maintenance',
  plannedmaintenance: 'under_maintenance',
};

/**
 * Component status for a platform's state word (`OPERATIONAL`, `PARTIALOUTAGE`, `degraded`, `downtime`,
 * `Partial Outage`, `under-maintenance`, …), case-insensitive; `undefined` for words it does not know
 * (a component in an unknown state is left out rather than guessed operational).
 */
export function componentStatusOf(word: unknown): ComponentStatus | undefined {
  if (typeof word !== 'string') return undefined;
  return COMPONENT_WORDS[word.toLowerCase().replace(/[\s_-]+/g, '')];
}

/**
 * Incident impact for a platform's severity word, on Statuspage's scale: a major/full outage is `critical`, a
 * partial outage `major`, anything milder `minor`; maintenance words give `maintenance`, "none"/"info" `none`.
 */
export function impactOf(word: unknown): Impact {
  if (typeof word !== 'string') return 'none';
  const key = word.toLowerCase().replace(/[\s_-]+/g, '');
  if (['critical', 'majoroutage', 'fulloutage', 'downtime', 'down', 'servicedisruption', 'unavailable'].includes(key)) return 'critical';
  if (['major', 'partialoutage', 'partialservicedisruption', 'disrupted'].includes(key)) return 'major';
  if (['maintenance', 'scheduled', 'plannedmaintenance', 'undermaintenance'].includes(key)) return 'maintenance';
  if (['none', 'operational', 'info', 'informational', 'notice'].includes(key)) return 'none';
  return 'minor';
}

/** Impact implied by the worst affected component: the shared reading helper, re-exported for the adapters. */
export { impactOfComponentStatus } from '../read/impact';

/** Incident status for a platform's label, falling back to `fallback` for words it does not know. */
export function incidentStatusOf(label: unknown, fallback: IncidentStatus): IncidentStatus {
  if (typeof label !== 'string') return fallback;
  return statusOfLabel(label.replace(/[_-]+/g, ' ')) ?? fallback;
}

/** One update of an incident as read from a platform, before normalising. */
export interface RawUpdate {
  status: IncidentStatus;
  label?: string;
  /** Plain text or HTML (see `html`). */
  text: string;
  html?: boolean;
  at: unknown;
}

/** What an adapter knows about one incident or maintenance. */
export interface RawIncident {
  id: string;
  kind: 'incident' | 'maintenance';
  title: string | undefined;
  status: IncidentStatus;
  impact: Impact;
  createdAt: unknown;
  updatedAt?: unknown;
  url?: unknown;
  /** Base for a relative `url`. */
  base?: string;
  scheduledFor?: unknown;
  scheduledUntil?: unknown;
  updates?: RawUpdate[];
  components?: string[];
}

/**
 * Build a domain `Incident`: dates to ISO 8601 UTC (an unreadable creation date falls back to the newest update,
 * then the epoch, so an incident is never lost for a bad date), updates sorted newest first, the status taken
 * from the newest update when there is one, the URL kept only when http(s).
 */
export function buildIncident(raw: RawIncident): Incident {
  const updates: IncidentUpdate[] = (raw.updates ?? [])
    .map((u) => {
      const at = isoOf(u.at);
      const update: IncidentUpdate = { status: u.status, text: u.html ? htmlToText(u.text) : collapseText(u.text), at: at ?? '' };
      if (u.label) update.label = u.label;
      return update;
    })
    .filter((u) => u.at !== '' || u.text !== '');
  const createdAt = isoOf(raw.createdAt) ?? updates.find((u) => u.at)?.at ?? isoOf(raw.scheduledFor) ?? new Date(0).toISOString();
  for (const u of updates) if (!u.at) u.at = createdAt;
  updates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const newest = updates[0];
  const incident: Incident = {
    id: raw.id,
    kind: raw.kind,
    title: toPlainTitle(raw.title) || (raw.kind === 'maintenance' ? 'Untitled maintenance' : 'Untitled incident'),
    status: newest?.status ?? raw.status,
    impact: raw.kind === 'maintenance' ? 'maintenance' : raw.impact,
    createdAt,
    updatedAt: newest?.at ?? isoOf(raw.updatedAt) ?? createdAt,
    updates,
    components: [...new Set((raw.components ?? []).map((c) => c.trim()).filter(Boolean))],
  };
  const url = safeHttpUrl(raw.url, raw.base);
  if (url) incident.url = url;
  const from = isoOf(raw.scheduledFor);
  const until = isoOf(raw.scheduledUntil);
  if (from) incident.scheduledFor = from;
  if (until) incident.scheduledUntil = until;
  return incident;
}

/** The host of a URL, or `fallback` when it has none (used to name a provider whose document has no title). */
export function hostName(url: string, fallback: string): string {
  try {
    return new URL(url).hostname || fallback;
  } catch {
    return fallback;
  }
}

/** The worst of several component statuses (`operational` when none). */
export function worstComponentStatus(list: readonly ComponentStatus[]): ComponentStatus {
  const order: ComponentStatus[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
  let worst = 0;
  for (const s of list) worst = Math.max(worst, order.indexOf(s));
  return order[worst] as ComponentStatus;
}

/** The site root (`https://host/`) of a URL, or `undefined` when it is not an http(s) URL. */
export function rootOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.origin}/` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A date as platforms built on SQL databases write it, `2020-02-27 13:22:51` with no zone (Cachet, Uptime Kuma),
 * read as UTC (the zone those APIs use by default; `Date.parse` would read it in the machine's local zone), or
 * any other date `isoOf` reads. Returns ISO 8601 UTC or `undefined`.
 */
export function utcIsoOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)$/.exec(raw.trim());
    if (m) return isoOf(`${m[1]}T${m[2]}Z`);
  }
  return isoOf(raw);
}
