/**
 * Turns the catalog seed (`../shared/catalog-seed/services.json`: `{name, statusPageUrl, platform}` rows from
 * inket/stts, MIT) plus CATALOG_ADDITIONS into catalog entries. Pure and deterministic: the same input gives
 * byte-identical output. Used by build/scripts/generate-catalog.ts; the app only reads the generated JSON.
 */
import { CATALOG_ADDITIONS, type CatalogAddition } from './additions';
import { appleFilter, awsFilter, azureFilter, gcpFilter } from './cloud-filters';
import { PLATFORM_RULES } from './platforms';
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

function toEntry(row: SeedService | CatalogAddition): CatalogEntry | SkippedService {
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
  return entry;
}

/**
 * Build the catalog. Additions replace seed rows with the same id. Throws when two different names slug to
 * the same id (ids must stay unique and stable).
 */
export function buildCatalog(seed: readonly SeedService[], additions: readonly CatalogAddition[] = CATALOG_ADDITIONS): BuiltCatalog {
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
  for (const row of seed) take(row, false);
  for (const row of additions) take(row, true);
  const entries = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, skipped };
}
