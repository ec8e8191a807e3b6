/**
 * The provider catalog: services Status Tray knows by name (generated into catalog.json by
 * build/scripts/generate-catalog.ts from ../shared/catalog-seed plus additions.ts). Browser-safe: JSON and pure
 * functions only, so the renderer may search it. The folded search index is built on first use.
 */
import data from './catalog.json' with { type: 'json' };
import { AWS_REGIONS } from './cloud-filters';
import type Fuse from 'fuse.js';
import { createFuzzyIndex, searchEntries, toSearchable, type SearchableEntry } from './search';
import { foldText, slugify } from '../domain/text';
import type { CatalogEntry } from './types';

export type { CatalogEntry, CatalogPlatform } from './types';
export { AWS_REGIONS, AZURE_REGIONS } from './cloud-filters';

/** Every catalog entry, sorted by id. Treat as read-only. */
export const CATALOG: readonly CatalogEntry[] = data as CatalogEntry[];

/** Short names people type for the provider-wide entries of the big clouds and Apple. */
const ALIASES: Readonly<Record<string, string>> = {
  aws: 'aws-all',
  amazon: 'aws-all',
  'amazon-web-services': 'aws-all',
  gcp: 'google-cloud-platform-all',
  'google-cloud': 'google-cloud-platform-all',
  firebase: 'firebase-all',
  azure: 'azure-all-regions',
  'microsoft-azure': 'azure-all-regions',
  apple: 'apple-all',
  'apple-developer': 'apple-developer-all',
};

let searchable: SearchableEntry[] | undefined;
let fuzzy: Fuse<SearchableEntry> | undefined;
let byKey: Map<string, CatalogEntry> | undefined;

function index(): { searchable: SearchableEntry[]; byKey: Map<string, CatalogEntry> } {
  if (!searchable || !byKey) {
    searchable = CATALOG.map(toSearchable);
    byKey = new Map();
    for (const e of CATALOG) byKey.set(e.id, e);
    // Counted once: with ~1,800 entries a per-entry scan of the catalog would be millions of comparisons.
    const pageUses = new Map<string, number>();
    for (const e of CATALOG) pageUses.set(e.pageUrl, (pageUses.get(e.pageUrl) ?? 0) + 1);
    for (const e of CATALOG) {
      // Hosts are a second key ("githubstatus.com"), unless several entries share the page (clouds, Sendbird).
      const host = new URL(e.pageUrl).host.replace(/^www\./, '');
      if (pageUses.get(e.pageUrl) === 1 && !byKey.has(host)) byKey.set(host, e);
    }
    for (const [alias, id] of Object.entries(ALIASES)) {
      const e = byKey.get(id);
      if (e) byKey.set(alias, e);
    }
  }
  return { searchable, byKey };
}

/** The typo-tolerant index, built on the first search that needs it. */
function fuzzyIndex(): Fuse<SearchableEntry> {
  fuzzy ??= createFuzzyIndex(index().searchable);
  return fuzzy;
}

/**
 * Build the search indexes now rather than on the first keystroke that needs them (tens of milliseconds,
 * more on a busy machine): a page calls this when it is idle. Calling it again does nothing.
 */
export function prepareCatalogSearch(): void {
  fuzzyIndex();
}

/**
 * Search the catalog by name, id, status-page host or tag (case- and diacritic-insensitive; prefix and
 * whole-word matches first; when nothing matches as typed, the nearest names, so typos still find the
 * service: see search.ts). Returns at most `limit` entries (default 20); none for a blank query.
 */
export function searchCatalog(query: string, limit = 20): CatalogEntry[] {
  return searchEntries(index().searchable, fuzzyIndex, query, limit);
}

/** The entry with exactly this id, if any. */
export function getCatalogEntry(id: string): CatalogEntry | undefined {
  return index().byKey.get(id);
}

/**
 * Resolve a name as typed on a command line or in a box: an id (`github`), a display name in any case
 * (`GitHub`, `AWS (N. Virginia)`), a status-page host (`www.githubstatus.com`), or an alias (`aws`, `gcp`).
 * A `@region` suffix on an AWS entry narrows it to that region (`amazon-elastic-compute-cloud@us-east-1`);
 * the returned entry is then a copy with that region in its filter and the suffix in its id.
 * Returns `undefined` when nothing matches exactly — use `searchCatalog` for suggestions.
 */
export function findCatalogEntry(nameOrId: string): CatalogEntry | undefined {
  const raw = nameOrId.trim();
  const at = raw.lastIndexOf('@');
  if (at > 0) {
    const base = findCatalogEntry(raw.slice(0, at));
    const region = foldText(raw.slice(at + 1));
    if (!base || base.platform !== 'aws' || base.filter?.regions) return undefined;
    const code = Object.values(AWS_REGIONS).find((c) => c === region);
    if (!code) return undefined;
    return { ...base, id: `${base.id}@${code}`, name: `${base.name} (${code})`, filter: { ...base.filter, regions: [code] } };
  }
  const { byKey } = index();
  const folded = foldText(raw);
  const host = folded.replace(/^https?:\/\//, '').replace(/\/+$/, '').replace(/^www\./, '');
  return byKey.get(folded) ?? byKey.get(slugify(raw)) ?? byKey.get(host);
}
