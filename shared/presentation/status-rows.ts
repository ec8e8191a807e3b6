/**
 * The status window's list as plain data: which providers get a row of their own (those with trouble, worst
 * first) and which fold into "N operational", the short status each row shows, and what tells two providers
 * of the same name apart. Pure; `now` is ms since the epoch. Rules: docs/popover.md.
 */
import { HEALTH_RANK } from '../domain/health';
import type { SourceFilter } from '../domain/source';
import type { Component, ComponentStatus, Health } from '../domain/types';
import type { SourceSnapshot } from '../engine/api';
import { formatDuration } from './durations';
import { healthLabel } from './health-text';
import { errorShort } from './source-error-text';

/**
 * The health a row shows: the last status read from the page (its own indicator and components, kept while
 * later checks fail, marked stale by `rowStatus`), else `unknown` — "Unknown" only for a page never read.
 */
export function displayHealth(source: Pick<SourceSnapshot, 'status' | 'health'>): Health {
  return source.status ? source.status.health : 'unknown';
}

/** Open incidents only: a maintenance in progress is not an incident and is never counted as one. */
export function openIncidents(source: Pick<SourceSnapshot, 'status'>): NonNullable<SourceSnapshot['status']>['activeIncidents'] {
  return source.status?.activeIncidents.filter((i) => i.kind === 'incident') ?? [];
}

/** Maintenances in progress now (the engine lists them among the active entries). */
export function activeMaintenances(source: Pick<SourceSnapshot, 'status'>): NonNullable<SourceSnapshot['status']>['activeIncidents'] {
  return source.status?.activeIncidents.filter((i) => i.kind === 'maintenance') ?? [];
}

/**
 * Whether a provider folds into the "N operational" group: enabled, read, its last check succeeded, healthy,
 * nothing open. Anything else (trouble, a failed check, never read, maintenance) gets a row of its own.
 */
export function isQuiet(source: SourceSnapshot): boolean {
  return source.enabled && source.status !== undefined && !source.lastError && displayHealth(source) === 'operational' && source.status.activeIncidents.length === 0;
}

/** The list in three parts, each in display order. */
export interface ArrangedRows {
  /** Providers with something to say, worst health first, then by name. */
  attention: SourceSnapshot[];
  /** Healthy providers with nothing open, by name: shown folded as "N operational". */
  operational: SourceSnapshot[];
  /** Disabled providers, by name, last. */
  disabled: SourceSnapshot[];
}

const byName = (a: SourceSnapshot, b: SourceSnapshot): number => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * Splits sources into rows that need attention (worst health first; among equals, a failed check before a
 * good one, then by name), the quiet operational ones and the disabled ones. Returns new arrays.
 */
export function arrangeRows(sources: readonly SourceSnapshot[]): ArrangedRows {
  const attention: SourceSnapshot[] = [];
  const operational: SourceSnapshot[] = [];
  const disabled: SourceSnapshot[] = [];
  for (const s of sources) {
    if (!s.enabled) disabled.push(s);
    else if (isQuiet(s)) operational.push(s);
    else attention.push(s);
  }
  attention.sort(
    (a, b) =>
      HEALTH_RANK[displayHealth(b)] - HEALTH_RANK[displayHealth(a)] ||
      Number(Boolean(b.lastError)) - Number(Boolean(a.lastError)) ||
      byName(a, b),
  );
  return { attention, operational: operational.sort(byName), disabled: disabled.sort(byName) };
}

/** A row's short status: the health word, what qualifies it, and whether it is the last known one. */
export interface RowStatus {
  /** "Degraded", "Unknown", "Disabled", "Checking…". */
  label: string;
  /** "could not check for 12 min: HTTP 503", "RSSHub down", "2 incidents"; absent when the label says it all. */
  detail?: string;
  /** The label is the last known status: the latest check failed. */
  stale: boolean;
}

const COMPONENT_RANK: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/**
 * The components that are not operational, worst first, as "RSSHub down", "API, Web degraded", "API, Web +2
 * in maintenance"… named by the worst status among them; `undefined` when all are operational.
 */
export function downComponentsText(components: readonly Component[]): string | undefined {
  const affected = components.filter((c) => c.status !== 'operational');
  if (affected.length === 0) return undefined;
  const worst = affected.reduce((w, c) => (COMPONENT_RANK[c.status] > COMPONENT_RANK[w] ? c.status : w), affected[0]!.status);
  const named = affected.filter((c) => c.status === worst).map((c) => c.name);
  const shown = named.slice(0, 2).join(', ');
  const more = affected.length - Math.min(2, named.length);
  const verb = worst === 'major_outage' ? 'down' : worst === 'partial_outage' ? 'partly down' : worst === 'under_maintenance' ? 'in maintenance' : 'degraded';
  return `${shown}${more > 0 ? ` +${more}` : ''} ${verb}`;
}

/**
 * What a collapsed row says next to the provider's name. A failed check keeps the last known health, marked
 * stale with the failure ("Degraded · could not check for 12 min: HTTP 503"); "Unknown" only for a page never
 * read. With no incident open but a component down, the component is named ("Major outage · RSSHub down").
 */
export function rowStatus(source: SourceSnapshot, now: number): RowStatus {
  if (!source.enabled) return { label: 'Disabled', stale: false };
  const status = source.status;
  const error = source.lastError;
  if (!status) {
    if (error) return { label: 'Unknown', detail: `could not read: ${errorShort(error)}`, stale: false };
    return { label: source.polling ? 'Checking…' : 'Not checked yet', stale: false };
  }
  const label = healthLabel(status.health);
  if (error) {
    const since = source.lastSuccessAt ?? error.at;
    return { label, detail: `could not check for ${formatDuration(now - since)}: ${errorShort(error)}`, stale: true };
  }
  const incidents = openIncidents(source).length;
  if (incidents > 1) return { label, detail: `${incidents} incidents`, stale: false };
  if (incidents === 1 || activeMaintenances(source).length > 0) return { label, stale: false };
  if (status.health === 'operational') return { label, stale: false };
  const down = downComponentsText(status.components);
  const detail = down ?? status.description;
  return detail && detail.toLowerCase() !== label.toLowerCase() ? { label, detail, stale: false } : { label, stale: false };
}

/** `label · detail`, the row's status as one string (for tooltips and accessible names). */
export function rowStatusText(row: RowStatus): string {
  return row.detail ? `${row.label} · ${row.detail}` : row.label;
}

/** What a filter narrows a source to, in a few words: "Amazon Elastic Compute Cloud", "us-east-1". */
function filterWords(filter: SourceFilter | undefined): string | undefined {
  const parts = [filter?.components?.[0], filter?.regions?.[0]].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Tags that tell apart providers shown under the same name (compared case-insensitively): the host of the
 * page each polls, or, where the hosts are the same too, what its filter selects (two slices of one cloud
 * feed), else the document's path (a page's summary and its feed). Only sources that share a name get a tag.
 * @param filters each source's filter by id (from the settings), where it has one.
 * @returns source id → tag.
 */
export function distinguishingTags(
  sources: readonly Pick<SourceSnapshot, 'id' | 'name' | 'effectiveUrl'>[],
  filters: ReadonlyMap<string, SourceFilter | undefined> = new Map(),
): Map<string, string> {
  const byName = new Map<string, typeof sources[number][]>();
  for (const s of sources) {
    const key = s.name.trim().toLocaleLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  const tags = new Map<string, string>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const hosts = group.map((s) => hostOf(s.effectiveUrl));
    for (const [i, s] of group.entries()) {
      const host = hosts[i]!;
      const sameHost = hosts.filter((h) => h === host).length > 1;
      tags.set(s.id, sameHost ? (filterWords(filters.get(s.id)) ?? pathOf(s.effectiveUrl)) : host);
    }
  }
  return tags;
}
