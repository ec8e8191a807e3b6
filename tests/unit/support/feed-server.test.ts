/**
 * The local feed server behaves like an origin for conditional requests, so engine tests and the bench can
 * rely on it (weak ETag comparison, If-Modified-Since, swap, logging, close).
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { readFeedBytes } from '../../support/feeds';

const FEED = 'statuspage-feeds/streamyard-history-2024-06.rss';

/** A raw GET with exactly the given headers (no fetch defaults). */
function get(server: FeedServer, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(server.url(path), { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function withServer(fn: (server: FeedServer) => Promise<void>) {
  const server = await startFeedServer();
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

describe('feed server', () => {
  it('listens on 127.0.0.1 and serves a captured feed with its validators', () =>
    withServer(async (server) => {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      server.serveFile('/history.rss', FEED, { etag: '"e1"', lastModified: 'Mon, 10 Jun 2024 11:10:42 GMT' });
      const res = await get(server, '/history.rss');
      expect(res.status).toBe(200);
      expect(res.body.equals(readFeedBytes(FEED))).toBe(true);
      expect(res.headers['content-type']).toMatch(/rss\+xml/);
      expect(res.headers.etag).toBe('"e1"');
    }));

  it('answers 304 to If-None-Match by weak comparison, including lists and *', () =>
    withServer(async (server) => {
      server.serveFile('/f', FEED, { etag: '"e1"' });
      expect((await get(server, '/f', { 'If-None-Match': 'W/"e1"' })).status).toBe(304);
      expect((await get(server, '/f', { 'If-None-Match': '"zz", "e1"' })).status).toBe(304);
      expect((await get(server, '/f', { 'If-None-Match': '*' })).status).toBe(304);
      expect((await get(server, '/f', { 'If-None-Match': '"e2"' })).status).toBe(200);
    }));

  it('answers 304 to If-Modified-Since at or after Last-Modified, and lets If-None-Match take precedence', () =>
    withServer(async (server) => {
      server.serveFile('/f', FEED, { etag: '"e1"', lastModified: 'Mon, 10 Jun 2024 11:10:42 GMT' });
      expect((await get(server, '/f', { 'If-Modified-Since': 'Mon, 10 Jun 2024 11:10:42 GMT' })).status).toBe(304);
      expect((await get(server, '/f', { 'If-Modified-Since': 'Tue, 11 Jun 2024 00:00:00 GMT' })).status).toBe(304);
      expect((await get(server, '/f', { 'If-Modified-Since': 'Sun, 09 Jun 2024 00:00:00 GMT' })).status).toBe(200);
      const both = await get(server, '/f', { 'If-None-Match': '"old"', 'If-Modified-Since': 'Tue, 11 Jun 2024 00:00:00 GMT' });
      expect(both.status).toBe(200);
    }));

  it('swap changes the body and moves the validators on', () =>
    withServer(async (server) => {
      server.serveBody('/s', 'one', { ETag: 'W/"1"', 'Last-Modified': 'Mon, 10 Jun 2024 11:10:42 GMT', 'Cache-Control': 'max-age=5' });
      server.swap('/s', Buffer.from('two'));
      const res = await get(server, '/s', { 'If-None-Match': 'W/"1"' });
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe('two');
      expect(res.headers.etag).toMatch(/^W\/"[0-9a-f]{16}"$/);
      expect(res.headers['last-modified']).toBe('Mon, 10 Jun 2024 11:11:42 GMT');
      expect(res.headers['cache-control']).toBe('max-age=5');
    }));

  it('counts and logs requests per path, and answers 404 for unknown paths', () =>
    withServer(async (server) => {
      server.serveBody('/a', 'x', {});
      await get(server, '/a?cache=bust', { 'X-Probe': '1' });
      await get(server, '/a');
      expect((await get(server, '/missing')).status).toBe(404);
      expect(server.count('/a')).toBe(2);
      expect(server.requests('/a')[0]?.url).toBe('/a?cache=bust');
      expect(server.requests('/a')[0]?.headers['x-probe']).toBe('1');
      expect(server.totalRequests()).toBe(3);
    }));

  it('hands a path to a fault handler with the request count', () =>
    withServer(async (server) => {
      server.handle('/flaky', (_req, res, ctx) => res.writeHead(ctx.count === 1 ? 503 : 200).end(String(ctx.count)));
      expect((await get(server, '/flaky')).status).toBe(503);
      expect((await get(server, '/flaky')).status).toBe(200);
    }));

  it('close() destroys connections a handler left hanging', async () => {
    const server = await startFeedServer();
    server.handle('/hang', () => undefined);
    const pending = get(server, '/hang').then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    expect(await pending).toBe('closed');
  });
});
