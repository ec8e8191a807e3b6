/**
 * Catalog search as the settings window offers it: `searchCatalog`, plus AWS service-in-region entries made on
 * the fly, so "ec2 us-east-1" offers "Amazon Elastic Compute Cloud (us-east-1)" (the catalog lists AWS
 * services and regions separately; `findCatalogEntry`'s `id@region` form combines them). Pure and free of
 * zod and Node, so the renderer bundles it.
 */
import { AWS_REGIONS, findCatalogEntry, searchCatalog, type CatalogEntry } from '../catalog/index';
import { foldText } from '../domain/text';

const REGION_CODES: readonly string[] = [...new Set(Object.values(AWS_REGIONS))].sort();
/** Words that only say "AWS" once a region code has said it already. */
const AWS_WORDS: ReadonlySet<string> = new Set(['aws', 'amazon']);
/** Most regions one partial code may stand for ("us" alone would be every US region: too vague to narrow). */
const MAX_REGIONS_PER_PREFIX = 4;

/**
 * The AWS region codes a query word names: the code itself ("us-east-1"), or every code it begins with when
 * it has a dash and stops at a dash or a letter boundary ("us-east" → us-east-1, us-east-2). Empty otherwise.
 */
function regionsNamed(word: string): string[] {
  if (REGION_CODES.includes(word)) return [word];
  if (!word.includes('-')) return [];
  const matches = REGION_CODES.filter((code) => code.startsWith(word.endsWith('-') ? word : `${word}-`));
  return matches.length <= MAX_REGIONS_PER_PREFIX ? matches : [];
}

/** The AWS region codes among the query's words (the first word that names any), and the remaining words. */
function splitRegion(query: string): { regions: string[]; rest: string } | undefined {
  const words = foldText(query).split(' ').filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    const regions = regionsNamed(words[index] as string);
    if (regions.length === 0) continue;
    const rest = words.filter((w, i) => i !== index && !AWS_WORDS.has(w)).join(' ');
    return { regions, rest };
  }
  return undefined;
}

/**
 * Catalog entries for what the user typed, best first, at most `limit` (default 8); none for a blank query.
 * When the query names an AWS region code, or the start of one, and a service ("ec2 us-east-1",
 * "us-west-2 lambda", "aws ec2 us-east"), the matching AWS service entries come first, narrowed to each
 * region named (id `service@region`, filter with both lists), service by service.
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
    for (const region of split.regions) {
      const inRegion = findCatalogEntry(`${entry.id}@${region}`);
      if (inRegion) narrowed.push(inRegion);
    }
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
