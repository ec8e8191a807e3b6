/**
 * Narrowing a provider-wide status (all of AWS, Google Cloud, Azure or Apple) to a source's filter, so a user
 * watching "AWS us-east-1 EC2" sees only that. Pure; the engine applies it right after parsing (poll-source.ts),
 * and a preview applies it before showing what a catalog entry would watch.
 *
 * Matching, case-insensitive:
 * - AWS incidents carry their Health Dashboard key as component (`ec2-us-east-1`, see formats/adapters/aws-rss):
 *   the part before the region code is matched against `components`, the region code against `regions`.
 * - Other components match a filter name exactly (Google Cloud product titles, Apple service names, Statuspage
 *   components).
 * - An incident that names no components matches when the filter chooses components only and the page lists
 *   components (a Statuspage incident "Elevated errors" may concern any of them, so it counts); otherwise
 *   (Azure's feed, which lists none) when its title or updates mention a filter name as a whole phrase.
 * With both lists, an incident must match both.
 */
import { deriveHealth } from '../domain/health';
import type { Component, Incident, ProviderStatus } from '../domain/types';
import { foldText } from '../domain/text';
import type { SourceFilter } from '../domain/source';

const AWS_KEY = /^(.+)-((?:[a-z]{2}(?:-gov)?)-[a-z]+-\d)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(text: string, names: readonly string[]): boolean {
  return names.some((n) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(n)}($|[^a-z0-9])`).test(text));
}

interface Prepared {
  components?: string[];
  regions?: string[];
}

function matchesName(name: string, f: Prepared): { component: boolean; region: boolean } {
  const folded = foldText(name);
  const key = AWS_KEY.exec(folded);
  const service = key?.[1] ?? folded;
  const region = key?.[2];
  return {
    component: !f.components || f.components.includes(folded) || f.components.includes(service),
    region: !f.regions || f.regions.includes(folded) || (region !== undefined && f.regions.includes(region)),
  };
}

function incidentMatches(incident: Incident, f: Prepared, pageHasComponents: boolean): boolean {
  if (incident.components.length === 0 && pageHasComponents && !f.regions) return true;
  if (incident.components.length > 0) {
    return incident.components.some((c) => {
      const m = matchesName(c, f);
      return m.component && m.region;
    });
  }
  const text = foldText([incident.title, ...incident.updates.map((u) => u.text)].join(' '));
  return (!f.components || mentions(text, f.components)) && (!f.regions || mentions(text, f.regions));
}

/**
 * The part of `status` that `filter` selects: incidents, maintenances and components that match; health
 * re-derived from them (the page-wide indicator is dropped: it describes the whole provider).
 * An empty filter returns `status` unchanged.
 */
export function applyCatalogFilter(status: ProviderStatus, filter: SourceFilter | undefined): ProviderStatus {
  if (!filter || (!filter.components?.length && !filter.regions?.length)) return status;
  const f: Prepared = {
    ...(filter.components?.length ? { components: filter.components.map(foldText) } : {}),
    ...(filter.regions?.length ? { regions: filter.regions.map(foldText) } : {}),
  };
  const pageHasComponents = status.components.length > 0;
  const keep = (list: Incident[]): Incident[] => list.filter((i) => incidentMatches(i, f, pageHasComponents));
  const components: Component[] = status.components.filter((c) => {
    const m = matchesName(c.name, f);
    return m.component && (m.region || (c.group !== undefined && matchesName(c.group, { regions: f.regions ?? [] }).region));
  });
  const activeIncidents = keep(status.activeIncidents);
  const { indicator: _pageWide, ...rest } = status;
  return {
    ...rest,
    components,
    activeIncidents,
    recentIncidents: keep(status.recentIncidents),
    scheduledMaintenances: keep(status.scheduledMaintenances),
    health: deriveHealth({ components, activeIncidents }),
  };
}
