/**
 * Rows of docs/http-and-faults.md at the engine level: each fault hits one source while two healthy sources are polled in
 * the same cycle. "E" there means: the faulty source gets a typed lastError and backs off; the healthy
 * sources update; nothing is announced for the faulty one (no `resolved` for incidents that merely went
 * missing); its incidents and validators are kept; the process stays alive.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceErrorCode } from '../../../shared/domain/types';
import { readFeed } from '../../support/feeds';
import { startFeedServer, type FaultHandler, type FeedServer } from '../../support/feed-server';
import { DOCS, source, testEngine, type TestEngine } from './harness';

const CURSOR = DOCS.cursor;
const GITHUB = DOCS.github;
const DO_1030 = DOCS.digitalOcean1030;
const DO_1031 = DOCS.digitalOcean1031;

let server: FeedServer;
let t: TestEngine;

beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/faulty', CURSOR, { etag: '"f1"' });
  server.serveFile('/gh', GITHUB, { etag: '"g1"' });
  server.serveFile('/do', DO_1030, { etag: '"d1"' });
  t = testEngine([source('faulty', server.url('/faulty')), source('gh', server.url('/gh')), source('do', server.url('/do'))]);
  await t.engine.pollOnce(); // every source baselined, the faulty one with an open incident
});
afterEach(async () => {
  await t.close();
  await server.close();
});

/** Inject a fault on /faulty, change the healthy DigitalOcean feed, poll once, and check the "E" contract. */
async function expectIsolatedError(code: SourceErrorCode, inject: () => void): Promise<void> {
  const before = t.store.state.sources.faulty!;
  inject();
  server.swap('/do', DO_1031);
  await t.clock.advance(400_000);
  const snap = await t.engine.pollOnce();
  const faulty = snap.sources.find((s) => s.id === 'faulty')!;

  expect(faulty.lastError?.code).toBe(code);
  expect(faulty.lastError?.message.length).toBeGreaterThan(10);
  expect(faulty.health).toBe('unknown');
  expect(faulty.nextPollAt).toBeGreaterThan(t.clock.now());
  // Incidents and validators kept.
  expect(faulty.status?.activeIncidents.map((i) => i.id)).toEqual(before.lastStatus!.activeIncidents.map((i) => i.id));
  expect(t.store.state.sources.faulty).toMatchObject({ etag: '"f1"', contentHash: before.contentHash, failures: 1 });
  // Nothing announced for the faulty source; the healthy ones updated in the same cycle.
  const later = t.events.slice(3);
  expect(later.filter((e) => e.sourceId === 'faulty')).toEqual([]);
  expect(later.filter((e) => e.sourceId === 'do').map((e) => e.type)).toContain('incident.opened');
  expect(snap.sources.find((s) => s.id === 'gh')).toMatchObject({ health: 'operational', lastCheckedAt: t.clock.now() });
  expect(snap.sources.find((s) => s.id === 'do')?.health).toBe('degraded');
}

const take = (handler: FaultHandler) => () => server.handle('/faulty', handler);

describe('a faulty source beside two healthy ones', () => {
  it('row 1: connection refused', async () => {
    const other = await startFeedServer();
    other.serveFile('/x', CURSOR);
    const url = other.url('/x');
    await other.close();
    // Point the faulty source at a port nobody listens on any more.
    await expectIsolatedError('network', () => server.handle('/faulty', (_req, res) => res.writeHead(301, { Location: url }).end()));
  });

  it('row 2: headers never sent → timeout', () => expectIsolatedError('timeout', take(() => undefined)));

  it('row 3: body stalls → timeout, nothing parsed from the partial body', async () => {
    const parsesBefore = t.parses();
    await expectIsolatedError('timeout', take((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"page":');
    }));
    expect(t.parses()).toBe(parsesBefore + 1); // only the DigitalOcean change was parsed
  });

  it('row 5: reset mid-body', () =>
    expectIsolatedError('network', take((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
      res.write('{"page": {"id": "x"');
      setTimeout(() => req.socket.destroy(), 20);
    })));

  it('row 6: reset before headers', () => expectIsolatedError('network', take((req) => req.socket.destroy())));

  it('row 7: 50 MB body is cut at the cap', () =>
    expectIsolatedError('too-large', take((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50 && !res.destroyed) res.once('drain', () => { sent++; pump(); });
        else res.end();
      };
      pump();
    })));

  it('row 14: redirect loop', () => expectIsolatedError('redirect', take((_req, res) => res.writeHead(302, { Location: '/faulty' }).end())));

  it('row 18: 301 to a maintenance page keeps the URL and is a not-a-feed error', async () => {
    server.serveFile('/maintenance', 'malformed/streamyard-history-page-html-not-feed-2024-06.html');
    await expectIsolatedError('not-a-feed', take((_req, res) => res.writeHead(301, { Location: '/maintenance' }).end()));
    expect(t.store.state.sources.faulty?.url).toBe(server.url('/faulty'));
  });

  it('row 28: 404 and 410 mark the source gone, 500 is an HTTP error', async () => {
    await expectIsolatedError('gone', take((_req, res) => res.writeHead(410).end()));
    expect(t.store.state.sources.faulty?.lastError?.message).toMatch(/gone/i);
  });

  it('row 28: 500', () => expectIsolatedError('http', take((_req, res) => res.writeHead(500).end('oops'))));

  it('row 29: an HTML challenge page served as 200', () =>
    expectIsolatedError('not-a-feed', take((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><head><title>Just a moment...</title></head><body>challenge</body></html>'),
    )));

  it('row 30: truncated XML', () => {
    const atom = readFeed(DO_1030);
    return expectIsolatedError('parse', () => server.serveBody('/faulty', atom.slice(0, Math.floor(atom.length * 0.6)), { 'Content-Type': 'application/atom+xml' }));
  });

  it('row 32: XXE leaves no file content anywhere in state', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title><entry><id>1</id><title>&xxe;</title></entry></feed>`;
    server.serveBody('/faulty', xxe, { 'Content-Type': 'application/atom+xml' });
    await t.clock.advance(400_000);
    await t.engine.pollOnce();
    expect(t.store.text).not.toContain('root:');
  });

  it('row 33: 10k-deep nesting', () =>
    expectIsolatedError('parse', () => server.serveBody('/faulty', `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>x</title><description>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</description></item></channel></rss>`, { 'Content-Type': 'application/rss+xml' })));

  it('row 42: JSON nested 10^6 deep is capped or refused, and the engine goes on', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    server.serveBody('/faulty', `{"page":{"id":"x","name":"Deep","url":"https://example.com","updated_at":"2026-01-01T00:00:00Z"},"components":${deep}}`, { 'Content-Type': 'application/json' });
    server.serveBody('/deep-root', deep, { 'Content-Type': 'application/json' });
    t.engine.setSources([...['faulty', 'gh', 'do'].map((id) => source(id, server.url(`/${id}`))), source('deep', server.url('/deep-root'))]);
    server.swap('/do', DO_1031);
    await t.clock.advance(400_000);
    const snap = await t.engine.pollOnce();
    const faulty = snap.sources.find((s) => s.id === 'faulty')!;
    // Either refused, or read with the nonsense dropped: never a crash, never nested junk kept.
    expect(faulty.lastError?.code ?? faulty.status?.components.length).toSatisfy((v) => v === 'parse' || v === 0);
    expect(snap.sources.find((s) => s.id === 'deep')?.lastError?.code).toMatch(/^(parse|not-a-feed)$/);
    expect(snap.sources.find((s) => s.id === 'do')?.health).toBe('degraded');
  });

  it('row 9: gzip bomb', () => {
    const bomb = gzipSync(Buffer.alloc(50e6));
    return expectIsolatedError('too-large', take((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb)));
  });

  it('row 38: a __proto__ key pollutes nothing', async () => {
    const doc = JSON.parse(readFeed(CURSOR)) as Record<string, unknown>;
    const text = JSON.stringify(doc).replace('{"page"', '{"__proto__":{"polluted":"yes"},"page"');
    server.serveBody('/faulty', text, { 'Content-Type': 'application/json' });
    await t.clock.advance(400_000);
    await t.engine.pollOnce();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(t.store.text).not.toContain('polluted');
  });
});
