/**
 * The CLI on status.db: `--db`, `--state` as a migrating alias, and the `history` and `uptime` commands
 * reading what the engine recorded (table, JSON lines, CSV).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs, parseSince } from '../../../cli/args';
import { csvLine } from '../../../cli/history-output';
import { emptyEngineState, newSourceState } from '../../../shared/engine/state';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { run } from './run-cli';

let server: FeedServer;
let dir: string;
beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/cursor.json', 'statuspage-json/cursor-summary-2026-09-25-active-incident.json', { etag: '"c1"' });
  server.serveFile('/openai.rss', 'incidentio/openai-history-rss-2026-10-01.rss', { lastModified: 'Thu, 01 Oct 2026 08:45:02 GMT' });
  dir = mkdtempSync(join(tmpdir(), 'status-tray-cli-db-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('status-tray history / uptime', () => {
  it('lists what a polling run recorded, as a table, JSON lines and CSV, filtered by provider name', async () => {
    const db = join(dir, 'status.db');
    expect((await run(['--once', '--db', db, server.url('/cursor.json'), server.url('/openai.rss')])).code).toBe(0);

    const table = await run(['history', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.out.join('\n')).toMatch(/^START \(UTC\)\s+DURATION\s+PROVIDER\s+IMPACT\s+TITLE/);
    expect(table.out.join('\n')).toMatch(/Elevated errors in ChatGPT Space Pages/);

    const json = await run(['history', 'openai', '--db', db, '--json']);
    const rows = json.out.map((l) => JSON.parse(l) as { provider: string; startedAt: string; updates: unknown[]; backfilled: boolean });
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(['OpenAI status']));
    expect(rows.every((r) => r.backfilled && r.updates.length > 0 && /Z$/.test(r.startedAt))).toBe(true);

    const csv = await run(['history', 'OpenAI', '--db', db, '--csv']);
    expect(csv.out[0]).toBe('provider,source,id,kind,title,impact,status,started_at,resolved_at,duration_seconds,components,url,backfilled');
    expect(csv.out).toHaveLength(rows.length + 1);

    // Far in the future only incidents still open are "still going since".
    const all = (await run(['history', '--db', db, '--json'])).out.map((l) => JSON.parse(l) as { resolvedAt?: string });
    const since = (await run(['history', '--db', db, '--json', '--since', '2099-01-01'])).out.map((l) => JSON.parse(l) as { resolvedAt?: string });
    expect(since.length).toBeGreaterThan(0);
    expect(since.length).toBeLessThan(all.length);
    expect(since.every((r) => r.resolvedAt === undefined)).toBe(true);

    const up = await run(['uptime', '--db', db, '--json']);
    const figures = up.out.map((l) => JSON.parse(l) as { provider: string; uptime: Record<string, number | null> });
    expect(figures.map((f) => f.provider).sort()).toEqual(['Cursor', 'OpenAI status']);
    for (const f of figures) expect(Object.keys(f.uptime)).toEqual(['24h', '7d', '30d', '90d']);
    expect((await run(['uptime', '--db', db])).out[0]!.split('\n')[0]).toMatch(/^PROVIDER\s+COMPONENT\s+24H\s+7D\s+30D\s+90D$/);
  });

  it('exits 2 for a SOURCE the database does not know, and without --db', async () => {
    const db = join(dir, 'status.db');
    await run(['--once', '--db', db, server.url('/cursor.json')]);
    const r = await run(['history', 'nothing-like-this', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/matches no source in the database\. Recorded: Cursor/);
    expect((await run(['uptime'])).code).toBe(2);
  });
});

describe('--db with --state FILE (the older JSON state)', () => {
  it('imports FILE once into the database and keeps it as FILE.migrated; the next request is conditional', async () => {
    const legacy = join(dir, 'state.json');
    const st = emptyEngineState();
    st.sources[server.url('/cursor.json')] = { ...newSourceState(server.url('/cursor.json')), baselined: true, etag: '"c1"', contentHash: 'x' };
    writeFileSync(legacy, JSON.stringify(st));
    const r = await run(['--once', '--db', join(dir, 'status.db'), '--state', legacy, server.url('/cursor.json')]);
    expect(r.err.join('\n')).toMatch(/imported 1 source\(s\) from .*state\.json into .*status\.db/);
    expect(server.requests('/cursor.json').at(-1)?.headers['if-none-match']).toBe('"c1"');
    expect(existsSync(`${legacy}.migrated`)).toBe(true);
    expect(existsSync(join(dir, 'status.db'))).toBe(true);
  });
});

describe('history arguments', () => {
  it('reads --since as a duration or a date', () => {
    const now = Date.UTC(2026, 10, 21, 12);
    expect(parseSince('7d', now)).toBe(now - 7 * 86_400_000);
    expect(parseSince('24h', now)).toBe(now - 86_400_000);
    expect(parseSince('2026-11-01', now)).toBe(Date.UTC(2026, 10, 1));
    expect(parseSince('2026-11-01T10:00', now)).toBe(Date.UTC(2026, 10, 1, 10));
    expect(parseSince('last week', now)).toBeUndefined();
    expect(parseCliArgs(['history', 'github', '--db', 'x.db', '--since', '7d'])).toMatchObject({ mode: 'history', sources: ['github'], db: 'x.db' });
    expect(parseCliArgs(['history', '--db', 'x.db', '--json', '--csv'])).toHaveProperty('error');
    expect(parseCliArgs(['--once', '--db', 'a.db', '--state', 'b.json', 'github'])).toMatchObject({ db: 'a.db', state: 'b.json' });
  });

  it('quotes CSV fields per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', '=HYPERLINK("x")'])).toBe('a,"b,c","say ""hi""","two\nlines","\'=HYPERLINK(""x"")"');
  });
});
