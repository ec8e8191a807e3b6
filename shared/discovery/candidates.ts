/**
 * What discovery tries, in order. Pure: from the typed input and (when the first answer was a web page) that
 * page's HTML, produce candidate URLs; discover.ts fetches them within its request budget.
 */
import { findCatalogEntry } from '../catalog/index';
import type { CatalogEntry } from '../catalog/types';
import { extractFeedLinks, recognisePlatform, type RecognisedPlatform } from './html';
import type { DiscoveryCandidate } from './types';

/** Paths status pages and blogs commonly serve feeds at, tried last (from the list). */
export const COMMON_FEED_PATHS: readonly string[] = ['/feed.atom', '/history.atom', '/rss', '/feed'];

/** The Statuspage API v2 summary path (https://developer.statuspage.io/). */
export const STATUSPAGE_SUMMARY_PATH = '/api/v2/summary.json';
/** incident.io's feed path (captured: status.openai.com/history.rss). */
export const INCIDENTIO_FEED_PATH = '/history.rss';
/** Hund's live event stream of a whole page (hund.io/help/documentation/live-event-streams, v2). */
export const HUND_STREAM_PATH = '/live/v2/status_page';
/** Freshstatus's unauthenticated API behind every public page, keyed by account id. */
export const FRESHSTATUS_API = 'https://public-api.freshstatus.io/v1';

/** What the user typed, understood. */
export type DiscoveryInput =
  | { kind: 'url'; url: URL; catalogEntry?: CatalogEntry }
  | { kind: 'catalog'; entry: CatalogEntry }
  | { kind: 'unknown-name'; name: string }
  | { kind: 'invalid'; message: string };

/**
 * Interpret the input: an http(s) URL; a bare host ("status.example.com", https assumed); or a catalog name
 * ("github", "aws@us-east-1" style names included). A URL whose page belongs to exactly one catalog entry
 * carries that entry, so its known source is tried first.
 */
export function interpretInput(input: string): DiscoveryInput {
  const text = input.trim();
  if (!text) return { kind: 'invalid', message: 'Type a status page URL or a service name.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text);
  if (!hasScheme) {
    // A catalog name or host wins over guessing a URL ("fly.io" is the catalog's Fly.io, not https://fly.io).
    const entry = findCatalogEntry(text);
    if (entry) return { kind: 'catalog', entry };
    if (!/[./]/.test(text.replace(/@[^@]*$/, ''))) return { kind: 'unknown-name', name: text };
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { kind: 'invalid', message: `"${text}" is not a valid URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'invalid', message: `Only http and https URLs can be watched (got ${url.protocol.replace(/:$/, '')}).` };
  }
  if (url.username || url.password) return { kind: 'invalid', message: 'URLs with a user name or password are not supported.' };
  url.hash = '';
  const entry = findCatalogEntry(url.toString());
  return entry ? { kind: 'url', url, catalogEntry: entry } : { kind: 'url', url };
}

/** The site root of a URL ("https://host[:port]"). */
function origin(url: URL): string {
  return url.origin;
}

/** First capture of `re` in `html`, or `undefined`. */
function capture(html: string, re: RegExp): string | undefined {
  return re.exec(html)?.[1];
}

/**
 * The machine-readable source of a recognised platform's page (see catalog/platforms.ts for where each is
 * documented), or `undefined` when it needs an id the page does not show. Ids are read from links the page
 * itself carries (a Status.io page id, a StatusPal subdomain, a Sorry or Site24x7 page id, a Freshstatus
 * `account_id`, the Hund page a status.js widget shows).
 */
export function platformSourceUrl(platform: RecognisedPlatform, html: string, page: URL): string | undefined {
  const root = origin(page);
  switch (platform) {
    case 'statuspage':
      return root + STATUSPAGE_SUMMARY_PATH;
    case 'incidentio':
      return root + INCIDENTIO_FEED_PATH;
    case 'instatus':
      return root + '/summary.json';
    case 'betterstack':
    case 'cstate':
      return root + '/index.json';
    case 'cachet':
      return root + '/api/v1/components';
    case 'gatus':
      return root + '/api/v1/endpoints/statuses';
    case 'statusio': {
      const id = capture(html, /(?:api\.status\.io\/1\.0\/status|\/pages\/(?:history|incident|maintenance))\/([0-9a-f]{24})/i);
      return id ? `https://api.status.io/1.0/status/${id.toLowerCase()}` : undefined;
    }
    case 'statuspal': {
      const hosted = /^([a-z0-9-]+)\.statuspal\.(io|eu)$/.exec(page.hostname);
      const api = /statuspal\.(io|eu)\/api\/v\d\/status_pages\/([a-z0-9-]+)/i.exec(html);
      if (api) return `https://statuspal.${api[1]!.toLowerCase()}/api/v2/status_pages/${api[2]!.toLowerCase()}/summary`;
      return hosted ? `https://statuspal.${hosted[2]}/api/v2/status_pages/${hosted[1]}/summary` : undefined;
    }
    case 'sorry': {
      const id = capture(html, /api\.sorryapp\.com\/v1\/pages\/([A-Za-z0-9]+)/);
      return id ? `https://api.sorryapp.com/v1/pages/${id}/components` : undefined;
    }
    case 'site24x7': {
      const id = capture(html, /summary_details\/statuspages\/([A-Za-z0-9_=%-]+)/);
      return id ? `${root}/sp/api/public/summary_details/statuspages/${id}` : undefined;
    }
    case 'hund': {
      // A page embedding Hund's status.js widget names the Hund page it shows (`hostname`, v1 `status_page`).
      // A page that links a <name>.hund.io page (and is not one itself) points at that page.
      const widget = capture(html, /new\s+Status\.Widget\s*\(\s*\{[^}]*?\b(?:hostname|status_page)\s*:\s*["']([a-z0-9-]+(?:\.[a-z0-9-]+)+)["']/i);
      const linked = page.hostname.endsWith('.hund.io') ? undefined : capture(html, /\/\/(?!libraries\.)([a-z0-9-]+\.hund\.io)\b(?![.-])/i);
      const host = widget ?? linked;
      return host ? `https://${host.toLowerCase()}${HUND_STREAM_PATH}` : root + HUND_STREAM_PATH;
    }
    case 'freshstatus': {
      const account = capture(html, /account_id["'=:\s]+(\d{1,12})\b/);
      return account ? `${FRESHSTATUS_API}/public-components/?account_id=${account}` : undefined;
    }
    case 'uptimekuma': {
      const slug = /^\/status\/([A-Za-z0-9_-]+)\/?$/.exec(page.pathname)?.[1];
      return slug ? `${root}/api/status-page/heartbeat/${slug}` : undefined;
    }
  }
}

/**
 * Candidates after the first answer was an HTML page: the platform's own source when recognised, the page's
 * `<link rel="alternate">` feeds, a Statuspage probe, then the common paths.
 * @param pageUrl where the page was finally served from (after redirects).
 */
export function candidatesFromPage(html: string, pageUrl: string): { platform?: RecognisedPlatform; candidates: DiscoveryCandidate[] } {
  const page = new URL(pageUrl);
  const platform = recognisePlatform(html);
  const list: DiscoveryCandidate[] = [];
  const source = platform ? platformSourceUrl(platform, html, page) : undefined;
  if (source) list.push({ url: source, via: 'platform-page' });
  for (const link of extractFeedLinks(html, pageUrl)) list.push({ url: link.url, via: 'link-alternate' });
  list.push(...fallbackCandidates(page));
  return { ...(platform ? { platform } : {}), candidates: dedupeCandidates(list) };
}

/** Candidates when the page itself gave nothing to read (an error, or no page): the Statuspage probe and common paths. */
export function fallbackCandidates(url: URL): DiscoveryCandidate[] {
  return [
    { url: origin(url) + STATUSPAGE_SUMMARY_PATH, via: 'statuspage-probe' },
    ...COMMON_FEED_PATHS.map((p) => ({ url: origin(url) + p, via: 'common-path' as const })),
  ];
}

/** Keep the first candidate per URL, and drop URLs in `exclude` (already fetched). */
export function dedupeCandidates(list: readonly DiscoveryCandidate[], exclude: Iterable<string> = []): DiscoveryCandidate[] {
  const seen = new Set(exclude);
  const out: DiscoveryCandidate[] = [];
  for (const c of list) {
    if (seen.has(c.url)) continue;
    seen.add(c.url);
    out.push(c);
  }
  return out;
}
