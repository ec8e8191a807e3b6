/**
 * Redirects followed by hand (docs/http-and-faults.md, "Redirects", rows 14 and 17): at most 5 hops, http(s) only, never
 * https→http, loops refused, relative Location resolved, and `permanentUrl` only for a leading 301/308 run.
 */
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import type { FetchOutcome } from '../../../../shared/engine/http/types';
import type { FetchPort } from '../../../../shared/engine/ports';
import { useHttpHarness } from './harness';

const ATOM = 'statuspage-feeds/githubstatus-history-2026-08-22.atom';

function errorOf(outcome: FetchOutcome) {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  return outcome.error;
}

describe('redirects', () => {
  const h = useHttpHarness();
  const redirect = (from: string, status: number, location: string) =>
    h.server.handle(from, (_req, res) => res.writeHead(status, { Location: location }).end(`moved to ${location}`));

  it('row 14: a 302 to itself is a redirect error after at most 5 hops', async () => {
    redirect('/loop', 302, '/loop');
    const error = errorOf(await fetchSource({ url: h.server.url('/loop') }, h.deps()));
    expect(error.code).toBe('redirect');
    expect(error.message).toMatch(/loop/);
    expect(h.server.count('/loop')).toBeGreaterThanOrEqual(1);
    expect(h.server.count('/loop')).toBeLessThanOrEqual(6);
  });

  it('follows at most 5 redirects of a longer chain', async () => {
    for (let i = 0; i < 8; i++) redirect(`/hop/${i}`, 302, `/hop/${i + 1}`);
    h.server.serveFile('/hop/8', ATOM);
    const error = errorOf(await fetchSource({ url: h.server.url('/hop/0') }, h.deps()));
    expect(error.code).toBe('redirect');
    expect(error.message).toMatch(/more than 5/);
    const hit = Array.from({ length: 9 }, (_, i) => h.server.count(`/hop/${i}`));
    expect(hit).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]); // the first request and 5 followed hops
  });

  it('follows exactly 5 redirects to a feed', async () => {
    for (let i = 0; i < 5; i++) redirect(`/five/${i}`, 307, `/five/${i + 1}`);
    h.server.serveFile('/five/5', ATOM);
    const outcome = await fetchSource({ url: h.server.url('/five/0') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'body', finalUrl: h.server.url('/five/5') });
    if (outcome.kind === 'body') expect(outcome.permanentUrl).toBeUndefined();
  });

  it('row 17: a chain of 301s yields the target as permanentUrl and finalUrl', async () => {
    redirect('/old', 301, '/older');
    redirect('/older', 308, h.server.url('/new'));
    h.server.serveFile('/new', ATOM, { etag: '"n"' });
    const outcome = await fetchSource({ url: h.server.url('/old') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'body', finalUrl: h.server.url('/new'), permanentUrl: h.server.url('/new'), etag: '"n"' });
  });

  it('a 302 after a 301 cuts the permanent run: permanentUrl is where the 301 pointed', async () => {
    redirect('/a', 301, '/b');
    redirect('/b', 302, '/c');
    redirect('/c', 301, '/d');
    h.server.serveFile('/d', ATOM);
    const outcome = await fetchSource({ url: h.server.url('/a') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'body', finalUrl: h.server.url('/d'), permanentUrl: h.server.url('/b') });
  });

  it('a 302 never yields a permanentUrl', async () => {
    redirect('/temp', 302, '/elsewhere');
    h.server.serveFile('/elsewhere', ATOM);
    const outcome = await fetchSource({ url: h.server.url('/temp') }, h.deps());
    expect(outcome.kind).toBe('body');
    if (outcome.kind === 'body') {
      expect(outcome.finalUrl).toBe(h.server.url('/elsewhere'));
      expect(outcome.permanentUrl).toBeUndefined();
    }
  });

  it('reports permanentUrl on a 304 at the end of a 301 too, and sends validators on every hop', async () => {
    redirect('/moved.atom', 301, '/history.atom');
    h.server.serveFile('/history.atom', ATOM, { etag: '"h"' });
    const outcome = await fetchSource({ url: h.server.url('/moved.atom'), etag: '"h"' }, h.deps());
    expect(outcome).toMatchObject({ kind: 'not-modified', permanentUrl: h.server.url('/history.atom') });
    expect(h.server.requests('/moved.atom')[0]?.headers['if-none-match']).toBe('"h"');
  });

  it('resolves a relative Location against the current URL', async () => {
    redirect('/feeds/a/old.atom', 301, '../b/new.atom?x=1');
    h.server.serveFile('/feeds/b/new.atom', ATOM);
    const outcome = await fetchSource({ url: h.server.url('/feeds/a/old.atom') }, h.deps());
    expect(outcome).toMatchObject({ kind: 'body', finalUrl: h.server.url('/feeds/b/new.atom?x=1') });
  });

  it('refuses a redirect to a non-http scheme', async () => {
    redirect('/file', 302, 'file:///etc/passwd');
    const error = errorOf(await fetchSource({ url: h.server.url('/file') }, h.deps()));
    expect(error).toMatchObject({ code: 'redirect', httpStatus: 302 });
    expect(error.message).toMatch(/file:/);
  });

  it('refuses a 3xx without Location', async () => {
    h.server.handle('/nowhere', (_req, res) => res.writeHead(301).end());
    expect(errorOf(await fetchSource({ url: h.server.url('/nowhere') }, h.deps())).code).toBe('redirect');
  });

  it('never downgrades https to http', async () => {
    const calls: string[] = [];
    const fetch: FetchPort = async (url, init) => {
      calls.push(url);
      expect(init.redirect).toBe('manual');
      return new Response(null, { status: 301, headers: { Location: 'http://status.example/history.atom' } });
    };
    const outcome = await fetchSource({ url: 'https://status.example/history.atom' }, h.deps({ fetch }));
    expect(errorOf(outcome).code).toBe('redirect');
    expect(errorOf(outcome).message).toMatch(/https to insecure http/);
    expect(calls).toEqual(['https://status.example/history.atom']);
  });

  it('reports an opaque redirect (a fetch that hides 3xx) as a redirect error', async () => {
    const fetch: FetchPort = async () => ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null }) as unknown as Response;
    expect(errorOf(await fetchSource({ url: 'https://status.example/' }, h.deps({ fetch }))).code).toBe('redirect');
  });

  it('allows http to https', async () => {
    const fetch: FetchPort = async (url) =>
      url.startsWith('http:')
        ? new Response(null, { status: 301, headers: { Location: 'https://status.example/api/v2/summary.json' } })
        : new Response('{"page":{}}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    const outcome = await fetchSource({ url: 'http://status.example/api/v2/summary.json' }, h.deps({ fetch }));
    expect(outcome).toMatchObject({ kind: 'body', permanentUrl: 'https://status.example/api/v2/summary.json', body: '{"page":{}}' });
  });
});
