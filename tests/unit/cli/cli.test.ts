/**
 * The headless runner end to end: real engine, real documents from the local feed server, output captured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../cli/args';
import { resolveSources } from '../../../cli/sources';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { run } from './run-cli';

let server: FeedServer;
let dir: string;
beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/cursor.json', 'statuspage-json/cursor-summary-2026-09-25-active-incident.json', { etag: '"c1"' });
  server.serveFile('/gh.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json', { etag: '"g1"' });
  server.serveFile('/openai.rss', 'incidentio/openai-history-rss-2026-10-01.rss', { lastModified: 'Thu, 01 Oct 2026 08:45:02 GMT' });
  dir = mkdtempSync(join(tmpdir(), 'status-tray-cli-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('status-tray --once', () => {
  it('prints a table of provider, health and active incidents, and exits 0 when all sources parsed', async () => {
    const r = await run(['--once', server.url('/cursor.json'), server.url('/gh.json'), server.url('/openai.rss')]);
    expect(r.code).toBe(0);
    const lines = r.out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^PROVIDER\s+HEALTH\s+ACTIVE INCIDENTS$/);
    expect(lines.find((l) => l.startsWith('Cursor'))).toMatch(/degraded\s+Investigating service degradation — Grok Bot \(investigating\)/);
    expect(lines.find((l) => l.startsWith('GitHub'))).toMatch(/operational\s+-$/);
    expect(lines.find((l) => l.startsWith('OpenAI'))).toMatch(/Elevated errors in ChatGPT Space Pages \(monitoring\)/);
  });

  it('--json prints one object per source in the documented shape', async () => {
    const r = await run(['--once', '--json', server.url('/cursor.json')]);
    const obj = JSON.parse(r.out[0]!) as Record<string, unknown>;
    expect(Object.keys(obj).sort()).toEqual(['activeIncidents', 'components', 'health', 'indicator', 'provider', 'source']);
    expect(obj).toMatchObject({ source: server.url('/cursor.json'), provider: 'Cursor', health: 'degraded', indicator: 'minor' });
    expect(obj.components).toContainEqual({ name: 'Grok Bot', status: 'degraded_performance' });
    expect(obj.activeIncidents).toEqual([
      expect.objectContaining({ title: 'Investigating service degradation — Grok Bot', status: 'investigating', impact: 'minor', url: 'https://status.cursor.com/incidents/bfcck6qks18q' }),
    ]);
  });

  it('exits 1 and prints the error when a source fails, while still reporting the others', async () => {
    server.serveFile('/page.html', 'malformed/streamyard-history-page-html-not-feed-2024-06.html');
    const r = await run(['--once', '--json', server.url('/page.html'), server.url('/gh.json')]);
    expect(r.code).toBe(1);
    const rows = r.out.map((l) => JSON.parse(l) as { source: string; health: string; error?: { code: string } });
    expect(rows.find((o) => o.source.endsWith('/page.html'))).toMatchObject({ health: 'unknown', error: { code: 'not-a-feed' } });
    expect(rows.find((o) => o.source.endsWith('/gh.json'))).toMatchObject({ health: 'operational' });
  });

  it('exits 1 with unexpected-304 when a server answers 304 to a request that carried no validators', async () => {
    server.handle('/always-304', (_req, res) => res.writeHead(304).end());
    const r = await run(['--once', '--json', server.url('/always-304'), server.url('/gh.json')]);
    expect(r.code).toBe(1);
    const row = r.out.map((l) => JSON.parse(l) as { source: string; health: string; error?: { code: string } }).find((o) => o.source.endsWith('/always-304'));
    expect(row).toMatchObject({ health: 'unknown', error: { code: 'unexpected-304' } });
  });

  it('--db makes the next run conditional: 304s, nothing parsed, same report', async () => {
    const db = join(dir, 'status.db');
    await run(['--once', '--db', db, server.url('/cursor.json'), server.url('/openai.rss')]);
    const second = await run(['--once', '--json', '--db', db, server.url('/cursor.json'), server.url('/openai.rss')]);
    expect(server.requests('/cursor.json').at(-1)?.headers['if-none-match']).toBe('"c1"');
    expect(second.code).toBe(0);
    expect(second.out.map((l) => (JSON.parse(l) as { health: string }).health)).toEqual(['degraded', 'degraded']);
  });

  it('--state makes the next run conditional: 304s, nothing parsed, same report', async () => {
    const state = join(dir, 'state.json');
    await run(['--once', '--state', state, server.url('/cursor.json'), server.url('/openai.rss')]);
    const second = await run(['--once', '--json', '--state', state, server.url('/cursor.json'), server.url('/openai.rss')]);
    expect(server.requests('/cursor.json').at(-1)?.headers['if-none-match']).toBe('"c1"');
    expect(server.requests('/openai.rss').at(-1)?.headers['if-modified-since']).toBe('Thu, 01 Oct 2026 08:45:02 GMT');
    expect(second.code).toBe(0);
    expect(second.out.map((l) => (JSON.parse(l) as { health: string }).health)).toEqual(['degraded', 'degraded']);
  });

  it('exits 2 with usage for bad arguments', async () => {
    expect((await run(['--once'])).code).toBe(2);
    expect((await run(['--once', '--interval', '5', server.url('/gh.json')])).err.join('\n')).toMatch(/--interval must be a number from 60 to 86400/);
    const unknown = await run(['--once', 'no-such-service-anywhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/neither an http\(s\) URL nor a catalog name/);
  });
});

describe('status-tray --once with sources of the same provider', () => {
  it('tells them apart in the table by host, and by path when the host is shared too', async () => {
    const gh = 'statuspage-json/githubstatus-summary-2026-09-25-operational.json';
    server.serveFile('/a/summary.json', gh);
    server.serveFile('/b/summary.json', gh);
    const other = await startFeedServer();
    other.serveFile('/summary.json', gh);
    try {
      const urls = [server.url('/a/summary.json'), server.url('/b/summary.json'), other.url('/summary.json')];
      const r = await run(['--once', ...urls]);
      const rows = r.out.join('\n').split('\n').slice(1);
      const hostA = new URL(urls[0]!).host;
      const hostB = new URL(urls[2]!).host;
      expect(rows.map((l) => l.split(/\s{2,}/)[0]).sort()).toEqual(
        [`GitHub (${hostA}/a/summary.json)`, `GitHub (${hostA}/b/summary.json)`, `GitHub (${hostB})`].sort(),
      );
    } finally {
      await other.close();
    }
  });
});

describe('arguments', () => {
  it('parses options and defaults', () => {
    expect(parseCliArgs(['--once', '--json', '--concurrency', '4', '--timeout', '10', 'github'])).toMatchObject({
      mode: 'once', json: true, concurrency: 4, timeoutSeconds: 10, intervalSeconds: 300, sources: ['github'],
    });
    expect(parseCliArgs(['https://x.example/feed'])).toMatchObject({ mode: 'watch' });
    expect(parseCliArgs(['--discover', 'https://www.githubstatus.com'])).toMatchObject({ mode: 'discover', discover: 'https://www.githubstatus.com' });
    expect(parseCliArgs(['--bogus'])).toHaveProperty('error');
    expect(parseCliArgs(['--discover', 'x', 'y'])).toHaveProperty('error');
    expect(parseCliArgs(['--discover'])).toHaveProperty('error');
  });

  it('takes options in any order: --discover --json URL is --json --discover URL', () => {
    const url = 'https://www.githubstatus.com';
    const expected = { mode: 'discover', discover: url, json: true };
    expect(parseCliArgs(['--discover', '--json', url])).toMatchObject(expected);
    expect(parseCliArgs(['--json', '--discover', url])).toMatchObject(expected);
    expect(parseCliArgs(['--discover', url, '--json'])).toMatchObject(expected);
    expect(parseCliArgs([`--discover=${url}`, '--json'])).toMatchObject(expected);
    expect(parseCliArgs(['github', '--json', '--once'])).toMatchObject({ mode: 'once', json: true, sources: ['github'] });
  });

  it('--interval has an upper limit of 24 h, with a usage error beyond it', () => {
    expect(parseCliArgs(['--interval', '86400', 'github'])).toMatchObject({ intervalSeconds: 86_400 });
    expect(parseCliArgs(['--interval', '3000000', 'github'])).toEqual({ error: '--interval must be a number from 60 to 86400 (got "3000000").' });
  });

  it('resolves catalog names to their best source, with the big-cloud filter', () => {
    const r = resolveSources(['github', 'https://example.com/feed.atom'], 300);
    expect('sources' in r && r.sources[0]).toMatchObject({ id: 'github', url: 'https://www.githubstatus.com/api/v2/summary.json', name: 'GitHub' });
    expect('sources' in r && r.sources[1]).toMatchObject({ id: 'https://example.com/feed.atom', url: 'https://example.com/feed.atom' });
    const aws = resolveSources(['amazon-elastic-compute-cloud@us-east-1'], 300);
    expect('sources' in aws && aws.sources[0]?.filter?.regions).toEqual(['us-east-1']);
  });
});
