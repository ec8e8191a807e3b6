/**
 * The filter box over the watched sources: what a row is found by (name, host, platform, the part of a big
 * provider it watches) and the matching itself. Pure, so it is tested without a page.
 */
import { describeFilter, platformLabel } from '../../../shared/app/catalog-search';
import { CATALOG, type CatalogEntry } from '../../../shared/catalog/index';
import { displayName } from '../../../shared/domain/source';
import { foldText } from '../../../shared/domain/text';
import type { FormatId } from '../../../shared/domain/types';
import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { FORMAT_LABEL } from '../common/labels';

/** What one row shows and is found by. */
export interface SourceFacts {
  id: string;
  /** The name shown: the user's, else the page's own, else the host. */
  name: string;
  /** Host of the watched URL, without "www.". */
  host: string;
  /** Platform words: the document format read last ("Statuspage JSON API"), the catalog's platform, or ''. */
  platform: string;
  /** What a filter narrows the page to ("Amazon Elastic Compute Cloud in us-east-1"), or ''. */
  narrowed: string;
}

let bySourceUrl: Map<string, CatalogEntry> | undefined;

/** The catalog entry watching the whole page at this source URL, if any (for its platform's name). */
function catalogEntryFor(url: string): CatalogEntry | undefined {
  if (!bySourceUrl) {
    bySourceUrl = new Map();
    for (const e of CATALOG) if (!bySourceUrl.has(e.sourceUrl)) bySourceUrl.set(e.sourceUrl, e);
  }
  return bySourceUrl.get(url);
}

/** Host of a URL without "www.", or the text as given when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The facts of a configured source, with what the engine last read (`live`) when there is any. */
export function sourceFacts(source: SourceSettings, live: Pick<SourceSnapshot, 'status'> | undefined): SourceFacts {
  const format: FormatId | undefined = live?.status?.format;
  const entry = catalogEntryFor(source.url);
  const platform = [format ? FORMAT_LABEL[format] : undefined, entry ? platformLabel(entry.platform) : undefined].filter(Boolean);
  return {
    id: source.id,
    name: displayName(source, live?.status?.provider),
    host: hostOf(source.url),
    platform: [...new Set(platform)].join(' · '),
    narrowed: describeFilter(source.filter) ?? '',
  };
}

/**
 * The rows matching a filter text, in their original order: every word of the query (folded: case and
 * accents ignored) must occur in the name, host, platform or narrowed part. A blank query keeps every row.
 */
export function filterSources<T extends SourceFacts>(rows: readonly T[], query: string): T[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = foldText([row.name, row.host, row.platform, row.narrowed].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
