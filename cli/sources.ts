/**
 * Turns SOURCE arguments into engine source configs: an http(s) URL is used as it is; anything else is
 * looked up in the provider catalog (`github`, `OpenAI`, `www.githubstatus.com`, `aws@us-east-1`).
 */
import { findCatalogEntry, searchCatalog } from '../shared/catalog';
import type { SourceConfig } from '../shared/domain/source';
import { isHttpUrl } from '../shared/domain/url';

/** Resolve every argument, or explain the first that is neither a URL nor a catalog name. */
export function resolveSources(args: readonly string[], intervalSeconds: number): { sources: SourceConfig[] } | { error: string } {
  const sources: SourceConfig[] = [];
  for (const arg of args) {
    if (isHttpUrl(arg)) {
      sources.push({ id: arg, url: arg, intervalSeconds });
      continue;
    }
    const entry = findCatalogEntry(arg);
    if (!entry) {
      const near = searchCatalog(arg, 3).map((e) => e.id);
      return { error: `"${arg}" is neither an http(s) URL nor a catalog name.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}` };
    }
    sources.push({ id: entry.id, url: entry.sourceUrl, name: entry.name, intervalSeconds, ...(entry.filter ? { filter: entry.filter } : {}) });
  }
  return { sources };
}
