/**
 * Ranking for catalog search. Pure; works on any entry list so tests can use small ones.
 * Case- and diacritic-insensitive. Rank, best first: exact name/id, name prefix, a filter name ("ec2",
 * "us-east-1"), every query word a prefix of some name word, substring of name or host, substring ignoring
 * spaces, tag. Ties: provider-wide entries before filtered ones
 * ("AWS (All)" before "AWS Lambda"), then shorter names, then name order.
 *
 * When nothing matches as typed, a typo-tolerant pass (fuse.js, every query word close to some word of the
 * name, host or filter names) offers the nearest entries instead: "githbu" finds GitHub. It runs only then,
 * so a query that matches as typed never gets near-misses mixed into its results.
 */
import Fuse from 'fuse.js';
import { foldText } from '../domain/text';
import type { CatalogEntry } from './types';

/** An entry prepared for matching (folded once, cached by the caller). */
export interface SearchableEntry {
  entry: CatalogEntry;
  name: string;
  id: string;
  words: string[];
  host: string;
  tags: string[];
  /** Filter names (AWS service keys like "ec2", region codes like "us-east-1"), folded. */
  aliases: string[];
  /** Name without spaces, so "cloud flare" finds "Cloudflare". */
  compact: string;
}

/** Fold an entry's searchable fields. */
export function toSearchable(entry: CatalogEntry): SearchableEntry {
  const name = foldText(entry.name);
  let host = '';
  try {
    host = new URL(entry.pageUrl).host.replace(/^www\./, '');
  } catch {
    host = '';
  }
  return {
    entry,
    name,
    id: entry.id,
    words: name.split(/[^a-z0-9]+/).filter(Boolean),
    host,
    tags: entry.tags,
    aliases: [...(entry.filter?.components ?? []), ...(entry.filter?.regions ?? [])].map(foldText),
    compact: name.replace(/\s+/g, ''),
  };
}

/** Score one entry for a folded query; 0 means no match. */
export function scoreEntry(s: SearchableEntry, query: string): number {
  const q = query;
  const qWords = q.split(/[^a-z0-9]+/).filter(Boolean);
  if (qWords.length === 0) return 0;
  if (s.name === q || s.id === q || s.id === qWords.join('-')) return 100;
  if (s.name.startsWith(q)) return 80;
  if (s.aliases.includes(q)) return 70;
  if (qWords.every((w) => s.words.some((nw) => nw.startsWith(w)))) return 60;
  if (s.name.includes(q) || s.id.includes(qWords.join('-')) || s.host.includes(q)) return 40;
  if (s.compact.includes(q.replace(/\s+/g, ''))) return 30;
  if (s.tags.includes(qWords.join('-'))) return 20;
  return 0;
}

/**
 * Rank `items` for `query`; returns at most `limit` entries (none for a blank query or `limit` ≤ 0).
 */
export function rankEntries(items: readonly SearchableEntry[], query: string, limit: number): CatalogEntry[] {
  const q = foldText(query);
  if (!q || limit <= 0) return [];
  const scored: Array<{ s: SearchableEntry; score: number }> = [];
  for (const s of items) {
    const score = scoreEntry(s, q);
    if (score > 0) scored.push({ s, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.s.entry.filter !== undefined) - Number(b.s.entry.filter !== undefined) ||
      a.s.name.length - b.s.name.length ||
      (a.s.name < b.s.name ? -1 : a.s.name > b.s.name ? 1 : 0),
  );
  return scored.slice(0, Math.floor(limit)).map((x) => x.s.entry);
}

/**
 * How far a word may be from the text and still count as a typo of it (fuse.js threshold: 0 exact, 1 anything).
 * 0.3 lets one slip in a five-letter word ("githbu", "twilo") but not a different word ("stripe" is not "instride").
 */
const FUZZY_THRESHOLD = 0.3;

/** Typo-tolerant matching over prepared entries: fuse.js token search, every query word must match (AND). */
export function createFuzzyIndex(items: readonly SearchableEntry[]): Fuse<SearchableEntry> {
  return new Fuse(items, {
    keys: [
      { name: 'name', weight: 2 },
      { name: 'words', weight: 2 },
      { name: 'aliases', weight: 2 },
      { name: 'host', weight: 1 },
    ],
    includeScore: true,
    threshold: FUZZY_THRESHOLD,
    ignoreLocation: true,
    useTokenSearch: true,
    tokenMatch: 'all',
  });
}

/**
 * Search prepared entries: `rankEntries` first; when it finds nothing, the nearest entries by `fuzzy`
 * (built with `createFuzzyIndex` over the same items, or a function that builds it on first use, since
 * building it costs tens of milliseconds). At most `limit` entries; none for a blank query or `limit` ≤ 0.
 */
export function searchEntries(
  items: readonly SearchableEntry[],
  fuzzy: Fuse<SearchableEntry> | (() => Fuse<SearchableEntry>),
  query: string,
  limit: number,
): CatalogEntry[] {
  const exact = rankEntries(items, query, limit);
  const q = foldText(query);
  if (exact.length > 0 || !q || limit <= 0) return exact;
  const index = typeof fuzzy === 'function' ? fuzzy() : fuzzy;
  return index.search(q, { limit: Math.floor(limit) }).map((r) => r.item.entry);
}
