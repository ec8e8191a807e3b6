import { HEALTH_RANK } from '../../../shared/domain/health';
import type { SourceSnapshot } from '../../../shared/ipc/contract';

/**
 * Sources worst health first, then by name (locale order, case-insensitive); disabled sources last.
 * Returns a new array. The engine already sends them in this order; sorting again keeps the list right
 * whatever the sender did.
 */
export function sortBySeverity(sources: readonly SourceSnapshot[]): SourceSnapshot[] {
  return [...sources].sort(
    (a, b) =>
      Number(!a.enabled) - Number(!b.enabled) ||
      HEALTH_RANK[b.health] - HEALTH_RANK[a.health] ||
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
}

/**
 * Whether a source matches a filter text: its name, URL, provider name, an active incident's title or a
 * component's name contains it (case-insensitive). An empty or blank filter matches everything.
 */
export function matchesFilter(source: SourceSnapshot, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return true;
  const haystack = [
    source.name,
    source.url,
    source.status?.provider ?? '',
    ...(source.status?.activeIncidents.map((i) => i.title) ?? []),
    ...(source.status?.components.map((c) => c.name) ?? []),
  ];
  return haystack.some((text) => text.toLocaleLowerCase().includes(needle));
}
