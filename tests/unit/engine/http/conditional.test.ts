/**
 * Conditional GET through the feed server: what goes on the wire and what comes back (docs/http-and-faults.md rows
 * 23–27 at the fetch level, and the Feed Reader Score criteria).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import type { FetchOutcome } from '../../../../shared/engine/http/types';
import type { FetchPort } from '../../../../shared/engine/ports';
import { readFeedBytes } from '../../../support/feeds';
import { rawHeader, useHttpHarness } from './harness';

const GITHUB_SUMMARY = 'statuspage-json/githubstatus-summary-2026-09-25-operational.json';
const GITHUB_ATOM = 'statuspage-feeds/githubstatus-history-2026-08-22.atom';

function bodyOf(outcome: FetchOutcome) {
  if (outcome.kind !== 'body') throw new Error(`expected a body, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('conditional GET', () => {
  const h = useHttpHarness();

  it('sends a plain first request: our User-Agent and Accept, no validators, cookies, referrer or cache headers', async () => {
    h.server.serveFile('/summary.json', GITHUB_SUMMARY, { etag: '"v1"' });
    const outcome = bodyOf(await fetchSource({ url: h.server.url('/summary.json') }, h.deps()));
    expect(outcome.contentHash).toBe(createHash('sha256').update(readFeedBytes(GITHUB_SUMMARY)).digest('hex'));

    const [req] = h.server.requests('/summary.json');
    expect(req?.headers['user-agent']).toBe('StatusTray/0.1.0 (+https://github.com/status-tray/status-tray)');
    expect(req?.headers.accept).toContain('application/json');
    expect(req?.headers.accept).toContain('application/atom+xml');
    expect(req?.headers['accept-encoding']).toBe('gzip, br');
    for (const absent of ['if-none-match', 'if-modified-since', 'cookie', 'referer', 'pragma', 'cache-control']) {
      expect(req?.headers[absent], absent).toBeUndefined();
    }
  });

  it('echoes W/"a" and Last-Modified byte-exactly and gets not-modified from a 304 (row 24)', async () => {
    const lastModified = 'Tue, 22 Sep 2026 03:43:56 GMT';
    h.server.serveFile('/history.atom', GITHUB_ATOM, { etag: 'W/"a"', lastModified });

    const first = bodyOf(await fetchSource({ url: h.server.url('/history.atom') }, h.deps()));
    expect(first.etag).toBe('W/"a"');
    expect(first.lastModified).toBe(lastModified);
    expect(first.body.startsWith('<?xml')).toBe(true);

    const second = await fetchSource(
      { url: h.server.url('/history.atom'), etag: first.etag, lastModified: first.lastModified },
      h.deps(),
    );
    expect(second.kind).toBe('not-modified');
    if (second.kind === 'not-modified') {
      expect(second.etag).toBe('W/"a"');
      expect(second.wireBytes).toBe(0);
    }

    const sent = h.server.requests('/history.atom')[1]?.rawHeaders ?? [];
    expect(rawHeader(sent, 'If-None-Match')).toBe('W/"a"');
    expect(rawHeader(sent, 'If-Modified-Since')).toBe(lastModified);
    // A revalidation, not a forced reload: cache mode no-cache sends only max-age=0, and no Pragma.
    expect(rawHeader(sent, 'Cache-Control')).toBe('max-age=0');
    expect(rawHeader(sent, 'Pragma')).toBeUndefined();
  });

  it('does not read the body of a 304, and returns the 304\'s validators (row 23)', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({ pull: () => void pulls++ }, { highWaterMark: 0 });
    const fake304 = {
      status: 304,
      ok: false,
      headers: new Headers({ etag: '"fresh"', 'cache-control': 'max-age=120' }),
      body,
      text: () => Promise.reject(new Error('text() must not be called on a 304')),
      arrayBuffer: () => Promise.reject(new Error('arrayBuffer() must not be called on a 304')),
    } as unknown as Response;
    const fetch: FetchPort = async () => fake304;
    const outcome = await fetchSource({ url: 'https://status.example/history.atom', etag: '"old"' }, h.deps({ fetch }));
    expect(outcome).toMatchObject({ kind: 'not-modified', etag: '"fresh"', maxAgeSeconds: 120 });
    expect(pulls).toBe(0);
  });

  it('treats a 304 to a request without validators as a server fault (unexpected-304), not as "unchanged"', async () => {
    h.server.handle('/always-304', (_req, res) => res.writeHead(304, { ETag: '"z"' }).end());
    const outcome = await fetchSource({ url: h.server.url('/always-304') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'unexpected-304', httpStatus: 304 } });
    if (outcome.kind === 'error') expect(outcome.error.message).toMatch(/304 Not Modified/);
    // With a validator the same answer is an ordinary revalidation.
    const revalidated = await fetchSource({ url: h.server.url('/always-304'), etag: '"z"' }, h.deps());
    expect(revalidated.kind).toBe('not-modified');
  });

  it('returns the new ETag with the same hash when only the ETag changed (row 25)', async () => {
    const body = readFeedBytes(GITHUB_SUMMARY);
    h.server.serveBody('/s.json', body, { 'Content-Type': 'application/json', ETag: '"1"' });
    const first = bodyOf(await fetchSource({ url: h.server.url('/s.json') }, h.deps()));
    h.server.swap('/s.json', { body, etag: '"2"' });
    const second = bodyOf(await fetchSource({ url: h.server.url('/s.json'), etag: first.etag }, h.deps()));
    expect(second.etag).toBe('"2"');
    expect(second.contentHash).toBe(first.contentHash);
  });

  it('gives the same hash when a server ignores validators and always answers 200 (row 26)', async () => {
    h.server.serveFile('/ignore.atom', GITHUB_ATOM, { etag: '"x"', ignoreValidators: true });
    const first = bodyOf(await fetchSource({ url: h.server.url('/ignore.atom') }, h.deps()));
    const second = bodyOf(await fetchSource({ url: h.server.url('/ignore.atom'), etag: first.etag }, h.deps()));
    expect(second.contentHash).toBe(first.contentHash);
    expect(h.server.requests('/ignore.atom')[1]?.headers['if-none-match']).toBe('"x"');
  });

  it('gives a new hash and validators when the document changed', async () => {
    h.server.serveFile('/feed.atom', 'statuspage-feeds/digitalocean-history-2019-10-30.atom', {
      etag: '"d1"',
      lastModified: 'Wed, 30 Oct 2019 23:05:12 GMT',
    });
    const first = bodyOf(await fetchSource({ url: h.server.url('/feed.atom') }, h.deps()));
    h.server.swap('/feed.atom', 'statuspage-feeds/digitalocean-history-2019-10-31-active.atom');
    const second = bodyOf(
      await fetchSource({ url: h.server.url('/feed.atom'), etag: first.etag, lastModified: first.lastModified }, h.deps()),
    );
    expect(second.contentHash).not.toBe(first.contentHash);
    expect(second.etag).not.toBe('"d1"');
    expect(second.lastModified).toBe('Wed, 30 Oct 2019 23:06:12 GMT');
  });

  it('echoes a Last-Modified in 2099 verbatim (row 27)', async () => {
    const future = 'Thu, 01 Jan 2099 00:00:00 GMT';
    h.server.serveBody('/future.json', '{"ok":true}', { 'Content-Type': 'application/json', 'Last-Modified': future });
    const first = bodyOf(await fetchSource({ url: h.server.url('/future.json') }, h.deps()));
    expect(first.lastModified).toBe(future);
    const second = await fetchSource({ url: h.server.url('/future.json'), lastModified: first.lastModified }, h.deps());
    expect(second.kind).toBe('not-modified');
    expect(rawHeader(h.server.requests('/future.json')[1]?.rawHeaders ?? [], 'If-Modified-Since')).toBe(future);
  });

  it('reads Cache-Control max-age into maxAgeSeconds', async () => {
    h.server.serveBody('/cc.json', '{}', { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300, s-maxage=10' });
    const outcome = bodyOf(await fetchSource({ url: h.server.url('/cc.json') }, h.deps()));
    expect(outcome.maxAgeSeconds).toBe(300);
  });

  it('decodes the charset from Content-Type and reports decompressed size and hash', async () => {
    const latin1 = Buffer.from('<?xml version="1.0"?><rss><title>Caf\xe9 \xfcber</title></rss>', 'latin1');
    h.server.serveBody('/latin1.rss', latin1, { 'Content-Type': 'application/rss+xml; charset=ISO-8859-1' });
    const outcome = bodyOf(await fetchSource({ url: h.server.url('/latin1.rss') }, h.deps()));
    expect(outcome.body).toContain('Café über');
    expect(outcome.bytes).toBe(latin1.length);
    expect(outcome.contentHash).toBe(createHash('sha256').update(latin1).digest('hex'));
    expect(outcome.contentType).toBe('application/rss+xml; charset=ISO-8859-1');
  });
});
