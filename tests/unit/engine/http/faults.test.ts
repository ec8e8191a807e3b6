/**
 * Rows of docs/http-and-faults.md at the fetch level: connection and socket failures, deadlines, oversize and compressed
 * bodies, DNS. Each fault is injected by the local feed server (or a fake fetch where no server can show it).
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import type { FetchOutcome } from '../../../../shared/engine/http/types';
import type { FetchPort } from '../../../../shared/engine/ports';
import { readFeed } from '../../../support/feeds';
import { deferred, NOW, socketClosed, useHttpHarness } from './harness';

const ATOM = 'statuspage-feeds/githubstatus-history-2026-07-09-active.atom';

function errorOf(outcome: FetchOutcome) {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  return outcome.error;
}

describe('fetch faults', () => {
  const h = useHttpHarness();

  it('row 1: connection refused is a network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const error = errorOf(await fetchSource({ url: `http://127.0.0.1:${port}/feed` }, h.deps()));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/refused/);
    expect(error.at).toBe(NOW);
  });

  it('row 2: headers never sent → timeout at the headers deadline, and the server sees the connection close', async () => {
    const closed = deferred<Promise<void>>();
    h.server.handle('/hang', (req) => closed.resolve(socketClosed(req.socket)));
    const error = errorOf(await fetchSource({ url: h.server.url('/hang') }, h.deps()));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not start answering/);
    await (await closed.promise);
  });

  it('row 3: a body that stalls → timeout, and no partial body is returned', async () => {
    const closed = deferred<Promise<void>>();
    h.server.handle('/stall', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.write('<rss>');
      closed.resolve(socketClosed(req.socket));
    });
    const outcome = await fetchSource({ url: h.server.url('/stall') }, h.deps());
    expect(outcome.kind).toBe('error');
    expect(errorOf(outcome).code).toBe('timeout');
    expect(errorOf(outcome).message).toMatch(/did not finish answering/);
    expect('body' in outcome).toBe(false);
    await (await closed.promise);
  });

  it('row 4: a slow drip (1 byte / 100 ms) is stopped by the total deadline', async () => {
    h.server.handle('/drip', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const timer = setInterval(() => res.write('x'), 100);
      req.socket.once('close', () => clearInterval(timer));
    });
    // Headers arrive at once, so only the total deadline can end this.
    const error = errorOf(await fetchSource({ url: h.server.url('/drip') }, h.deps({ limits: { headersTimeoutMs: 400, totalTimeoutMs: 700 } })));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not finish answering/);
  });

  it('row 5: a reset mid-body is a network error, not a wait for the deadline', async () => {
    h.server.handle('/reset-body', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': '100000' });
      res.write('<rss><channel>');
      setTimeout(() => req.socket.destroy(), 20);
    });
    // Deadlines far away: a timeout error here would mean the reset went unnoticed.
    const error = errorOf(await fetchSource({ url: h.server.url('/reset-body') }, h.deps({ limits: { headersTimeoutMs: 10_000, totalTimeoutMs: 10_000 } })));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/cut off/);
  });

  it('row 6: a reset before headers is a network error', async () => {
    h.server.handle('/reset', (req) => req.socket.destroy());
    const error = errorOf(await fetchSource({ url: h.server.url('/reset') }, h.deps({ limits: { headersTimeoutMs: 10_000, totalTimeoutMs: 10_000 } })));
    expect(error.code).toBe('network');
  });

  it('row 7: a 50 MB streamed body is aborted at the 5 MiB cap and the server stops sending', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const done = deferred<number>();
    h.server.handle('/huge', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }); // chunked: no Content-Length to reject early
      const pump = () => {
        while (sent < 50 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      req.socket.once('close', () => done.resolve(sent));
      pump();
    });
    const error = errorOf(await fetchSource({ url: h.server.url('/huge') }, h.deps({ limits: { totalTimeoutMs: 20_000, headersTimeoutMs: 5_000 } })));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/larger than 5 MiB/);
    // The connection was dropped long before the server could push all 50 chunks.
    expect(await done.promise).toBeLessThan(50);
  });

  it('rejects a Content-Length over the cap before reading, and closes the connection', async () => {
    const closed = deferred<Promise<void>>();
    h.server.handle('/declared', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(50e6) });
      res.write(Buffer.alloc(1024));
      closed.resolve(socketClosed(req.socket));
    });
    const outcome = await fetchSource({ url: h.server.url('/declared') }, h.deps({ limits: { maxBodyBytes: 64 * 1024 } }));
    expect(errorOf(outcome)).toMatchObject({ code: 'too-large', httpStatus: 200 });
    await (await closed.promise);
  });

  it('row 9: a gzip bomb is aborted at the decompressed cap', async () => {
    const bomb = gzipSync(Buffer.alloc(200e6));
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024); // small on the wire, so only decompressed counting stops it
    h.server.handle('/bomb', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
      res.end(bomb);
    });
    const error = errorOf(await fetchSource({ url: h.server.url('/bomb') }, h.deps({ limits: { totalTimeoutMs: 20_000, headersTimeoutMs: 5_000 } })));
    expect(error.code).toBe('too-large');
  }, 30_000);

  it('row 10: gzip forced on the client still parses, and wire bytes are the compressed size', async () => {
    const text = readFeed(ATOM);
    h.server.serveFile('/forced.atom', ATOM, { compress: 'force-gzip' });
    const outcome = await fetchSource({ url: h.server.url('/forced.atom') }, h.deps());
    expect(outcome.kind).toBe('body');
    if (outcome.kind !== 'body') return;
    expect(outcome.body).toBe(text);
    expect(outcome.bytes).toBe(Buffer.byteLength(text));
    expect(outcome.wireBytes).toBe(gzipSync(Buffer.from(text)).length);
  });

  it('decodes deflate even though we only advertise gzip and br', async () => {
    const text = '{"status":{"indicator":"none"}}';
    h.server.handle('/deflate', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'deflate' });
      res.end(deflateSync(Buffer.from(text)));
    });
    const outcome = await fetchSource({ url: h.server.url('/deflate') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'body', body: text });
  });

  it('negotiates brotli when offered', async () => {
    h.server.serveFile('/br.atom', ATOM, { compress: 'br' });
    const outcome = await fetchSource({ url: h.server.url('/br.atom') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'body', body: readFeed(ATOM) });
    if (outcome.kind === 'body') expect(outcome.wireBytes).toBeLessThan(outcome.bytes);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('row 12: a lookup failure (%s) is a dns error', async (code) => {
    const fetch: FetchPort = () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ${code} status.invalid`), { code }) }));
    const error = errorOf(await fetchSource({ url: 'https://status.invalid/api/v2/summary.json' }, h.deps({ fetch })));
    expect(error.code).toBe('dns');
    expect(error.message).toMatch(/status\.invalid/);
  });

  it('a fetch that throws synchronously is still an error outcome, not an exception', async () => {
    const fetch: FetchPort = () => {
      throw new Error('boom');
    };
    const error = errorOf(await fetchSource({ url: 'https://status.example/' }, h.deps({ fetch })));
    expect(error.code).toBe('network');
  });

  it('the caller signal cancels a request in flight and the server sees the connection close', async () => {
    const stop = new AbortController();
    const closed = deferred<Promise<void>>();
    h.server.handle('/slow', (req) => {
      closed.resolve(socketClosed(req.socket));
      stop.abort();
    });
    const error = errorOf(
      await fetchSource({ url: h.server.url('/slow') }, h.deps({ signal: stop.signal, limits: { headersTimeoutMs: 10_000, totalTimeoutMs: 10_000 } })),
    );
    expect(error).toMatchObject({ code: 'network' });
    expect(error.message).toMatch(/cancelled/);
    await (await closed.promise);
  });

  it('an already-aborted caller signal sends nothing', async () => {
    h.server.serveBody('/never', '{}', { 'Content-Type': 'application/json' });
    const error = errorOf(await fetchSource({ url: h.server.url('/never') }, h.deps({ signal: AbortSignal.abort() })));
    expect(error.message).toMatch(/cancelled/);
    expect(h.server.count('/never')).toBe(0);
  });

  it('row 13: one stalled source among ten does not hold up the other nine on the shared agent', async () => {
    h.server.handle('/stalled', () => undefined);
    for (let i = 0; i < 9; i++) h.server.serveFile(`/ok/${i}`, ATOM, { etag: `"${i}"` });
    const urls = ['/stalled', ...Array.from({ length: 9 }, (_, i) => `/ok/${i}`)].map((p) => h.server.url(p));
    const outcomes = await Promise.all(urls.map((url) => fetchSource({ url }, h.deps())));
    expect(outcomes[0]?.kind).toBe('error');
    expect(outcomes.slice(1).map((o) => o.kind)).toEqual(Array(9).fill('body'));
  });

  it('after a timeout the shared agent still serves the next request', async () => {
    h.server.handle('/hang', () => undefined);
    h.server.serveFile('/ok.atom', ATOM);
    expect(errorOf(await fetchSource({ url: h.server.url('/hang') }, h.deps())).code).toBe('timeout');
    expect((await fetchSource({ url: h.server.url('/ok.atom') }, h.deps())).kind).toBe('body');
  });
});
