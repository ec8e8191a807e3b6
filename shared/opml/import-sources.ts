/**
 * Applying an OPML import to the user's source list, without touching it: the caller gets a new list (or
 * an OpmlError from parseOpml before anything is computed) and saves it in one step, so an invalid file
 * changes nothing.
 */
import { slugify } from '../domain/text';
import { sourceKey } from '../domain/source-key';
import type { SourceConfig } from '../domain/source';
import { parseOpml, type OpmlSource } from './opml';

/** Result of planning an import. */
export interface OpmlImportPlan {
  /** `existing` followed by the new sources, in file order. */
  sources: SourceConfig[];
  /** The sources that are new. */
  added: SourceConfig[];
  /** Feeds already watched (same URL and filter), not added again. */
  alreadyPresent: number;
  /** Entries skipped by the parser (non-http(s) URLs). */
  skipped: number;
  /** Entries whose address carried a user name or password, removed by the parser (see parseOpml). */
  credentialsRemoved: number;
}

/** An id for a new source: slug of its name, else its host; `-2`, `-3`, … when taken. */
function newId(source: OpmlSource, taken: Set<string>): string {
  let base = slugify(source.name ?? '') || slugify(new URL(source.url).host) || 'source';
  base = base.slice(0, 60);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Parse `xml` and merge its feeds into `existing` (which is not modified). Sources already present (same
 * normalised URL and filter, see domain/source-key) are skipped.
 * @throws OpmlError for an invalid file (see parseOpml); then nothing was planned.
 */
export function planOpmlImport(xml: string, existing: readonly SourceConfig[]): OpmlImportPlan {
  const parsed = parseOpml(xml);
  const known = new Set(existing.map(sourceKey));
  const ids = new Set(existing.map((s) => s.id));
  const added: SourceConfig[] = [];
  let alreadyPresent = 0;
  for (const s of parsed.sources) {
    if (known.has(sourceKey(s))) {
      alreadyPresent++;
      continue;
    }
    known.add(sourceKey(s));
    added.push({ id: newId(s, ids), url: s.url, ...(s.name ? { name: s.name } : {}), ...(s.filter ? { filter: s.filter } : {}) });
  }
  return { sources: [...existing, ...added], added, alreadyPresent, skipped: parsed.skipped, credentialsRemoved: parsed.credentialsRemoved };
}

/** The user's sources as OPML sources for `toOpml` (config name kept when set). */
export function sourcesForExport(sources: readonly SourceConfig[]): OpmlSource[] {
  return sources.map((s) => ({ url: s.url, ...(s.name ? { name: s.name } : {}), ...(s.filter ? { filter: s.filter } : {}) }));
}
