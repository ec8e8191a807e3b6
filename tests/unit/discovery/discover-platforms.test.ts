/**
 * Discovery of the issue 13 platforms: recognised from real page HTML (captured by inket/stts, see
 * tests/fixtures/platforms/pages/MANIFEST.md) or from the markers each platform's pages carry, then the
 * platform's own document fetched from the local feed server within the request budget.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidatesFromPage, platformSourceUrl } from '../../../shared/discovery/candidates';
import { discoverSource, MAX_DISCOVERY_REQUESTS, type DiscoveryDeps } from '../../../shared/discovery/discover';
import { recognisePlatform, type RecognisedPlatform } from '../../../shared/discovery/html';
import { fetchSource } from '../../../shared/engine/http/fetch-source';
import { createNodeFetch, type NodeFetch } from '../../../shared/platform/node/node-fetch';
import type { FetchPort } from '../../../shared/engine/ports';
import { parseDocument } from '../../../shared/formats/registry';
import { readFeed } from '../../support/feeds';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { readPlatformFixture } from '../../support/platform-fixtures';

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const JSON_TYPE = { 'content-type': 'application/json' };
const NOW = Date.UTC(2026, 9, 2, 12, 0, 0);

describe('recognisePlatform on real pages', () => {
  it.each<[string, RecognisedPlatform]>([
    ['pages/stts-buildjet-good.html', 'betterstack'],
    ['pages/stts-eyloo-major.html', 'betterstack'],
    ['pages/stts-whereby-good.html', 'instatus'],
    ['pages/stts-mastodonsocial-major.html', 'instatus'],
    ['pages/stts-rollbar-good.html', 'incidentio'],
  ])('%s is %s', (path, platform) => {
    expect(recognisePlatform(readPlatformFixture(path))).toBe(platform);
  });

  it("Stanford Sherlock's status docs page (embeds Hund's status.js widget) is Hund, and names its Hund page", () => {
    const html = readPlatformFixture('pages/sherlock-docs-tech-status.md');
    expect(recognisePlatform(html)).toBe('hund');
    expect(platformSourceUrl('hund', html, new URL('https://www.sherlock.stanford.edu/docs/tech/status/'))).toBe('https://status.sherlock.stanford.edu/live/v2/status_page');
  });

  it('a real Statuspage page is still Statuspage', () => {
    expect(recognisePlatform(readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html'))).toBe('statuspage');
  });

  it.each<[string, RecognisedPlatform]>([
    ['<a href="https://status.gitlab.com/pages/history/5b36dc6502d06804c08349f7">History</a>', 'statusio'],
    ['<footer>Powered by <a href="https://statuspal.io">StatusPal</a></footer>', 'statuspal'],
    ['<script src="https://api.sorryapp.com/v1/pages/2273/status.js"></script>', 'sorry'],
    ['<script>var url="/sp/api/public/summary_details/statuspages/abc=";</script>', 'site24x7'],
    ['<footer>Powered by <a href="https://cachethq.io">Cachet</a></footer>', 'cachet'],
    ['<meta name="description" content="Uptime Kuma">', 'uptimekuma'],
    ['<title>Health Dashboard | Gatus</title>', 'gatus'],
    ['<footer>Built with <a href="https://github.com/cstate/cstate">cState</a></footer>', 'cstate'],
    ['<footer>Powered by <a href="https://hund.io">Hund</a></footer>', 'hund'],
    ['<a href="https://bluebeam.hund.io">Status</a>', 'hund'],
    // The widget and badge embed public sites carry (several site footers in public repositories).
    ['<script type="module" src="https://cdn.freshstatus.io/widget/index.js"></script><a href="https://polkaswitch.freshstatus.io" id="freshstatus-badge-root" data-banner-style="compact"><img src="https://public-api.freshstatus.io/v1/public/badge.svg/?badge=826087c7-9469-492a-8821-928a674cc49e" /></a>', 'freshstatus'],
  ])('markers: %s → %s', (html, platform) => {
    expect(recognisePlatform(`<!doctype html><html><body>${html}</body></html>`)).toBe(platform);
  });

  it('plain pages are nobody', () => {
    expect(recognisePlatform('<!doctype html><html><body>Our blog</body></html>')).toBeUndefined();
  });
});

describe('platformSourceUrl', () => {
  const page = new URL('https://status.example.com/');
  it.each<[RecognisedPlatform, string, string, string | undefined]>([
    ['instatus', '', 'https://status.example.com/', 'https://status.example.com/summary.json'],
    ['betterstack', '', 'https://status.example.com/', 'https://status.example.com/index.json'],
    ['cstate', '', 'https://status.example.com/', 'https://status.example.com/index.json'],
    ['cachet', '', 'https://status.example.com/', 'https://status.example.com/api/v1/components'],
    ['gatus', '', 'https://status.example.com/', 'https://status.example.com/api/v1/endpoints/statuses'],
    ['statusio', '/pages/history/5B36DC6502D06804C08349F7', 'https://status.example.com/', 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7'],
    ['statusio', 'no id here', 'https://status.example.com/', undefined],
    ['statuspal', '', 'https://acme.statuspal.io/', 'https://statuspal.io/api/v2/status_pages/acme/summary'],
    ['statuspal', 'statuspal.eu/api/v2/status_pages/booxi', 'https://status.booxi.com/', 'https://statuspal.eu/api/v2/status_pages/booxi/summary'],
    ['sorry', 'api.sorryapp.com/v1/pages/2273/x', 'https://status.example.com/', 'https://api.sorryapp.com/v1/pages/2273/components'],
    ['site24x7', 'summary_details/statuspages/Ab-_=', 'https://status.example.com/', 'https://status.example.com/sp/api/public/summary_details/statuspages/Ab-_='],
    ['uptimekuma', '', 'https://kuma.example.com/status/main', 'https://kuma.example.com/api/status-page/heartbeat/main'],
    ['uptimekuma', '', 'https://kuma.example.com/dashboard', undefined],
    ['hund', '', 'https://bluebeam.hund.io/', 'https://bluebeam.hund.io/live/v2/status_page'],
    ['hund', '<a href="https://bluebeam.hund.io/">Status</a>', 'https://www.bluebeam.com/', 'https://bluebeam.hund.io/live/v2/status_page'],
    ['hund', '<script src="//libraries.hund.io/status-js/status-3.8.2.js"></script>', 'https://status.example.com/', 'https://status.example.com/live/v2/status_page'],
    ['hund', '<script src="//libraries.hund.io/s.js"></script><a href="https://acme.hund.io">', 'https://acme.com/', 'https://acme.hund.io/live/v2/status_page'],
    ['hund', 'new Status.Widget({ status_page: "piedpiper.hund.io", selector: "#status" })', 'https://piedpiper.com/', 'https://piedpiper.hund.io/live/v2/status_page'],
    ['freshstatus', '{"account_id": 3616}', 'https://updates.freshservice.com/', 'https://public-api.freshstatus.io/v1/public-components/?account_id=3616'],
    ['freshstatus', 'cdn.freshstatus.io', 'https://updates.freshservice.com/', undefined],
  ])('%s (%s) on %s → %s', (platform, html, pageUrl, want) => {
    expect(platformSourceUrl(platform, html, new URL(pageUrl))).toBe(want);
  });
  it('keeps the port of a local page', () => {
    expect(platformSourceUrl('instatus', '', new URL('http://127.0.0.1:8080/'))).toBe('http://127.0.0.1:8080/summary.json');
    expect(page.host).toBe('status.example.com');
  });
});

describe('discoverSource finds each platform from its page URL (local server)', () => {
  let server: FeedServer;
  let http: NodeFetch;
  beforeEach(async () => {
    server = await startFeedServer();
    http = createNodeFetch();
  });
  afterEach(async () => {
    await http.destroy();
    await server.close();
  });

  function deps(): DiscoveryDeps {
    const guarded: FetchPort = (input, init) =>
      new URL(input).hostname === '127.0.0.1' ? http.fetch(input, init) : Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    return { fetchSource, parseDocument, fetchDeps: { fetch: guarded, userAgent: 'StatusTray-test', limits: { headersTimeoutMs: 400, totalTimeoutMs: 800 }, now: () => NOW } };
  }

  it.each<[string, string, string, string, string]>([
    ['Better Stack (BuildJet page)', 'pages/stts-buildjet-good.html', '/index.json', 'betterstack/betterstack-docs-index-json-example.json', 'betterstack'],
    ['Instatus (Whereby page)', 'pages/stts-whereby-good.html', '/summary.json', 'instatus/instatus-help-summary-example.json', 'instatus'],
  ])('%s', async (_name, pagePath, sourcePath, docPath, platform) => {
    server.serveBody('/', readPlatformFixture(pagePath), HTML);
    server.serveBody(sourcePath, readPlatformFixture(docPath), JSON_TYPE);
    const r = await discoverSource(server.url('/'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url(sourcePath), via: 'platform-page', platform, requests: 2 });
    expect(r.requests).toBeLessThanOrEqual(MAX_DISCOVERY_REQUESTS);
  });

  it('Gatus, Cachet and cState pages by their markers', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['<title>Health Dashboard | Gatus</title>', '/api/v1/endpoints/statuses', readPlatformFixture('gatus/gatus-api-endpoints-statuses-test-expected.json'), 'gatus'],
      ['<footer>Powered by <a href="https://cachethq.io">Cachet</a></footer>', '/api/v1/components', readPlatformFixture('cachet/yoti-components-v1.json'), 'cachet'],
    ];
    for (const [html, sourcePath, doc, platform] of cases) {
      server.serveBody('/', `<!doctype html><html><head></head><body>${html}</body></html>`, HTML);
      server.serveBody(sourcePath, doc, JSON_TYPE);
      const r = await discoverSource(server.url('/'), deps());
      expect(r, platform).toMatchObject({ ok: true, sourceUrl: server.url(sourcePath), platform, via: 'platform-page' });
    }
  });

  it('a Hund page leads to its live event stream, which stays open: its first event is read (2 requests)', async () => {
    server.serveBody('/', '<!doctype html><html><body><footer>Powered by <a href="https://hund.io">Hund</a></footer></body></html>', HTML);
    const init = readPlatformFixture('hund/hund-docs-live-v2-init-event-example.json').replace(/\s*\n\s*/g, ' ');
    server.handle('/live/v2/status_page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: init_event\ndata: ${init}\n\n`);
    });
    const r = await discoverSource(server.url('/'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/live/v2/status_page'), platform: 'hund', format: 'hund-sse', health: 'degraded', activeIncidents: 1, via: 'platform-page', requests: 2 });
  });

  it('a Freshstatus page that shows its account id offers the public API first; one that does not falls back', () => {
    const shown = candidatesFromPage('<html><head><script src="https://cdn.freshstatus.io/widget/index.js"></script><script>window.cfg={"account_id":3616}</script></head></html>', 'https://updates.freshservice.com/');
    expect(shown.platform).toBe('freshstatus');
    expect(shown.candidates[0]).toEqual({ url: 'https://public-api.freshstatus.io/v1/public-components/?account_id=3616', via: 'platform-page' });
    const hidden = candidatesFromPage('<html><head><script src="https://cdn.freshstatus.io/widget/index.js"></script></head></html>', 'https://updates.freshservice.com/');
    expect(hidden.candidates[0]).toEqual({ url: 'https://updates.freshservice.com/api/v2/summary.json', via: 'statuspage-probe' });
  });

  it('an Uptime Kuma page /status/<slug> leads to its heartbeat document', async () => {
    server.serveBody('/status/main', '<!doctype html><html><head><meta name="description" content="Uptime Kuma"></head><body></body></html>', HTML);
    server.serveBody('/api/status-page/heartbeat/main', '{"heartbeatList":{"1":[{"status":1,"time":"2026-10-02 11:59:00"}]},"uptimeList":{}}', JSON_TYPE);
    const r = await discoverSource(server.url('/status/main'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/api/status-page/heartbeat/main'), platform: 'uptimekuma', format: 'uptimekuma-json', health: 'operational' });
  });

  it('a recognised page whose document fails still falls back to the common paths within the budget', async () => {
    server.serveBody('/', readPlatformFixture('pages/stts-whereby-good.html'), HTML);
    const r = await discoverSource(server.url('/'), deps());
    expect(r.ok).toBe(false);
    expect(r.requests).toBe(MAX_DISCOVERY_REQUESTS);
    expect(r.ok ? [] : r.tried.map((t) => new URL(t.url).pathname)).toEqual(['/', '/summary.json', '/api/v2/summary.json', '/feed.atom', '/history.atom', '/rss']);
  });
});
