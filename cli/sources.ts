/**
 * Turns SOURCE arguments into engine source configs: an http(s) URL is used as it is; anything else is
 * looked up in the provider catalog (`github`, `OpenAI`, `www.githubstatus.com`, `aws@us-east-1`).
 */
import { findCatalogEntry, searchCatalog } from '../shared/catalog';
import type { SourceConfig } from '../shared/domain/source';
import { isHttpUrl } from '../shared/domain/url';

/**
 * Resolve every argument, or explain the first that is neither a URL nor a catalog name.
 * @param components `--components` per argument (same index): replaces the catalog filter's components and
 *   keeps its regions.
 */
export function resolveSources(
  args: readonly string[],
  intervalSeconds: number,
  components: readonly (string[] | undefined)[] = [],
): { sources: SourceConfig[] } | { error: string } {
  const sources: SourceConfig[] = [];
  for (const [index, arg] of args.entries()) {
    const chosen = components[index];
    if (isHttpUrl(arg)) {
      sources.push({ id: arg, url: arg, intervalSeconds, ...(chosen ? { filter: { components: chosen } } : {}) });
      continue;
    }
    const entry = findCatalogEntry(arg);
    if (!entry) {
      const near = searchCatalog(arg, 3).map((e) => e.id);
      return { error: `"${arg}" is neither an http(s) URL nor a catalog name.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}` };
    }
    const filter = chosen ? { ...entry.filter, components: chosen } : entry.filter;
    sources.push({ id: entry.id, url: entry.sourceUrl, name: entry.name, intervalSeconds, ...(filter ? { filter } : {}) });
  }
  return { sources };
}
