import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverSource, MAX_DISCOVERY_REQUESTS, type DiscoveryDeps } from '../../../shared/discovery/discover';
import { fetchSource } from '../../../shared/engine/http/fetch-source';
import { createNodeFetch, type NodeFetch } from '../../../shared/platform/node/node-fetch';
import type { FetchLimits } from '../../../shared/engine/http/types';
import type { FetchPort } from '../../../shared/engine/ports';
import { REPO_ROOT } from '../../support/feeds';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { parseDocument } from '../../../shared/formats/registry';

const fixture = (name: string): Buffer => readFileSync(resolve(REPO_ROOT, 'tests/fixtures/discovery', name));
const HTML = { contentType: 'text/html; charset=utf-8' };
const STATUSPAGE_HTML = 'malformed/streamyard-history-page-html-not-feed-2024-06.html';
const LIMITS: Partial<FetchLimits> = { headersTimeoutMs: 400, totalTimeoutMs: 800 };
const NOW = Date.UTC(2026, 9, 2, 12, 0, 0);

let server: FeedServer;
let http: NodeFetch;
let foreign: string[];

beforeEach(async () => {
  server = await startFeedServer();
  http = createNodeFetch();
  foreign = [];
});
afterEach(async () => {
  await http.destroy();
  await server.close();
});

/** Discovery deps over the real fetchSource; any request to another host is refused and recorded, never sent. */
function deps(overrides: Partial<DiscoveryDeps> = {}): DiscoveryDeps {
  const guarded: FetchPort = (input, init) => {
    if (new URL(input).hostname !== '127.0.0.1') {
      foreign.push(input);
      return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    }
    return http.fetch(input, init);
  };
  return {
    fetchSource,
    parseDocument,
    fetchDeps: { fetch: guarded, userAgent: 'StatusTray/0.1.0 (+https://github.com/status-tray/status-tray)', limits: LIMITS, now: () => NOW },
    ...overrides,
  };
}

describe('discoverSource against a local server', () => {
  it('uses a direct feed URL as it is', async () => {
    server.serveFile('/history.atom', 'statuspage-feeds/githubstatus-history-2026-07-09-active.atom');
    const r = await discoverSource(server.url('/history.atom'), deps());
    expect(r).toMatchObject({
      ok: true,
      sourceUrl: server.url('/history.atom'),
      via: 'direct',
      format: 'statuspage-feed',
      platform: 'statuspage',
      activeIncidents: 1,
      requests: 1,
    });
    expect(server.totalRequests()).toBe(1);
  });

  it('uses a direct Statuspage API URL and reports its provider, health and open incidents', async () => {
    server.serveFile('/api/v2/summary.json', 'statuspage-json/cursor-summary-2026-09-25-active-incident.json');
    const r = await discoverSource(server.url('/api/v2/summary.json'), deps());
    expect(r).toMatchObject({ ok: true, platform: 'statuspage', format: 'statuspage-json', provider: 'Cursor', health: 'degraded', activeIncidents: 1 });
  });

  it('turns a real Statuspage page into its JSON API', async () => {
    server.serveFile('/', STATUSPAGE_HTML, HTML);
    server.serveFile('/api/v2/summary.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json');
    const r = await discoverSource(server.url('/'), deps());
    expect(r).toMatchObject({
      ok: true,
      sourceUrl: server.url('/api/v2/summary.json'),
      via: 'platform-page',
      platform: 'statuspage',
      provider: 'GitHub',
      health: 'operational',
      activeIncidents: 0,
      requests: 2,
    });
    expect(r.ok && r.foundVia).toMatch(/Statuspage JSON API at \/api\/v2\/summary\.json/);
    expect(foreign).toEqual([]);
  });

  it('follows a redirecting page and probes relative to where it landed', async () => {
    server.handle('/status', (_req, res) => res.writeHead(301, { Location: '/new/status' }).end());
    server.serveFile('/new/status', STATUSPAGE_HTML, HTML);
    server.serveFile('/api/v2/summary.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json');
    const r = await discoverSource(server.url('/status'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/api/v2/summary.json'), provider: 'GitHub', requests: 2 });
    expect(server.count('/status')).toBe(1);
    expect(server.count('/new/status')).toBe(1);
  });

  it('stores the target of a permanently redirected feed', async () => {
    server.handle('/old.rss', (_req, res) => res.writeHead(308, { Location: '/history.rss' }).end());
    server.serveFile('/history.rss', 'incidentio/openai-history-rss-2026-10-01.rss');
    const r = await discoverSource(server.url('/old.rss'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/history.rss'), via: 'direct' });
  });

  it('finds the feed of an incident.io page from its markup', async () => {
    server.serveBody('/', fixture('incidentio-page.html'), HTML);
    server.serveFile('/history.rss', 'incidentio/openai-history-rss-2026-10-01.rss');
    const r = await discoverSource(server.url('/'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/history.rss'), via: 'platform-page', platform: 'incidentio', format: 'incidentio-feed', provider: 'OpenAI status' });
    expect(server.count('/api/v2/summary.json')).toBe(0);
  });

  it('follows <link rel="alternate"> on a plain site', async () => {
    server.serveBody('/notices', fixture('rss-blog-page.html'), HTML);
    server.serveFile('/news/notices.rss', 'other/lambstatus-demo-history-2017-10.rss');
    const r = await discoverSource(server.url('/notices'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/news/notices.rss'), via: 'link-alternate', platform: 'feed', format: 'rss', requests: 2 });
  });

  it('probes /api/v2/summary.json when the page is not recognised', async () => {
    server.serveBody('/', fixture('no-feed-page.html'), HTML);
    server.serveFile('/api/v2/summary.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json');
    const r = await discoverSource(server.url('/'), deps());
    expect(r).toMatchObject({ ok: true, via: 'statuspage-probe', platform: 'statuspage', requests: 2 });
  });

  it('falls back to common paths after a 404, skipping HTML answers', async () => {
    server.serveBody('/feed.atom', fixture('no-feed-page.html'), HTML);
    server.serveFile('/history.atom', 'statuspage-feeds/digitalocean-history-2020-01-13.atom');
    const r = await discoverSource(server.url('/missing'), deps());
    expect(r).toMatchObject({ ok: true, sourceUrl: server.url('/history.atom'), via: 'common-path', requests: 4 });
    expect(r.ok && r.tried.map((t) => [new URL(t.url).pathname, t.outcome])).toEqual([
      ['/missing', 'error'],
      ['/api/v2/summary.json', 'error'],
      ['/feed.atom', 'html'],
    ]);
  });

  it('gives up on a page with no feed after at most 6 requests, saying what it tried', async () => {
    server.serveBody('/', fixture('no-feed-page.html'), HTML);
    const r = await discoverSource(server.url('/'), deps());
    expect(r.ok).toBe(false);
    expect(server.totalRequests()).toBe(MAX_DISCOVERY_REQUESTS);
    expect(r.requests).toBe(MAX_DISCOVERY_REQUESTS);
    expect(r.tried).toHaveLength(MAX_DISCOVERY_REQUESTS);
    expect(!r.ok && r.message).toMatch(/No status feed or API found/);
  });

  it('never makes more requests than the budget, even with many feed links', async () => {
    const links = Array.from({ length: 20 }, (_, i) => `<link rel="alternate" type="application/rss+xml" href="/f${i}.rss">`).join('');
    server.serveBody('/', `<!doctype html><html><head>${links}</head></html>`, HTML);
    const r = await discoverSource(server.url('/'), deps({ maxRequests: 4 }));
    expect(r.ok).toBe(false);
    expect(server.totalRequests()).toBe(4);
    expect(!r.ok && r.message).toMatch(/stopped after 4 requests/);
  });

  it('stops at once when a slow page misses the deadline', async () => {
    server.handle('/slow', (_req, res) => {
      const t = setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>'), 5_000);
      res.on('close', () => clearTimeout(t));
    });
    const started = Date.now();
    const r = await discoverSource(server.url('/slow'), deps());
    expect(r).toMatchObject({ ok: false, requests: 1, tried: [{ outcome: 'error', code: 'timeout' }] });
    expect(!r.ok && r.message).toMatch(/^Could not reach/);
    // Bounded by the injected deadlines, not the server's 5 s.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('reports a refused connection without probing further', async () => {
    const url = server.url('/');
    await server.close();
    const r = await discoverSource(url, deps());
    expect(r).toMatchObject({ ok: false, requests: 1, tried: [{ code: 'network' }] });
    server = await startFeedServer();
  });

  it('reports a broken direct document as unreadable and keeps looking', async () => {
    server.serveBody('/api/v2/summary.json', '{"page": {"name": "Half', { 'Content-Type': 'application/json' });
    const r = await discoverSource(server.url('/api/v2/summary.json'), deps());
    expect(r.ok).toBe(false);
    expect(r.tried[0]).toMatchObject({ outcome: 'unreadable', message: expect.any(String) });
    // The probe for this very URL is not repeated: the direct request plus the four common paths.
    expect(r.tried.map((t) => new URL(t.url).pathname)).toEqual(['/api/v2/summary.json', '/feed.atom', '/history.atom', '/rss', '/feed']);
    expect(server.count('/api/v2/summary.json')).toBe(1);
  });
});
