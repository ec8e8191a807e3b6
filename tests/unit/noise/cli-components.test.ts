/** The CLI's component choice: `--components` after a SOURCE, and `--list-components SOURCE`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../cli/args';
import { runCli } from '../../../cli/main';
import { resolveSources } from '../../../cli/sources';
import { startFeedServer, type FeedServer } from '../../support/feed-server';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/cursor.json', 'statuspage-json/cursor-summary-2026-09-25-active-incident.json', { etag: '"c1"' });
  server.serveFile('/gh.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json', { etag: '"g1"' });
});
afterEach(async () => {
  await server.close();
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n').split('\n'), err };
}

describe('--components', () => {
  it('applies to the SOURCE before it only', async () => {
    const r = await run(['--once', '--json', server.url('/cursor.json'), '--components', 'IDE, CLI', server.url('/gh.json')]);
    const rows = r.out.map((l) => JSON.parse(l) as { source: string; health: string; components: { name: string }[]; activeIncidents: unknown[] });
    const narrow = rows.find((o) => o.source.endsWith('/cursor.json'));
    expect(narrow).toMatchObject({ health: 'operational', activeIncidents: [] });
    expect(narrow!.components.map((c) => c.name)).toEqual(['CLI', 'IDE']);
    expect(rows.find((o) => o.source.endsWith('/gh.json'))!.components.length).toBeGreaterThan(2);
  });

  it('a chosen component with an incident keeps it', async () => {
    const r = await run(['--once', '--json', server.url('/cursor.json'), '--components', 'Grok Bot']);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ health: 'degraded', activeIncidents: [{ title: 'Investigating service degradation — Grok Bot' }] });
  });

  it('is a usage error before any SOURCE or when empty', () => {
    expect(parseCliArgs(['--components', 'API', 'github'])).toEqual({ error: expect.stringMatching(/after the SOURCE/) });
    expect(parseCliArgs(['github', '--components', ' , '])).toEqual({ error: expect.stringMatching(/at least one name/) });
    expect(parseCliArgs(['github', '--components', 'API,Webhooks', 'openai'])).toMatchObject({ sources: ['github', 'openai'], components: [['API', 'Webhooks'], undefined] });
  });

  it('replaces a catalog entry\'s components and keeps its regions', () => {
    const r = resolveSources(['amazon-elastic-compute-cloud@us-east-1'], 300, [['ec2']]);
    expect('sources' in r && r.sources[0]?.filter).toEqual({ components: ['ec2'], regions: ['us-east-1'] });
  });
});

describe('--list-components', () => {
  it('prints the page\'s components with their status', async () => {
    const r = await run(['--list-components', server.url('/cursor.json')]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Cursor: 8 components');
    expect(r.out).toContain('  Grok Bot (degraded performance)');
    expect(r.out.at(-1)).toMatch(/^Watch some of them with: SOURCE --components "/);
  });

  it('groups them as the page does, and --json gives one object per component', async () => {
    // A Statuspage summary with a group container, the shape Statuspage documents (group: true, group_id).
    const body = JSON.stringify({
      page: { id: 'p', name: 'Example', url: 'https://status.example.com', updated_at: '2026-07-10T10:00:00.000Z' },
      status: { indicator: 'none', description: 'All Systems Operational' },
      components: [
        { id: 'g', name: 'Platform', status: 'operational', group: true, group_id: null, components: ['a', 'w'] },
        { id: 'a', name: 'API', status: 'operational', group: false, group_id: 'g' },
        { id: 'w', name: 'Webhooks', status: 'degraded_performance', group: false, group_id: 'g' },
        { id: 'd', name: 'Dashboard', status: 'operational', group: false, group_id: null },
      ],
      incidents: [],
      scheduled_maintenances: [],
    });
    server.serveBody('/grouped.json', body, { contentType: 'application/json' });
    const text = await run(['--list-components', server.url('/grouped.json')]);
    expect(text.out.slice(0, 5)).toEqual(['Example: 3 components', '  Dashboard (operational)', 'Platform:', '    API (operational)', '    Webhooks (degraded performance)']);
    const json = await run(['--json', '--list-components', server.url('/grouped.json')]);
    expect(json.out.map((l) => JSON.parse(l) as unknown)).toEqual([
      { name: 'API', status: 'operational', group: 'Platform' },
      { name: 'Webhooks', status: 'degraded_performance', group: 'Platform' },
      { name: 'Dashboard', status: 'operational', group: null },
    ]);
  });

  it('fails with the reason when the page cannot be read, and refuses extra SOURCEs', async () => {
    server.serveFile('/page.html', 'malformed/streamyard-history-page-html-not-feed-2024-06.html');
    const r = await run(['--list-components', server.url('/page.html')]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/status-tray: /);
    expect(parseCliArgs(['--list-components', 'github', 'openai'])).toHaveProperty('error');
  });
});

describe('watch output says what changed', () => {
  it('a health change names the components', async () => {
    const { eventText, eventJson } = await import('../../../cli/output');
    const e = {
      type: 'provider.health-changed' as const, sourceId: 'gh', provider: 'GitHub', health: 'degraded' as const, previousHealth: 'operational' as const, at: 0,
      changes: [{ name: 'Actions', status: 'degraded_performance' as const, previous: 'operational' as const }],
    };
    expect(eventText(e)).toMatch(/health operational → degraded: Actions degraded$/);
    expect(eventJson(e)).toMatchObject({ changes: [{ name: 'Actions', status: 'degraded_performance', previous: 'operational' }] });
  });
});
