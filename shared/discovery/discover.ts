/**
 * Discovery: from whatever the user typed (a status page, a feed, an API URL or a catalog name) to the best
 * machine-readable source, within MAX_DISCOVERY_REQUESTS requests, each with the engine's fetch limits.
 * Order: a catalog match; the URL itself if it is a document; from its HTML the platform's source (Statuspage
 * → `/api/v2/summary.json`, incident.io → `/history.rss`, Instatus → `/summary.json`, Better Stack and cState →
 * `/index.json`, Cachet → `/api/v1/components`, Gatus → `/api/v1/endpoints/statuses`, Uptime Kuma → its
 * heartbeat API, Status.io / StatusPal / Sorry / Site24x7 → their APIs when the page shows the id; see
 * candidates.platformSourceUrl), `<link rel="alternate">` feeds, then a Statuspage probe and common feed paths.
 * A candidate counts as found only when its body parses.
 */
import { searchCatalog } from '../catalog/index';
import type { FormatId, ProviderStatus } from '../domain/types';
import { FormatError } from '../formats/types';
import { candidatesFromPage, dedupeCandidates, fallbackCandidates, interpretInput } from './candidates';
import { looksLikeHtml, type RecognisedPlatform } from './html';
import {
  MAX_DISCOVERY_REQUESTS,
  type DiscoveredPlatform,
  type DiscoveryAttempt,
  type DiscoveryCandidate,
  type DiscoveryDeps,
  type DiscoveryResult,
  type DiscoveryVia,
} from './types';

export { MAX_DISCOVERY_REQUESTS } from './types';
export type * from './types';

/** Errors after which probing the same host is pointless: it did not answer at all. */
const UNREACHABLE = new Set(['network', 'dns', 'timeout']);

const FORMAT_PLATFORM: Readonly<Record<FormatId, DiscoveredPlatform | undefined>> = {
  'statuspage-json': 'statuspage',
  'statuspage-feed': 'statuspage',
  'incidentio-feed': 'incidentio',
  'aws-rss': 'aws',
  'aws-json': 'aws',
  'gcp-json': 'gcp',
  'slack-json': 'slack',
  'azure-rss': 'azure',
  'apple-json': 'apple',
  'upptime-json': 'upptime',
  'yandex-json': 'yandex',
  'instatus-json': 'instatus',
  'betterstack-json': 'betterstack',
  'statusio-json': 'statusio',
  'cachet-json': 'cachet',
  'gatus-json': 'gatus',
  'uptimekuma-json': 'uptimekuma',
  'statuspal-json': 'statuspal',
  'sorry-json': 'sorry',
  'site24x7-json': 'site24x7',
  'cstate-json': 'cstate',
  'hund-sse': 'hund',
  'freshstatus-json': 'freshstatus',
  rss: undefined,
  atom: undefined,
  'endpoint-check': undefined,
};

/** What each recognised platform's source is called in "how it was found" sentences. */
const PLATFORM_SOURCE_LABEL: Readonly<Record<RecognisedPlatform, string>> = {
  statuspage: 'Statuspage JSON API',
  incidentio: 'incident.io feed',
  instatus: 'Instatus summary JSON',
  betterstack: 'Better Stack status JSON',
  statusio: 'Status.io public status API',
  statuspal: 'StatusPal summary API',
  sorry: 'Sorry status API',
  site24x7: 'Site24x7 status API',
  cachet: 'Cachet JSON API',
  uptimekuma: 'Uptime Kuma heartbeat API',
  gatus: 'Gatus endpoint statuses',
  cstate: 'cState index JSON',
  hund: 'Hund live event stream',
  freshstatus: 'Freshstatus public API',
};

/** Platform of a found source: by its format, else what the page showed, else a plain feed. */
export function platformOf(format: FormatId, fromPage?: RecognisedPlatform): DiscoveredPlatform {
  return FORMAT_PLATFORM[format] ?? fromPage ?? 'feed';
}

/** One sentence on how the source was found. */
export function describeVia(via: DiscoveryVia, url: string, platform?: RecognisedPlatform): string {
  const path = new URL(url).pathname;
  switch (via) {
    case 'direct':
      return 'The URL is itself a status document';
    case 'catalog':
      return 'Known service from the catalog';
    case 'platform-page':
      return `${PLATFORM_SOURCE_LABEL[platform ?? 'statuspage']} at ${path}, recognised from the page`;
    case 'link-alternate':
      return `Feed linked from the page (${path})`;
    case 'statuspage-probe':
      return `Statuspage JSON API found at ${path}`;
    case 'common-path':
      return `Feed found at the common path ${path}`;
  }
}

type Step =
  | { kind: 'found'; status: ProviderStatus; sourceUrl: string }
  | { kind: 'page'; html: string; finalUrl: string }
  | { kind: 'failed'; attempt: DiscoveryAttempt };

/**
 * Find the best source for `input`.
 * @param input a URL (`https://www.githubstatus.com`, a bare host, a direct feed URL) or a catalog name (`github`).
 * @param deps the fetcher and parser (injected), and the FetchDeps passed to every request.
 * @returns `{ ok: true, … }` with the source URL, format, platform, the first document's provider, health and
 *   open-incident count; or `{ ok: false, message, tried }`. Never throws for network or format problems.
 */
export async function discoverSource(input: string, deps: DiscoveryDeps): Promise<DiscoveryResult> {
  const budget = Math.max(1, Math.min(MAX_DISCOVERY_REQUESTS, deps.maxRequests ?? MAX_DISCOVERY_REQUESTS));
  const tried: DiscoveryAttempt[] = [];
  const fetched = new Set<string>();
  let requests = 0;

  const parsed = interpretInput(input);
  if (parsed.kind === 'invalid') return { ok: false, message: parsed.message, tried, requests };
  if (parsed.kind === 'unknown-name') {
    const suggestions = searchCatalog(parsed.name, 5);
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((e) => e.name).join(', ')}?` : '';
    return { ok: false, message: `"${parsed.name}" is not a known service; paste its status page URL instead.${hint}`, tried, requests, suggestions };
  }
  const catalogEntry = parsed.kind === 'catalog' ? parsed.entry : parsed.catalogEntry;

  const attempt = async (c: DiscoveryCandidate): Promise<Step> => {
    requests++;
    fetched.add(c.url);
    const outcome = await deps.fetchSource({ url: c.url }, deps.fetchDeps);
    if (outcome.kind === 'error') {
      const e = outcome.error;
      return { kind: 'failed', attempt: { url: c.url, via: c.via, outcome: 'error', message: e.message, code: e.code, ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}) } };
    }
    if (outcome.kind === 'not-modified') {
      // Discovery sends no validators, so a 304 is a misbehaving server.
      return { kind: 'failed', attempt: { url: c.url, via: c.via, outcome: 'error', message: 'The server answered 304 Not Modified to an unconditional request.', code: 'http', httpStatus: 304 } };
    }
    if (outcome.finalUrl) fetched.add(outcome.finalUrl);
    if (looksLikeHtml(outcome.body, outcome.contentType)) return { kind: 'page', html: outcome.body, finalUrl: outcome.finalUrl };
    try {
      const status = await deps.parseDocument(outcome.body, {
        url: outcome.finalUrl,
        ...(outcome.contentType !== undefined ? { contentType: outcome.contentType } : {}),
        now: deps.fetchDeps.now(),
      });
      return { kind: 'found', status, sourceUrl: outcome.permanentUrl ?? c.url };
    } catch (err) {
      const message = err instanceof FormatError || err instanceof Error ? err.message : String(err);
      return { kind: 'failed', attempt: { url: c.url, via: c.via, outcome: 'unreadable', message } };
    }
  };

  const found = (step: Extract<Step, { kind: 'found' }>, c: DiscoveryCandidate, fromPage?: RecognisedPlatform): DiscoveryResult => ({
    ok: true,
    sourceUrl: step.sourceUrl,
    format: step.status.format,
    platform: c.via === 'catalog' && catalogEntry ? catalogEntry.platform : platformOf(step.status.format, fromPage),
    provider: step.status.provider,
    health: step.status.health,
    activeIncidents: step.status.activeIncidents.length,
    via: c.via,
    foundVia: describeVia(c.via, c.url, fromPage),
    requests,
    status: step.status,
    ...(catalogEntry ? { catalogEntry } : {}),
    tried,
  });

  let queue: DiscoveryCandidate[] = [];
  if (catalogEntry) queue.push({ url: catalogEntry.sourceUrl, via: 'catalog' });
  if (parsed.kind === 'url') queue.push({ url: parsed.url.toString(), via: 'direct' });
  else if (catalogEntry) queue.push({ url: catalogEntry.pageUrl, via: 'direct' });
  queue = dedupeCandidates(queue);

  let fromPage: RecognisedPlatform | undefined;
  let pageSeen = false;
  while (queue.length > 0 && requests < budget) {
    const c = queue.shift() as DiscoveryCandidate;
    const step = await attempt(c);
    if (step.kind === 'found') return found(step, c, fromPage);
    if (step.kind === 'page') {
      tried.push({ url: c.url, via: c.via, outcome: 'html', message: 'A web page, not a feed or API document.' });
      if (!pageSeen && c.via === 'direct') {
        pageSeen = true;
        const plan = candidatesFromPage(step.html, step.finalUrl);
        fromPage = plan.platform;
        queue = dedupeCandidates([...plan.candidates, ...queue], fetched);
      }
      continue;
    }
    tried.push(step.attempt);
    if (c.via === 'direct' && !pageSeen) {
      if (step.attempt.code && UNREACHABLE.has(step.attempt.code)) break;
      pageSeen = true;
      queue = dedupeCandidates([...queue, ...fallbackCandidates(new URL(c.url))], fetched);
    }
  }
  return { ok: false, message: failureMessage(input.trim(), tried, requests, queue.length > 0), tried, requests };
}

function failureMessage(input: string, tried: DiscoveryAttempt[], requests: number, budgetLeftCandidates: boolean): string {
  const first = tried[0];
  if (first && tried.length === 1 && first.outcome === 'error' && first.code && UNREACHABLE.has(first.code)) {
    return `Could not reach ${first.url}: ${first.message}`;
  }
  const stop = budgetLeftCandidates ? ` (stopped after ${requests} requests)` : '';
  return `No status feed or API found for ${input}${stop}. Tried ${tried.length} URL${tried.length === 1 ? '' : 's'}; paste the feed or /api/v2/summary.json URL if you know it.`;
}
