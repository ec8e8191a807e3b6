/**
 * "What would I get if I watched this URL?": run discovery (shared/discovery) on it — the URL itself, the
 * catalog, the page's platform, `<link rel="alternate">`, a Statuspage probe, common feed paths — and
 * summarise the first document found. The controller calls it through its `preview` dependency; Add then
 * saves the discovered `sourceUrl` (and the catalog entry's name and filter), not what was typed.
 */
import { applyCatalogFilter } from '../engine/filter';
import { discoverSource } from '../discovery/discover';
import type { DiscoveryFound, FetchSourceFn, ParseDocumentFn } from '../discovery/types';
import type { FetchLimits } from '../engine/http/types';
import { fetchSource } from '../engine/http/fetch-source';
import { parseDocument } from '../formats/registry';
import type { Result, SourcePreview } from '../ipc/contract';
import type { FetchPort } from '../engine/ports';
import { hasFilter } from '../domain/source-key';

/** Discovers and summarises one URL; the controller's `preview` dependency. Never throws. */
export type PreviewFn = (url: string) => Promise<Result<SourcePreview>>;

/** What `createPreview` needs. `fetchSource` and `parse` default to the engine's own. */
export interface PreviewDeps {
  fetch: FetchPort;
  userAgent: string;
  /** Current time, ms since epoch. */
  now: () => number;
  /** Per-request limits (timeouts, size cap, redirects); the engine's defaults when absent. */
  limits?: Partial<FetchLimits>;
  fetchSource?: FetchSourceFn;
  parse?: ParseDocumentFn;
  /** Lower discovery's request budget (tests); never above MAX_DISCOVERY_REQUESTS. */
  maxRequests?: number;
}

/** The `SourcePreview` for a discovery hit: the catalog entry's filter narrows health and incident count. */
export function previewFromDiscovery(found: DiscoveryFound): SourcePreview {
  const entry = found.catalogEntry;
  const filter = entry?.filter && hasFilter(entry.filter) ? entry.filter : undefined;
  const status = filter ? applyCatalogFilter(found.status, filter) : found.status;
  return {
    sourceUrl: found.sourceUrl,
    format: found.format,
    provider: found.provider,
    health: status.health,
    activeIncidents: status.activeIncidents.length,
    foundVia: found.foundVia,
    ...(entry ? { catalog: { id: entry.id, name: entry.name, ...(filter ? { filter } : {}) } } : {}),
  };
}

/**
 * Build the preview function: `discoverSource` with the engine's fetcher and limits (at most
 * MAX_DISCOVERY_REQUESTS requests, unconditional), then `previewFromDiscovery`.
 * @returns `fetch-failed` with discovery's one- or two-sentence message (what was tried, what to do) when
 *   nothing readable was found, or `internal` if discovery itself threw.
 */
export function createPreview(deps: PreviewDeps): PreviewFn {
  const fetchDeps = { fetch: deps.fetch, userAgent: deps.userAgent, now: deps.now, ...(deps.limits ? { limits: deps.limits } : {}) };
  return async (url) => {
    try {
      const result = await discoverSource(url, {
        fetchSource: deps.fetchSource ?? fetchSource,
        parseDocument: deps.parse ?? parseDocument,
        fetchDeps,
        ...(deps.maxRequests !== undefined ? { maxRequests: deps.maxRequests } : {}),
      });
      if (!result.ok) return { ok: false, error: { code: 'fetch-failed', message: result.message } };
      return { ok: true, value: previewFromDiscovery(result) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: (error as Error)?.message || 'Discovery failed unexpectedly.' } };
    }
  };
}
