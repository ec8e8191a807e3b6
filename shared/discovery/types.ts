/**
 * Input, dependencies and result of source discovery (discover.ts). The result is plain JSON, so main can
 * return it over IPC (SourcePreview is its subset) and the CLI can print it.
 */
import type { CatalogEntry, CatalogPlatform } from '../catalog/types';
import type { FormatId, Health, ProviderStatus, SourceErrorCode } from '../domain/types';
import type { FetchDeps, FetchOutcome, FetchSourceRequest } from '../engine/http/types';

/** The most requests one discovery makes (each one `fetchSource` call, redirects included). */
export const MAX_DISCOVERY_REQUESTS = 6;

/** How a source was found. */
export type DiscoveryVia =
  /** The URL given is itself a feed or API document. */
  | 'direct'
  /** A catalog name, or a catalog service's own status page. */
  | 'catalog'
  /** The page's HTML showed its platform, whose own document was tried (see candidates.platformSourceUrl). */
  | 'platform-page'
  /** `<link rel="alternate">` in the page. */
  | 'link-alternate'
  /** `/api/v2/summary.json` probed on the host, not recognised from the page. */
  | 'statuspage-probe'
  /** A common feed path (`/feed.atom`, `/history.atom`, `/rss`, `/feed`). */
  | 'common-path';

/** A URL discovery will try, and why. */
export interface DiscoveryCandidate {
  url: string;
  via: DiscoveryVia;
}

/** Platform of a discovered source: a catalog platform, another known format's, or `feed` for any RSS/Atom. */
export type DiscoveredPlatform = CatalogPlatform | 'upptime' | 'yandex' | 'feed';

/** One URL tried, and what came back. */
export interface DiscoveryAttempt {
  url: string;
  via: DiscoveryVia;
  /** `html`: a web page, not a document; `unreadable`: not a format we read; `error`: the request failed. */
  outcome: 'html' | 'unreadable' | 'error';
  /** One sentence for humans. */
  message: string;
  /** For `error`: the fetcher's error class. */
  code?: SourceErrorCode;
  httpStatus?: number;
}

/** A source was found and its first document parsed. */
export interface DiscoveryFound {
  ok: true;
  /** The URL to poll: the candidate, or the target of its permanent (301/308) redirect. */
  sourceUrl: string;
  format: FormatId;
  platform: DiscoveredPlatform;
  /** Provider name from the document. */
  provider: string;
  health: Health;
  /** Number of open incidents and in-progress maintenances in the document. */
  activeIncidents: number;
  via: DiscoveryVia;
  /** One sentence: how it was found, e.g. "Statuspage JSON API at /api/v2/summary.json, recognised from the page". */
  foundVia: string;
  /** Requests made (≤ MAX_DISCOVERY_REQUESTS). */
  requests: number;
  /** The parsed first document, for a full preview. */
  status: ProviderStatus;
  /** When found through the catalog: the entry (with its filter, for the big clouds). */
  catalogEntry?: CatalogEntry;
  /** Earlier candidates that did not work. */
  tried: DiscoveryAttempt[];
}

/** Nothing usable was found. */
export interface DiscoveryFailed {
  ok: false;
  /** One or two sentences for humans: what was tried and what to do. */
  message: string;
  tried: DiscoveryAttempt[];
  requests: number;
  /** For a name that is not in the catalog: the closest catalog entries. */
  suggestions?: CatalogEntry[];
}

export type DiscoveryResult = DiscoveryFound | DiscoveryFailed;

/** `fetchSource` from shared/engine/http/fetch-source.ts, or a test double. */
export type FetchSourceFn = (req: FetchSourceRequest, deps: FetchDeps) => Promise<FetchOutcome>;

/** `parseDocument` from shared/formats/registry.ts: throws `FormatError` for what it cannot read. */
export type ParseDocumentFn = (
  body: string,
  ctx: { url: string; contentType?: string; now: number },
) => Promise<ProviderStatus>;

/** What `discoverSource` needs. */
export interface DiscoveryDeps {
  fetchSource: FetchSourceFn;
  parseDocument: ParseDocumentFn;
  /** Passed to `fetchSource` for every request (fetch port, User-Agent, limits, now, optional signal). */
  fetchDeps: FetchDeps;
  /** Lower the request budget (tests); never above MAX_DISCOVERY_REQUESTS. */
  maxRequests?: number;
}
