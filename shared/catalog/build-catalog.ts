/**
 * Turns the catalog seed (`../shared/catalog-seed/services.json`: `{name, statusPageUrl, platform}` rows from
 * inket/stts, MIT, completed by SEED_RESOLUTIONS), CATALOG_ADDITIONS and listed pages (sources/: Statusphere's
 * list, MIT) into catalog entries. Pure and deterministic: the same input gives byte-identical output. Used by
 * build/scripts/generate-catalog.ts; the app only reads the generated JSON.
 */
import { CATALOG_ADDITIONS, type CatalogAddition } from './additions';
import { appleFilter, awsFilter, azureFilter, gcpFilter } from './cloud-filters';
import { PLATFORM_RULES } from './platforms';
import { SEED_RESOLUTIONS } from './seed-resolutions';
import { tagsFor } from './tags';
import { slugify } from '../domain/text';
import type { SourceFilter } from '../domain/source';
import type { CatalogEntry, CatalogPlatform } from './types';

/** One row of the seed file. `platform` is a free string there (`other`, `sorry`, … are skipped). */
export interface SeedService {
  name: string;
  statusPageUrl: string;
  platform: string;
}

/** A page from a list that names services but not their platform (sources/statusphere-pages.json). */
export interface ListedPage {
  name: string;
  statusPageUrl: string;
}

/** Why a seed row did not become an entry, for the generator's summary. */
export interface SkippedService {
  name: string;
  platform: string;
  reason: string;
}

/** Result of `buildCatalog`. */
export interface BuiltCatalog {
  /** Sorted by id. */
  entries: CatalogEntry[];
  skipped: SkippedService[];
  /** Listed pages not added: their host or name is already in the catalog, or no platform could be given. */
  listedSkipped: number;
}

const PLATFORMS = new Set(Object.keys(PLATFORM_RULES));

/** Page URL as https with no trailing slash on a bare host ("https://status.cursor.com/" → "https://status.cursor.com"). */
function normalisePageUrl(raw: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  u.protocol = 'https:';
  u.hash = '';
  return u;
}

function pageUrlText(u: URL): string {
  const text = u.toString();
  return u.pathname === '/' && !u.search ? text.replace(/\/$/, '') : text;
}

function filterFor(platform: CatalogPlatform, name: string): SourceFilter | undefined {
  if (platform === 'aws') return awsFilter(name);
  if (platform === 'gcp') return gcpFilter(name);
  if (platform === 'azure') return azureFilter(name);
  if (platform === 'apple') return appleFilter(name);
  return undefined;
}

function toEntry(row: SeedService | CatalogAddition, presumed = false): CatalogEntry | SkippedService {
  const skip = (reason: string): SkippedService => ({ name: row.name, platform: row.platform, reason });
  if (!PLATFORMS.has(row.platform)) return skip('no machine-readable source known for this platform');
  const platform = row.platform as CatalogPlatform;
  const page = normalisePageUrl(row.statusPageUrl);
  if (!page) return skip('status page URL is not an http(s) URL');
  const rule = PLATFORM_RULES[platform];
  const sourceUrl = ('sourceUrl' in row && row.sourceUrl) || rule.sourceFor(page);
  if (!sourceUrl) return skip('source URL cannot be derived from this page URL');
  const id = slugify(row.name);
  const entry: CatalogEntry = {
    id,
    name: row.name.trim(),
    pageUrl: pageUrlText(page),
    platform,
    sourceUrl,
    format: rule.format,
    tags: tagsFor(id, row.name, platform),
  };
  const filter = filterFor(platform, row.name);
  if (filter) entry.filter = filter;
  if (presumed) entry.presumed = true;
  return entry;
}

/** A seed row with its resolution applied (platform and source from SEED_RESOLUTIONS). */
function resolveSeedRow(row: SeedService): SeedService | CatalogAddition {
  const r = SEED_RESOLUTIONS[row.name];
  return r ? { ...row, ...r } : row;
}

/**
 * Hosts whose platform is certain from the host alone (the platform's own domain), else `undefined`.
 * Hosts of platforms whose source needs an id the URL lacks map to `null` (cannot be added).
 */
function platformOfHost(host: string): CatalogPlatform | null | undefined {
  if (host.endsWith('.statuspage.io')) return 'statuspage';
  if (host.endsWith('.instatus.com')) return 'instatus';
  if (host.endsWith('.betteruptime.com')) return 'betterstack';
  if (/\.statuspal\.(io|eu)$/.test(host)) return 'statuspal';
  if (host.endsWith('.hund.io')) return 'hund';
  if (/(^|\.)(status\.io|freshstatus\.io|hund\.io|statusgator\.com|sorryapp\.com|statuscast\.com|statushub\.io|uptimerobot\.com|site24x7\.com)$/.test(host)) return null;
  // The big clouds' own dashboards are not Statuspage; the catalog covers them through their slices.
  if (/(^|\.)(amazon\.com|aws\.amazon\.com|google\.com|microsoft\.com|azure\.com|office\.com|office365\.com|apple\.com)$/.test(host)) return null;
  return undefined;
}

/**
 * "codefresh" → "Codefresh", "Alibaba-Cloud" → "Alibaba Cloud": lists written in lower case get a capital and
 * names hyphenated instead of spaced get their spaces back; other names stay as written.
 */
function displayName(name: string): string {
  let t = name.trim().replace(/\s+/g, ' ');
  if (!t.includes(' ') && /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/.test(t)) t = t.replace(/-/g, ' ');
  return t === t.toLowerCase() ? t.replace(/(^|[\s(/-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase()) : t;
}

/**
 * Build the catalog. Additions replace seed rows with the same id. Listed pages are added only for hosts and
 * names the catalog does not have yet; a listed page on a host of its platform's own domain gets that platform,
 * any other is presumed Statuspage (the list is of pages Statusphere polls as Statuspage) and marked `presumed`.
 * Throws when two different seed or addition names slug to the same id (ids must stay unique and stable).
 */
export function buildCatalog(
  seed: readonly SeedService[],
  additions: readonly CatalogAddition[] = CATALOG_ADDITIONS,
  listed: readonly ListedPage[] = [],
): BuiltCatalog {
  const byId = new Map<string, CatalogEntry>();
  const names = new Map<string, string>();
  const skipped: SkippedService[] = [];
  const take = (row: SeedService | CatalogAddition, replace: boolean): void => {
    const result = toEntry(row);
    if (!('id' in result)) {
      skipped.push(result);
      return;
    }
    const clash = names.get(result.id);
    if (clash !== undefined && !replace) throw new Error(`Catalog id "${result.id}" is shared by "${clash}" and "${result.name}"`);
    names.set(result.id, result.name);
    byId.set(result.id, result);
  };
  for (const row of seed) take(resolveSeedRow(row), false);
  for (const row of additions) take(row, true);

  // Every host the seed names, even rows it could not use: a listed page on such a host is a service the seed
  // already knows to run on another platform (Algolia, Stripe, Adobe, …), not a Statuspage page.
  const hosts = new Set([...byId.values()].map((e) => new URL(e.pageUrl).host.replace(/^www\./, '')));
  for (const row of seed) {
    const u = normalisePageUrl(row.statusPageUrl);
    if (u) hosts.add(u.host.replace(/^www\./, ''));
  }
  const lowerNames = new Set([...byId.values()].map((e) => e.name.toLowerCase()));
  let listedSkipped = 0;
  for (const page of listed) {
    const url = normalisePageUrl(page.statusPageUrl);
    const name = displayName(page.name);
    const host = url?.host.replace(/^www\./, '');
    const certain = host ? platformOfHost(host) : null;
    const id = slugify(name);
    if (!url || !host || !name || certain === null || hosts.has(host) || lowerNames.has(name.toLowerCase()) || byId.has(id)) {
      listedSkipped++;
      continue;
    }
    const result = toEntry({ name, statusPageUrl: url.toString(), platform: certain ?? 'statuspage' }, certain === undefined);
    if (!('id' in result)) {
      listedSkipped++;
      continue;
    }
    byId.set(result.id, result);
    hosts.add(host);
    lowerNames.add(name.toLowerCase());
  }
  const entries = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, skipped, listedSkipped };
}
