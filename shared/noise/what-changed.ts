/**
 * What changed between two readings of a provider's page, in words a notification can carry ("Actions
 * degraded", "API and Webhooks back to normal"), and whether a health change came only from staleness. Pure.
 */
import { deriveHealth } from '../domain/health';
import type { Component, ComponentStatus, ProviderStatus } from '../domain/types';

/** One component whose status changed between two readings. */
export interface ComponentChange {
  name: string;
  status: ComponentStatus;
  /** Status at the previous reading; absent for a component that was not listed then. */
  previous?: ComponentStatus;
}

const STATUS_WORDS: Readonly<Record<ComponentStatus, string>> = {
  operational: 'back to normal',
  degraded_performance: 'degraded',
  partial_outage: 'partially down',
  major_outage: 'down',
  under_maintenance: 'under maintenance',
};

/** Most changes listed before "and N more". */
const LISTED = 3;

/**
 * Components whose status differs from the previous reading, worst first. A component new to the page counts
 * only when it is not operational; one that left the page is not a change.
 */
export function componentChanges(previous: readonly Component[] | undefined, current: readonly Component[]): ComponentChange[] {
  if (!previous) return [];
  const before = new Map(previous.map((c) => [c.name, c.status]));
  const rank: Record<ComponentStatus, number> = { major_outage: 0, partial_outage: 1, degraded_performance: 2, under_maintenance: 3, operational: 4 };
  return current
    .filter((c) => (before.has(c.name) ? before.get(c.name) !== c.status : c.status !== 'operational'))
    .map((c) => ({ name: c.name, status: c.status, ...(before.has(c.name) ? { previous: before.get(c.name)! } : {}) }))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}

/**
 * One phrase for the changes: names that share a status are joined ("API and Webhooks degraded"), groups by
 * status with "; ", at most three names, then "and N more". `''` for none.
 */
export function describeChanges(changes: readonly ComponentChange[]): string {
  if (changes.length === 0) return '';
  const listed = changes.slice(0, LISTED);
  const byStatus = new Map<ComponentStatus, string[]>();
  for (const c of listed) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c.name]);
  const parts = [...byStatus.entries()].map(([status, names]) => `${joinNames(names)} ${STATUS_WORDS[status]}`);
  const rest = changes.length - listed.length;
  return rest > 0 ? `${parts.join('; ')} and ${rest} more` : parts.join('; ');
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * True when the health changed only because open incidents became stale (or fresh again): with every
 * incident's `stale` flag cleared, both readings derive the same health. A page that has not been updated for
 * 14 days marks its open incidents stale (see formats), so such changes say nothing new and do not notify.
 */
export function staleOnlyChange(previous: ProviderStatus | undefined, current: ProviderStatus): boolean {
  if (!previous || previous.health === current.health) return false;
  const fresh = (s: ProviderStatus) =>
    deriveHealth({ ...(s.indicator ? { indicator: s.indicator } : {}), components: s.components, activeIncidents: s.activeIncidents.map((i) => ({ ...i, stale: false })) });
  return fresh(previous) === fresh(current);
}
