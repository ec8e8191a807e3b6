import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseServeArgs, startServer, type RunningServer, type ServeDeps, type ServeOptions } from '../../../cli/serve';
import { MemoryStore } from '../engine/harness';
import { emptyEngineState, newSourceState } from '../../../shared/engine/state';
import { FakeClock } from '../../support/fake-clock';
import { SNAPSHOT_EVERY_MS } from '../../../shared/engine/engine';
import { startFeedServer, type FeedServer } from '../../support/feed-server';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'statuspage-webhooks');
const incidentCreated = readFileSync(join(FIXTURES, 'incident_created.json'), 'utf8');
const componentUpdate = readFileSync(join(FIXTURES, 'component_status_update.json'), 'utf8');
const WEBHOOK_TOKEN = 'webhook-token-0123456789';
const API_TOKEN = 'api-token-abcdefghijklmnop';

let feeds: FeedServer;
let server: RunningServer | undefined;
let logLines: string[];
beforeEach(async () => {
  feeds = await startFeedServer();
  feeds.serveFile('/summary.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json', { etag: '"g1"' });
  logLines = [];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await feeds.close();
});

/** The clock of the server `start` made last. */
let testClock: FakeClock;

async function start(over: Partial<ServeOptions> = {}, deps: Partial<ServeDeps> = { store: new MemoryStore() }): Promise<RunningServer> {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const clock = (deps.clock as FakeClock | undefined) ?? new FakeClock();
  testClock = clock;
  server = await startServer(
    { port: 0, host: '127.0.0.1', logLevel: 'debug', sources: [{ id: 'acme', url: feeds.url('/summary.json') }], webhookToken: WEBHOOK_TOKEN, ...over },
    { env: {}, logDestination: sink, ...deps, clock },
  );
  await server.engine.checkNow();
  return server;
}

/** A finished poll's snapshot (metrics, the poll log line) comes at most SNAPSHOT_EVERY_MS after the one before. */
async function snapshotsCaughtUp(): Promise<void> {
  await testClock.advance(SNAPSHOT_EVERY_MS);
}

const post = (s: RunningServer, path: string, body: string) => fetch(`${s.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('status-tray serve', () => {
  it('answers /api/status, /api/history and /metrics for the polled sources', async () => {
    const s = await start();
    const status = (await (await fetch(`${s.url}/api/status`)).json()) as any;
    expect(status.sources).toHaveLength(1);
    expect(status.sources[0]).toMatchObject({ id: 'acme', name: 'GitHub', health: 'operational' });
    expect(status.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const history = (await (await fetch(`${s.url}/api/history?source=acme`)).json()) as any;
    expect(history.backing).toBe('engine');
    expect(history.note).toMatch(/No history database/);
    expect(history.sources[0].id).toBe('acme');
    expect((await fetch(`${s.url}/api/history?source=nope`)).status).toBe(404);

    await snapshotsCaughtUp();
    const metrics = await fetch(`${s.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('status_tray_source_health_rank{source="acme",provider="GitHub"} 0');
    expect(text).toContain('status_tray_source_health{source="acme",provider="GitHub",health="operational"} 1');
    expect(text).toMatch(/status_tray_source_polls_total\{source="acme"\} 1/);
    expect(text).toContain('status_tray_source_poll_duration_seconds_count{source="acme"} 1');
    expect(text).toMatch(/status_tray_source_last_poll_timestamp_seconds\{source="acme"\} \d+/);
  });

  it('applies a pushed Statuspage incident at once: snapshot, SSE stream and one event', async () => {
    const s = await start();
    const events: string[] = [];
    const stream = await fetch(`${s.url}/api/events`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    const readUntil = async (needle: string) => {
      let text = events.join('');
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        events.push(decoder.decode(value));
        text = events.join('');
      }
      return text;
    };
    expect(await readUntil('\n\n')).toMatch(/^event: snapshot\ndata: \{/);

    const res = await post(s, `/webhooks/statuspage/acme?token=${WEBHOOK_TOKEN}`, incidentCreated);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ applied: true, health: 'degraded' });

    const snap = s.engine.snapshot().sources[0]!;
    expect(snap.status?.activeIncidents.map((i) => [i.id, i.title, i.status])).toEqual([['z3lct0r596n4', 'Database query delays', 'identified']]);
    const sse = await readUntil('event: incident.opened');
    expect(sse).toMatch(/event: incident\.opened\ndata: \{"type":"incident.opened".*"title":"Database query delays"/);
    await reader.cancel();

    // The same notification again is not news.
    const again = await post(s, `/webhooks/statuspage/acme?token=${WEBHOOK_TOKEN}`, incidentCreated);
    expect(again.status).toBe(202);
    const status = (await (await fetch(`${s.url}/api/status`)).json()) as any;
    expect(status.sources[0].status.activeIncidents).toHaveLength(1);
  });

  it('applies a component notification', async () => {
    const s = await start();
    const res = await post(s, `/webhooks/statuspage/acme?token=${WEBHOOK_TOKEN}`, componentUpdate);
    expect(res.status).toBe(202);
    const snap = s.engine.snapshot().sources[0]!;
    expect(snap.status?.components).toContainEqual({ name: 'Database component', status: 'under_maintenance' });
    expect(snap.status?.indicator).toBeUndefined();
    expect(snap.health).toBe('maintenance');
  });

  it('refuses a wrong token, an unknown source, a body that is not a notification, and an oversized body', async () => {
    const s = await start();
    expect((await post(s, '/webhooks/statuspage/acme?token=wrong', incidentCreated)).status).toBe(401);
    expect((await post(s, '/webhooks/statuspage/acme', incidentCreated)).status).toBe(401);
    expect((await post(s, `/webhooks/statuspage/other?token=${WEBHOOK_TOKEN}`, incidentCreated)).status).toBe(404);
    expect((await post(s, `/webhooks/statuspage/acme?token=${WEBHOOK_TOKEN}`, '{"hello":"world"}')).status).toBe(400);
    expect((await post(s, `/webhooks/statuspage/acme?token=${WEBHOOK_TOKEN}`, `{"pad":"${'x'.repeat(300 * 1024)}"}`)).status).toBe(413);
    expect(s.engine.snapshot().sources[0]!.status?.activeIncidents).toHaveLength(0);
    // The token never reaches the logs, though it was in the query string.
    expect(logLines.join('\n')).not.toContain(WEBHOOK_TOKEN);
    expect(logLines.join('\n')).toContain('"path":"/webhooks/statuspage/acme"');
  });

  it('without a webhook token the webhook route does not exist', async () => {
    const s = await start({ webhookToken: undefined });
    expect((await post(s, '/webhooks/statuspage/acme?token=anything', incidentCreated)).status).toBe(404);
  });

  it('with an API token, the API and metrics need the bearer token', async () => {
    const s = await start({ apiToken: API_TOKEN });
    expect((await fetch(`${s.url}/api/status`)).status).toBe(401);
    expect((await fetch(`${s.url}/metrics`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${s.url}/api/status`, { headers: { Authorization: `Bearer ${API_TOKEN}` } })).status).toBe(200);
  });

  it('logs one JSON line per poll outcome at debug level', async () => {
    await start();
    await snapshotsCaughtUp();
    const polls = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'poll');
    expect(polls).toEqual([expect.objectContaining({ level: 20, source: 'acme', provider: 'GitHub', health: 'operational' })]);
  });
});

describe('serve --db', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'status-tray-serve-db-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('/api/history answers from status.db: a pushed incident with its updates, filtered by source and since, kept across restarts', async () => {
    // The fixture's incident is from 2017-12-26: run the clock then, so it is inside the default window.
    const clock = new FakeClock(Date.UTC(2017, 11, 26, 8, 0, 0));
    const db = join(dir, 'status.db');
    const s = await start({ db }, { clock });
    expect((await post(s, `/webhooks/statuspage/acme?token=${WEBHOOK_TOKEN}`, incidentCreated)).status).toBe(202);

    const history = (await (await fetch(`${s.url}/api/history?source=acme`)).json()) as any;
    expect(history.backing).toBe('database');
    expect(history.note).toBeUndefined();
    expect(history.since).toBe('2017-12-19T08:00:00.000Z');
    expect(history.sources).toEqual([expect.objectContaining({ id: 'acme', name: 'GitHub', configured: true, health: expect.any(String) })]);
    const pushed = history.incidents.find((i: any) => i.title === 'Database query delays');
    expect(pushed).toMatchObject({ source: 'acme', kind: 'incident', status: expect.any(String), startedAt: '2017-12-26T07:32:00.507Z' });
    expect(pushed.updates.length).toBeGreaterThan(0);
    expect(pushed.updates[0]).toMatchObject({ at: expect.stringMatching(/^2017-12-26T/), text: expect.any(String) });

    // `since` keeps incidents still going at or after it: this one is open, so a later `since` still has it.
    const later = (await (await fetch(`${s.url}/api/history?since=2018-01-01`)).json()) as any;
    expect(later.incidents.find((i: any) => i.title === 'Database query delays')).not.toHaveProperty('resolvedAt');
    // Bad queries say why.
    expect((await fetch(`${s.url}/api/history?since=yesterday`)).status).toBe(400);
    expect((await fetch(`${s.url}/api/history?limit=0`)).status).toBe(400);
    expect((await fetch(`${s.url}/api/history?source=nope`)).status).toBe(404);
    await s.close();
    server = undefined;

    // Restarted without that source: its recorded history is still served from the file.
    const again = await start({ db, sources: [{ id: 'other', url: feeds.url('/summary.json') }] }, { clock });
    const kept = (await (await fetch(`${again.url}/api/history?source=acme`)).json()) as any;
    expect(kept.sources).toEqual([expect.objectContaining({ id: 'acme', configured: false, health: null })]);
    expect(kept.incidents.map((i: any) => i.title)).toContain('Database query delays');
  });
});

describe('parseServeArgs', () => {
  it('binds 127.0.0.1:8080 by default and refuses another address without a token', () => {
    const url = 'https://status.example.com/api/v2/summary.json';
    expect(parseServeArgs([url], {})).toMatchObject({ host: '127.0.0.1', port: 8080, logLevel: 'info' });
    expect(parseServeArgs(['--host', '0.0.0.0', url], {})).toEqual({ error: expect.stringMatching(/^Binding 0\.0\.0\.0 lets other machines connect: give --token/) });
    expect(parseServeArgs(['--host', '0.0.0.0', url], { STATUS_TRAY_TOKEN: API_TOKEN })).toMatchObject({ host: '0.0.0.0', apiToken: API_TOKEN });
    expect(parseServeArgs(['--token', 'short', url], {})).toEqual({ error: '--token must be at least 16 characters.' });
    expect(parseServeArgs(['--check', 'https://api.example.com/health', '--expect', '200'], {})).toMatchObject({ sources: [{ id: 'check:https://api.example.com/health', check: { expectStatus: [200] } }] });
    expect(parseServeArgs([], {})).toEqual({ error: 'Give at least one SOURCE or --check URL.' });
    expect(parseServeArgs(['--db', '/data/status.db', url], {})).toMatchObject({ db: '/data/status.db' });
    expect(parseServeArgs([url], {})).not.toHaveProperty('db');
  });
});

describe('serve --state FILE', () => {
  it('keeps state in the database beside FILE, importing an old JSON state file once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-tray-serve-state-'));
    try {
      const state = join(dir, 'state.json');
      const url = feeds.url('/summary.json');
      const old = emptyEngineState();
      old.sources.acme = { ...newSourceState(url), baselined: true, etag: '"g1"', contentHash: 'x' };
      writeFileSync(state, JSON.stringify(old));
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      server = await startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', sources: [{ id: 'acme', url }], state }, { env: {}, clock: new FakeClock(), logDestination: sink });
      await server.engine.checkNow();
      // The imported validators made the poll conditional.
      expect(feeds.requests('/summary.json').at(-1)?.headers['if-none-match']).toBe('"g1"');
      await server.close();
      server = undefined;
      expect(existsSync(join(dir, 'state.db'))).toBe(true);
      expect(existsSync(`${state}.migrated`)).toBe(true);
      expect(existsSync(state)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
