/**
 * When two sources are "the same": the normalised URL plus the filter. Two AWS entries share one feed URL
 * but watch different services or regions, so the URL alone does not identify a source. Pure and free of
 * zod, so the settings window, the controller and OPML import all use the same rule.
 */
import type { SourceFilter } from './source';
import { foldText } from './text';

/**
 * A URL in the form used to spot duplicates: scheme and host lower-cased (URL does this), default port and
 * fragment dropped, a trailing slash after a non-root path dropped. Query kept (it can select a feed).
 * @returns the normalised URL, or the input trimmed when it does not parse.
 */
export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
    return u.href;
  } catch {
    return url.trim();
  }
}

function foldList(list: readonly string[] | undefined): string[] {
  const folded = (list ?? []).map(foldText);
  return [...new Set(folded.filter(Boolean))].sort();
}

/**
 * A filter in comparable form: each list folded (case, diacritics, spacing), deduplicated and sorted, since
 * the engine matches them that way; empty lists count as absent. `""` for no filter.
 */
export function filterKey(filter: SourceFilter | undefined): string {
  const components = foldList(filter?.components);
  const regions = foldList(filter?.regions);
  if (components.length === 0 && regions.length === 0) return '';
  return JSON.stringify([components, regions]);
}

/**
 * The identity of a source for duplicate detection: normalised URL and filter key. An endpoint check is
 * another thing than a status document at the same URL, so it has its own key (one check per URL).
 */
export function sourceKey(source: { url: string; filter?: SourceFilter | undefined; check?: unknown }): string {
  return `${source.check ? 'check ' : ''}${normaliseUrl(source.url)} ${filterKey(source.filter)}`;
}

/** True when `filter` narrows anything (a non-empty components or regions list). */
export function hasFilter(filter: SourceFilter | undefined): filter is SourceFilter {
  return filterKey(filter) !== '';
}
