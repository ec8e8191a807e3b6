/**
 * Catalog search as the settings window offers it: `searchCatalog`, plus AWS service-in-region entries made on
 * the fly, so "ec2 us-east-1" offers "Amazon Elastic Compute Cloud (us-east-1)" (the catalog lists AWS
 * services and regions separately; `findCatalogEntry`'s `id@region` form combines them). Pure and free of
 * zod and Node, so the renderer bundles it.
 */
import { AWS_REGIONS, findCatalogEntry, searchCatalog, type CatalogEntry } from '../catalog/index';
import { foldText } from '../domain/text';

const REGION_CODES: ReadonlySet<string> = new Set(Object.values(AWS_REGIONS));
/** Words that only say "AWS" once a region code has said it already. */
const AWS_WORDS: ReadonlySet<string> = new Set(['aws', 'amazon']);

/** The AWS region code among the query's words, and the remaining words. */
function splitRegion(query: string): { region: string; rest: string } | undefined {
  const words = foldText(query).split(' ').filter(Boolean);
  const index = words.findIndex((w) => REGION_CODES.has(w));
  if (index < 0) return undefined;
  const rest = words.filter((w, i) => i !== index && !AWS_WORDS.has(w)).join(' ');
  return { region: words[index] as string, rest };
}

/**
 * Catalog entries for what the user typed, best first, at most `limit` (default 8); none for a blank query.
 * When the query names an AWS region code and a service ("ec2 us-east-1", "us-west-2 lambda"), the matching
 * AWS service entries come first, narrowed to that region (id `service@region`, filter with both lists).
 */
export function searchServices(query: string, limit = 8): CatalogEntry[] {
  if (limit <= 0) return [];
  const plain = searchCatalog(query, limit);
  const split = splitRegion(query);
  if (!split || !split.rest) return plain;
  const narrowed: CatalogEntry[] = [];
  for (const entry of searchCatalog(split.rest, limit)) {
    // Service entries only: a region entry ("AWS (Ohio)") or AWS (All) in a region is already in the catalog.
    if (entry.platform !== 'aws' || !entry.filter?.components || entry.filter.regions) continue;
    const inRegion = findCatalogEntry(`${entry.id}@${split.region}`);
    if (inRegion) narrowed.push(inRegion);
  }
  const seen = new Set(narrowed.map((e) => e.id));
  return [...narrowed, ...plain.filter((e) => !seen.has(e.id))].slice(0, Math.floor(limit));
}

/**
 * Human label of each catalog platform, for result lists. Keyed by string, not `CatalogPlatform`, so a
 * platform added to the catalog later still renders (as its id, through `platformLabel`) before it gets a label.
 */
export const PLATFORM_LABEL: Readonly<Record<string, string>> = {
  statuspage: 'Statuspage',
  incidentio: 'incident.io',
  instatus: 'Instatus',
  betterstack: 'Better Stack',
  statusio: 'Status.io',
  cachet: 'Cachet',
  statuspal: 'StatusPal',
  sorry: 'Sorry™',
  site24x7: 'Site24x7',
  uptimekuma: 'Uptime Kuma',
  gatus: 'Gatus',
  cstate: 'cState',
  hund: 'Hund',
  freshstatus: 'Freshstatus',
  aws: 'AWS Health Dashboard',
  gcp: 'Google Cloud status',
  azure: 'Azure status',
  slack: 'Slack status',
  apple: 'Apple System Status',
};

/** The label of a catalog platform, or its id when it has none. */
export function platformLabel(platform: string): string {
  return PLATFORM_LABEL[platform] ?? platform;
}

/**
 * One line saying what a filter narrows to, using the first (display) name of each list:
 * "Amazon Elastic Compute Cloud in us-east-1", "us-east-1", "Google Compute Engine". `undefined` for none.
 */
export function describeFilter(filter: CatalogEntry['filter']): string | undefined {
  const component = filter?.components?.[0];
  const region = filter?.regions?.[0];
  if (component && region) return `${component} in ${region}`;
  return component ?? region;
}
