/**
 * The Node FetchPort's fast path (wire-request.ts + wire-fetch.ts) against undici's own `fetch` on the same
 * server: the same request bytes on the wire and the same `fetchSource` outcome for every kind of answer
 * the engine meets, so swapping the implementation changed speed, not behaviour.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import type { FetchOutcome, FetchSourceRequest } from '../../../../shared/engine/http/types';
import type { FetchPort } from '../../../../shared/engine/ports';
import { readFeedBytes } from '../../../support/feeds';
import { useHttpHarness } from '../../engine/http/harness';

const ATOM = 'statuspage-feeds/githubstatus-history-2026-07-09-active.atom';
const JSON_BODY = '{"status":{"indicator":"none"}}';

describe('Node FetchPort fast path vs undici fetch', () => {
  const h = useHttpHarness();
  let reference: Agent;
  let referenceFetch: FetchPort;
  beforeEach(() => {
    reference = new Agent();
    referenceFetch = async (input, init) =>
      (await undiciFetch(input, { ...(init as object), dispatcher: reference } as Parameters<typeof undiciFetch>[1])) as unknown as Response;
  });
  afterEach(() => reference.destroy());

  /** fetchSource through both implementations, one after the other; returns both outcomes and what each sent. */
  async function both(path: string, req: Omit<FetchSourceRequest, 'url'> = {}) {
    const url = h.server.url(path);
    const fast = await fetchSource({ url, ...req }, h.deps());
    const slow = await fetchSource({ url, ...req }, h.deps({ fetch: referenceFetch }));
    const sent = h.server.requests(path.split('?')[0]!).slice(-2);
    return { fast, slow, sent };
  }

  const cases: Array<[string, (path: string) => void, Omit<FetchSourceRequest, 'url'>?]> = [
    ['a plain 200 feed', (p) => h.server.serveFile(p, ATOM, { etag: '"e1"', lastModified: 'Thu, 09 Jul 2026 07:04:08 GMT' })],
    ['a 304 to validators', (p) => h.server.serveFile(p, ATOM, { etag: 'W/"e1"' }), { etag: 'W/"e1"', lastModified: 'Thu, 09 Jul 2026 07:04:08 GMT' }],
    ['a gzip body', (p) => h.server.serveFile(p, ATOM, { compress: 'gzip' })],
    ['a brotli body', (p) => h.server.serveFile(p, ATOM, { compress: 'br' })],
    ['a zlib deflate body', (p) => h.server.serveBody(p, deflateSync(JSON_BODY), { 'Content-Type': 'application/json', 'Content-Encoding': 'deflate' })],
    ['a raw deflate body', (p) => h.server.serveBody(p, deflateRawSync(JSON_BODY), { 'Content-Type': 'application/json', 'Content-Encoding': 'deflate' })],
    ['two codings (gzip over br)', (p) =>
      h.server.serveBody(p, gzipSync(brotliCompressSync(JSON_BODY)), { 'Content-Type': 'application/json', 'Content-Encoding': 'br, gzip' })],
    ['an unknown coding, passed through', (p) => h.server.serveBody(p, JSON_BODY, { 'Content-Type': 'application/json', 'Content-Encoding': 'x-custom' })],
    ['a corrupt gzip body', (p) => h.server.serveBody(p, Buffer.from('this is not gzip at all'), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })],
    ['a 301 with a body', (p) => h.server.handle(p, (_q, res) => res.writeHead(301, { Location: '/moved-away' }).end('moved'))],
    ['a 404', (p) => h.server.handle(p, (_q, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<p>nope</p>'))],
    ['a 503 with Retry-After', (p) => h.server.handle(p, (_q, res) => res.writeHead(503, { 'Retry-After': '120' }).end())],
    ['repeated headers and odd casing', (p) =>
      h.server.handle(p, (_q, res) => {
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.setHeader('CACHE-control', 'max-age=60');
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ETag: '"x"' }).end(JSON_BODY);
      })],
    ['a reset after part of the body', (p) =>
      h.server.handle(p, (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"status":');
        setTimeout(() => req.socket.destroy(), 10);
      })],
    ['a reset before the headers', (p) => h.server.handle(p, (req) => req.socket.destroy())],
    // Compressed bodies up to 1 MB are decoded in one call when complete; these pin that path to the streams'.
    ['a truncated gzip body', (p) => {
      const gz = gzipSync(readFeedBytes(ATOM));
      h.server.serveBody(p, gz.subarray(0, gz.length - 4000), { 'Content-Type': 'application/atom+xml', 'Content-Encoding': 'gzip' });
    }],
    ['two gzip members back to back', (p) =>
      h.server.serveBody(p, Buffer.concat([gzipSync('{"a":'), gzipSync('1}')]), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })],
    ['a gzip body with trailing garbage', (p) =>
      h.server.serveBody(p, Buffer.concat([gzipSync(JSON_BODY), Buffer.from('garbage')]), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })],
    ['an empty gzip body', (p) => h.server.serveBody(p, Buffer.alloc(0), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })],
    ['a small gzip body that decodes past the body cap', (p) =>
      h.server.serveBody(p, gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20)), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })],
    ['a gzip body over 1 MB compressed, streamed', (p) =>
      h.server.serveBody(p, gzipSync(randomText(1_400_000)), { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' })],
  ];

  it.each(cases)('%s', async (_name, serve, req) => {
    serve('/case');
    const { fast, slow, sent } = await both('/case', req);
    expect(normalise(fast)).toEqual(normalise(slow));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.rawHeaders).toEqual(sent[1]!.rawHeaders);
    expect(sent[0]!.url).toBe(sent[1]!.url);
  });

  it('keeps a bare trailing "?" and the query on the request line, as fetch does', async () => {
    h.server.serveBody('/q', JSON_BODY, { 'Content-Type': 'application/json' });
    await fetchSource({ url: h.server.url('/q?') }, h.deps());
    await fetchSource({ url: h.server.url('/q?a=1&b=%20') }, h.deps());
    expect(h.server.requests('/q').map((r) => r.url)).toEqual(['/q?', '/q?a=1&b=%20']);
  });

  it('gives the same Response shape to a direct caller: status, headers in order, url, body bytes', async () => {
    const bytes = readFeedBytes(ATOM);
    h.server.serveFile('/direct.atom', ATOM, { etag: '"d"' });
    const init: RequestInit = { redirect: 'manual', headers: { 'User-Agent': 'T/1' } };
    const fast = await h.http.fetch(h.server.url('/direct.atom'), init);
    const slow = await referenceFetch(h.server.url('/direct.atom'), init);
    expect([fast.status, fast.ok, fast.statusText, fast.url, fast.redirected]).toEqual([slow.status, slow.ok, slow.statusText, slow.url, slow.redirected]);
    expect([...fast.headers].filter(([n]) => n !== 'date')).toEqual([...slow.headers].filter(([n]) => n !== 'date'));
    expect(Buffer.from(await fast.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Buffer.from(await slow.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('hands calls it does not cover (redirect: follow) to undici fetch, which follows them', async () => {
    h.server.handle('/from', (_q, res) => res.writeHead(302, { Location: '/to' }).end());
    h.server.serveBody('/to', JSON_BODY, { 'Content-Type': 'application/json' });
    const res = await h.http.fetch(h.server.url('/from'), {});
    expect(res.status).toBe(200);
    expect(res.redirected).toBe(true);
    expect(await res.text()).toBe(JSON_BODY);
  });

  it('rejects with a TypeError once the agent is closed', async () => {
    await h.http.close();
    await expect(h.http.fetch(h.server.url('/x'), { redirect: 'manual' })).rejects.toThrow(TypeError);
  });

  it('refuses an invalid header value with a TypeError, as new Headers() does', async () => {
    await expect(h.http.fetch(h.server.url('/x'), { redirect: 'manual', headers: { 'X-Bad': 'a\r\nInjected: 1' } })).rejects.toThrow(TypeError);
    expect(h.server.count('/x')).toBe(0);
  });
});

/** `length` bytes of printable text that gzip cannot shrink much (a fixed generator: the same every run). */
function randomText(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = 0x21 + ((x >>> 0) % 94);
  }
  return out;
}

/** Outcomes compared without the local times and messages' volatile parts (both use NOW, so only `at` is equal anyway). */
function normalise(outcome: FetchOutcome): unknown {
  return JSON.parse(JSON.stringify(outcome));
}
