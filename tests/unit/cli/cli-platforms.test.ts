/**
 * `status-tray --once <catalog name>` for a catalog entry of each issue 13 platform: the real CLI, engine and
 * adapters, with every request for the entry's source sent to the local feed server instead (anything else is
 * refused, never sent). Documents are the platform fixtures where a public one exists, else inline documents
 * shaped after the platform's documentation (see tests/fixtures/platforms/MANIFEST.md).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCatalogEntry } from '../../../shared/catalog/index';
import type { FetchPort } from '../../../shared/engine/ports';
import { runCli } from '../../../cli/main';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { readPlatformFixture } from '../../support/platform-fixtures';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

/** Route each catalog source URL to a local path; refuse every other request. */
function localRoutes(routes: Map<string, string>, refused: string[]): (fetch: FetchPort) => FetchPort {
  return (fetch) => (input, init) => {
    const local = routes.get(input);
    if (local) return fetch(server.url(local), init);
    refused.push(input);
    return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
  };
}

const STATUSPAL = JSON.stringify({ status_page: { name: 'DAKboard', url: 'https://dakboard.statuspal.io', current_incident_type: null }, services: [{ id: 1, name: 'Web', current_incident_type: null, children: [] }], incidents: [], maintenances: [], upcoming_maintenances: [] });
const SORRY = '{"response":[{"id":"1","name":"Pingdom API","state":"operational"}]}';
const SITE24X7 = '{"data":{"current_status":[{"display_name":"Ubuntu archive","component_status":3}]}}';
const CSTATE = JSON.stringify({ is: 'index', cStateVersion: '5.2', apiVersion: '2.0', title: 'Civo Status', baseURL: 'https://status.civo.com/', summaryStatus: 'ok', systems: [{ name: 'API', category: 'Core', status: 'ok', unresolvedIssues: [] }] });

describe('status-tray --once <catalog name> on each new platform', () => {
  it.each<[string, string, string, RegExp]>([
    ['railway', 'instatus', readPlatformFixture('instatus/instatus-help-summary-example.json'), /degraded\s+We're facing an issue with our API \(investigating\)/],
    ['buildjet', 'betterstack', readPlatformFixture('betterstack/betterstack-docs-index-json-example.json'), /operational\s+-$/],
    ['gitlab', 'statusio', readPlatformFixture('statusio/statusio-kb-public-status-api-example.json'), /operational\s+-$/],
    ['yoti', 'cachet', readPlatformFixture('cachet/yoti-components-v1.json'), /operational\s+-$/],
    ['twin', 'gatus', readPlatformFixture('gatus/gatus-api-endpoints-statuses-test-expected.json'), /major outage\s+-$/],
    ['dakboard', 'statuspal', STATUSPAL, /operational\s+-$/],
    ['pingdom', 'sorry', SORRY, /operational\s+-$/],
    ['canonical', 'site24x7', SITE24X7, /degraded\s+-$/],
    ['civo', 'cstate', CSTATE, /operational\s+-$/],
  ])('%s (%s)', async (id, platform, body, row) => {
    const entry = getCatalogEntry(id);
    expect(entry?.platform).toBe(platform);
    server.serveBody(`/${id}`, body, { 'content-type': 'application/json' });
    const refused: string[] = [];
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--once', id], (l) => out.push(l), (l) => err.push(l), { wrapFetch: localRoutes(new Map([[entry!.sourceUrl, `/${id}`]]), refused) });
    expect(err).toEqual([]);
    expect(refused).toEqual([]);
    expect(code).toBe(0);
    expect(server.count(`/${id}`)).toBe(1);
    const line = out.join('\n').split('\n').find((l) => l.startsWith(entry!.name));
    expect(line, out.join('\n')).toMatch(row);
  });
});

describe('status-tray --once on the Hund and Freshstatus catalog entries', () => {
  it('scraperapi (hund): the live event stream stays open; its first event is read and the connection closed', async () => {
    const entry = getCatalogEntry('scraperapi');
    expect(entry?.platform).toBe('hund');
    const init = readPlatformFixture('hund/hund-docs-live-v2-init-event-example.json').replace(/\s*\n\s*/g, ' ');
    server.handle('/scraperapi', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: init_event\ndata: ${init}\n\n`);
      // never ended, as Hund's stream
    });
    const refused: string[] = [];
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--once', 'scraperapi'], (l) => out.push(l), (l) => err.push(l), { wrapFetch: localRoutes(new Map([[entry!.sourceUrl, '/scraperapi']]), refused) });
    expect([err, refused, code]).toEqual([[], [], 0]);
    expect(server.count('/scraperapi')).toBe(1);
    const line = out.join('\n').split('\n').find((l) => l.startsWith('Scraperapi'));
    expect(line, out.join('\n')).toMatch(/degraded\s+Heavy Load \(investigating\)/);
  });

  it('freshservice (freshstatus): the component tree read from the public API', async () => {
    const entry = getCatalogEntry('freshservice');
    expect(entry?.platform).toBe('freshstatus');
    // Shaped after code reading the live API (no public capture exists; see tests/fixtures/platforms/freshstatus).
    server.serveBody('/freshservice', JSON.stringify({ components: [{ id: 1, name: 'US EAST', components: [{ id: 2, name: 'Helpdesk', status: 'PO', display_options: {} }] }] }), { 'content-type': 'application/json' });
    const refused: string[] = [];
    const out: string[] = [];
    const code = await runCli(['--once', '--json', 'freshservice'], (l) => out.push(l), () => undefined, { wrapFetch: localRoutes(new Map([[entry!.sourceUrl, '/freshservice']]), refused) });
    expect([refused, code]).toEqual([[], 0]);
    expect(JSON.parse(out[0]!)).toMatchObject({ health: 'partial_outage', components: [{ name: 'Helpdesk', status: 'partial_outage' }] });
  });
});

describe('status-tray --once on an Uptime Kuma heartbeat URL (no catalog entry: no public list gives a page with its slug)', () => {
  it('reads the monitors of the page', async () => {
    server.serveBody('/api/status-page/heartbeat/main', '{"heartbeatList":{"1":[{"status":1,"time":"2026-10-02 11:59:00"}],"2":[{"status":0,"time":"2026-10-02 11:59:00"}]},"uptimeList":{}}', { 'content-type': 'application/json' });
    const out: string[] = [];
    const code = await runCli(['--once', '--json', server.url('/api/status-page/heartbeat/main')], (l) => out.push(l), () => undefined);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ health: 'major_outage', components: [{ name: 'Monitor 1', status: 'operational' }, { name: 'Monitor 2', status: 'major_outage' }] });
  });
});
