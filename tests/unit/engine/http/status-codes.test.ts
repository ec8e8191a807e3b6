/**
 * Non-2xx statuses (docs/http-and-faults.md rows 19, 20, 28): gone, rate-limited with Retry-After measured on the
 * server's clock, and plain HTTP errors.
 */
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import type { FetchOutcome } from '../../../../shared/engine/http/types';
import { useHttpHarness } from './harness';

function errorOutcome(outcome: FetchOutcome) {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  return outcome;
}

describe('status codes', () => {
  const h = useHttpHarness();
  const answer = (path: string, status: number, headers: Record<string, string> = {}) =>
    h.server.handle(path, (_req, res) => res.writeHead(status, { 'Content-Type': 'text/html', ...headers }).end('<h1>nope</h1>'));

  it('row 19: 429 with Retry-After: 120 → rate-limited, retryAfterMs 120 000', async () => {
    answer('/busy', 429, { 'Retry-After': '120' });
    const outcome = errorOutcome(await fetchSource({ url: h.server.url('/busy') }, h.deps()));
    expect(outcome.error).toMatchObject({ code: 'rate-limited', httpStatus: 429 });
    expect(outcome.retryAfterMs).toBe(120_000);
  });

  it('row 20: 503 with an HTTP-date 300 s after the server Date waits 300 s though the local clock is 1 h ahead', async () => {
    const serverDate = Date.UTC(2026, 2, 1, 12, 0, 0);
    answer('/maint', 503, {
      Date: new Date(serverDate).toUTCString(),
      'Retry-After': new Date(serverDate + 300_000).toUTCString(),
    });
    const outcome = errorOutcome(await fetchSource({ url: h.server.url('/maint') }, h.deps({ now: () => serverDate + 3_600_000 })));
    expect(outcome.error).toMatchObject({ code: 'rate-limited', httpStatus: 503 });
    expect(outcome.retryAfterMs).toBe(300_000);
  });

  it('clamps Retry-After to at least 60 s and at most 24 h', async () => {
    answer('/short', 429, { 'Retry-After': '0' });
    answer('/long', 503, { 'Retry-After': String(7 * 24 * 3600) });
    expect(errorOutcome(await fetchSource({ url: h.server.url('/short') }, h.deps())).retryAfterMs).toBe(60_000);
    expect(errorOutcome(await fetchSource({ url: h.server.url('/long') }, h.deps())).retryAfterMs).toBe(86_400_000);
  });

  it('429 without Retry-After is rate-limited with no delay; 503 without it is a plain http error', async () => {
    answer('/429', 429);
    answer('/503', 503);
    const r429 = errorOutcome(await fetchSource({ url: h.server.url('/429') }, h.deps()));
    expect(r429.error.code).toBe('rate-limited');
    expect(r429.retryAfterMs).toBeUndefined();
    const r503 = errorOutcome(await fetchSource({ url: h.server.url('/503') }, h.deps()));
    expect(r503.error).toMatchObject({ code: 'http', httpStatus: 503 });
    expect(r503.retryAfterMs).toBeUndefined();
  });

  it('ignores an unparseable Retry-After', async () => {
    answer('/garbage', 503, { 'Retry-After': 'soon' });
    const outcome = errorOutcome(await fetchSource({ url: h.server.url('/garbage') }, h.deps()));
    expect(outcome.retryAfterMs).toBeUndefined();
    expect(outcome.error.code).toBe('http');
  });

  it('row 28: 404 and 410 are gone, and 410 says the feed is gone', async () => {
    answer('/410', 410);
    const gone = errorOutcome(await fetchSource({ url: h.server.url('/410') }, h.deps())).error;
    expect(gone).toMatchObject({ code: 'gone', httpStatus: 410 });
    expect(gone.message).toMatch(/gone/i);

    const missing = errorOutcome(await fetchSource({ url: h.server.url('/not-served') }, h.deps())).error;
    expect(missing).toMatchObject({ code: 'gone', httpStatus: 404 });
  });

  it.each([401, 403])('%i is gone (private or blocked page)', async (status) => {
    answer('/private', status);
    const error = errorOutcome(await fetchSource({ url: h.server.url('/private') }, h.deps())).error;
    expect(error).toMatchObject({ code: 'gone', httpStatus: status });
  });

  it.each([500, 502, 400])('row 28: %i is an http error with the status', async (status) => {
    answer('/broken', status);
    const outcome = errorOutcome(await fetchSource({ url: h.server.url('/broken') }, h.deps()));
    expect(outcome.error).toMatchObject({ code: 'http', httpStatus: status });
    expect(outcome.error.message).toContain(String(status));
    expect(outcome.finalUrl).toBe(h.server.url('/broken'));
  });

  it('a non-http(s) source URL is an error without a request', async () => {
    const outcome = errorOutcome(await fetchSource({ url: 'ftp://status.example/feed' }, h.deps()));
    expect(outcome.error.code).toBe('http');
    const invalid = errorOutcome(await fetchSource({ url: 'not a url' }, h.deps()));
    expect(invalid.error.message).toMatch(/not a valid web address/);
  });
});
