/**
 * One conditional GET of a status source, following docs/http-and-faults.md ("How a source is polled"):
 * validators sent back byte-exactly, redirects followed by hand, deadlines for headers and for the whole exchange, a cap on the decompressed body, typed errors. The engine decides what to do with the
 * outcome (poll-source.ts).
 */
import { createHash } from 'node:crypto';
import type { SourceError } from '../../domain/types';
import { parseMaxAge } from './cache-control';
import { decodeBody } from './decode-body';
import { Deadline } from './deadline';
import { abortedError, hostOf, redirectError, statusError, thrownError, tooLargeError, unexpectedNotModifiedError } from './fetch-errors';
import { firstSseEventArrived, readCappedBody } from './read-body';
import { retryAfterMs } from './retry-after';
import type { BodyOutcome, FetchDeps, FetchLimits, FetchOutcome, FetchSourceRequest, NotModifiedOutcome, ResponseMeta } from './types';

/** Limits used when `FetchDeps.limits` leaves them out. */
export const DEFAULT_FETCH_LIMITS: Readonly<FetchLimits> = Object.freeze({
  headersTimeoutMs: 15_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
});

/** Formats we read first; anything else is still accepted (some pages serve feeds as text/plain). */
export const ACCEPT_HEADER =
  'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
/** Encodings undici and Chromium both decode; deflate is left out because servers disagree on its framing. */
export const ACCEPT_ENCODING_HEADER = 'gzip, br';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);
/** Header values must be bytes without CR/LF; anything else cannot have come from a real response. */
const SAFE_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;

/**
 * Fetch `req.url` once, conditionally.
 * @param req URL and the stored validators (sent as `If-None-Match` / `If-Modified-Since` exactly as stored).
 * @param deps the fetch port (called with `redirect: 'manual'`), `User-Agent`, optional limits (defaults:
 *   DEFAULT_FETCH_LIMITS), `now()` for `SourceError.at` and `Retry-After` without a `Date`, and an optional
 *   `signal` that cancels the request (error code `network`, "cancelled" — the caller knows it asked).
 * @returns `not-modified` for a 304 to a conditional request, `body` for 2xx (decoded text, SHA-256 hex of
 *   the decompressed bytes and the response's validators), or `error` — including `unexpected-304` for a 304
 *   to a request that carried no validators (RFC 9110 §15.4.5: 304 answers only a conditional GET, so it
 *   says nothing about the document we do not have). Never throws.
 */
export async function fetchSource(req: FetchSourceRequest, deps: FetchDeps): Promise<FetchOutcome> {
  const limits = deps.limits ? withDefaults(deps.limits) : DEFAULT_FETCH_LIMITS;
  const deadline = new Deadline(limits.totalTimeoutMs, deps.signal);
  const hop: Hop = { url: req.url };
  try {
    return await exchange(req, deps, limits, deadline, hop);
  } catch (err) {
    return { kind: 'error', error: failure(err, deadline, hop.url, limits, deps.now()), finalUrl: hop.url };
  } finally {
    deadline.dispose();
  }
}

/** The URL being fetched right now, for the error of an exchange that throws midway. */
interface Hop {
  url: string;
}

/** The error for something that threw: our own abort first (its cause is reliable), else the thrown error. */
function failure(err: unknown, deadline: Deadline, url: string, limits: FetchLimits, at: number): SourceError {
  const cause = deadline.abortCause;
  if (cause) {
    const ms = cause === 'headers-timeout' ? limits.headersTimeoutMs : limits.totalTimeoutMs;
    return abortedError(cause, url, ms, limits.maxBodyBytes, at);
  }
  return thrownError(err, url, at);
}

function errorAt(error: SourceError, finalUrl: string, retryAfter?: number): FetchOutcome {
  const outcome: FetchOutcome = { kind: 'error', error, finalUrl };
  if (retryAfter !== undefined) outcome.retryAfterMs = retryAfter;
  return outcome;
}

/** Normalised hrefs (fragment removed) of URLs already checked, by the string the caller stored. */
const checkedHrefs = new Map<string, string>();
const CHECKED_HREFS_MAX = 4096;

/**
 * The http(s) URL to request for `raw`, fragment removed; or why it cannot be requested. Sources are polled
 * again and again with the same stored URL, so the answer is kept (a bounded map of strings).
 */
function checkedHref(raw: string): string | Omit<SourceError, 'at'> {
  const known = checkedHrefs.get(raw);
  if (known !== undefined) return known;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: 'http', message: `"${raw}" is not a valid web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { code: 'http', message: `Only http and https addresses can be checked, not ${url.protocol}.` };
  }
  if (url.hash) url.hash = '';
  if (checkedHrefs.size >= CHECKED_HREFS_MAX) checkedHrefs.clear();
  checkedHrefs.set(raw, url.href);
  return url.href;
}

async function exchange(
  req: FetchSourceRequest,
  deps: FetchDeps,
  limits: FetchLimits,
  deadline: Deadline,
  hop: Hop,
): Promise<FetchOutcome> {
  const first = checkedHref(req.url);
  if (typeof first !== 'string') return errorAt({ ...first, at: deps.now() }, req.url);
  let url: URL | undefined; // parsed again only when a redirect needs a base

  const { init, conditional } = requestInit(req, deps.userAgent, deadline.signal);
  let visited: Set<string> | undefined; // only redirect chains need it
  let permanentUrl: string | undefined;
  let inPermanentRun = true;

  for (let hops = 0, target = first; ; hops++) {
    hop.url = target;
    deadline.startHeadersTimer(limits.headersTimeoutMs);
    let res: Response;
    try {
      // Awaited inside try, so a fetch that throws synchronously is handled like one that rejects.
      res = await deps.fetch(target, init);
    } finally {
      deadline.stopHeadersTimer();
    }
    if (deadline.abortCause) throw new Error('aborted'); // an implementation that resolved despite the abort

    if (res.type === 'opaqueredirect' || res.status === 0) {
      // A fetch that hides 3xx responses (FetchPort requires it not to) leaves nothing to follow.
      return errorAt(redirectError(`${hostOf(target)} redirected, but the redirect could not be read.`, deps.now()), target);
    }
    if (REDIRECT_STATUSES.has(res.status)) {
      discard(res);
      visited ??= new Set([target]);
      url ??= new URL(target);
      const next = nextHop(url, res, hops, limits.maxRedirects, visited, deps.now());
      if ('error' in next) return errorAt(next.error, target);
      if (inPermanentRun && PERMANENT_STATUSES.has(res.status)) permanentUrl = next.url.href;
      else inPermanentRun = false;
      visited.add(next.url.href);
      url = next.url;
      target = url.href;
      continue;
    }

    const finalUrl = target;
    const headers = res.headers;

    if (res.status === 304) {
      // No body to read; cancelling releases the connection if an odd server sent one anyway.
      discard(res);
      // Without validators there is no stored copy the 304 could refer to: treating it as "unchanged" would
      // leave the source looking healthy while we have never read it.
      if (!conditional) return errorAt(unexpectedNotModifiedError(finalUrl, deps.now()), finalUrl);
      const outcome: NotModifiedOutcome = { kind: 'not-modified', finalUrl, wireBytes: 0 };
      return withMeta(outcome, permanentUrl, headers);
    }

    if (res.status < 200 || res.status > 299) {
      discard(res);
      const wait =
        res.status === 429 || res.status === 503
          ? retryAfterMs(headers.get('retry-after'), headers.get('date'), deps.now())
          : undefined;
      return errorAt(statusError(res.status, finalUrl, deps.now(), wait), finalUrl, wait);
    }

    const declared = contentLength(headers);
    if (declared !== undefined && declared > limits.maxBodyBytes) {
      deadline.abort('too-large'); // closes the connection instead of downloading what we will not read
      discard(res);
      return errorAt(tooLargeError(finalUrl, limits.maxBodyBytes, deps.now(), res.status), finalUrl);
    }

    // An event stream never ends by itself: its first event is the document (see firstSseEventArrived).
    const eventStream = /^\s*text\/event-stream/i.test(headers.get('content-type') ?? '');
    const read = await readCappedBody(res.body, limits.maxBodyBytes, deadline.signal, eventStream ? firstSseEventArrived : undefined);
    if (read.kind === 'too-large') {
      deadline.abort('too-large');
      return errorAt(tooLargeError(finalUrl, limits.maxBodyBytes, deps.now(), res.status), finalUrl);
    }
    if (read.kind === 'aborted') throw new Error('aborted');

    const contentType = headers.get('content-type') ?? undefined;
    const outcome: BodyOutcome = {
      kind: 'body',
      finalUrl,
      wireBytes: wireBytes(declared, read.bytes.byteLength),
      body: decodeBody(read.bytes, contentType),
      contentHash: createHash('sha256').update(read.bytes).digest('hex'),
      bytes: read.bytes.byteLength,
    };
    if (contentType !== undefined) outcome.contentType = contentType;
    return withMeta(outcome, permanentUrl, headers);
  }
}

/**
 * Headers and options for every hop. Validators go on every hop: they were stored from the final response,
 * so they describe the resource the chain leads to.
 */
function requestInit(req: FetchSourceRequest, userAgent: string, signal: AbortSignal): { init: RequestInit; conditional: boolean } {
  const headers: Record<string, string> = {
    'User-Agent': userAgent,
    Accept: ACCEPT_HEADER,
    'Accept-Encoding': ACCEPT_ENCODING_HEADER,
  };
  if (req.etag && SAFE_HEADER_VALUE.test(req.etag)) headers['If-None-Match'] = req.etag;
  if (req.lastModified && SAFE_HEADER_VALUE.test(req.lastModified)) headers['If-Modified-Since'] = req.lastModified;
  const conditional = 'If-None-Match' in headers || 'If-Modified-Since' in headers;
  // Node's RequestInit typings leave out `cache`, which undici and Chromium both honour.
  const init: RequestInit & { cache: 'no-cache' | 'default' } = {
    method: 'GET',
    headers,
    redirect: 'manual',
    signal,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    // Fetch's "default" mode turns a conditional request into no-store, which adds `Pragma: no-cache` and
    // `Cache-Control: no-cache`; "no-cache" sends only `Cache-Control: max-age=0`, the plain revalidation a
    // conditional GET is. The first, unconditional request adds nothing (Fetch spec, HTTP-network-or-cache
    // fetch, steps on cache mode).
    cache: conditional ? 'no-cache' : 'default',
  };
  return { init, conditional };
}

/** Where a 3xx leads, or why we will not go there. `hops` is how many redirects were already followed. */
function nextHop(
  from: URL,
  res: Response,
  hops: number,
  maxRedirects: number,
  visited: Set<string>,
  at: number,
): { url: URL } | { error: SourceError } {
  const host = from.host;
  if (hops >= maxRedirects) {
    return { error: redirectError(`${host} redirected more than ${maxRedirects} times; check the address.`, at, res.status) };
  }
  const location = res.headers.get('location');
  if (!location) {
    return { error: redirectError(`${host} answered ${res.status} without saying where to go.`, at, res.status) };
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return { error: redirectError(`${host} redirected to an invalid address.`, at, res.status) };
  }
  next.hash = '';
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return { error: redirectError(`${host} redirected to a ${next.protocol} address, which is not followed.`, at, res.status) };
  }
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    return { error: redirectError(`${host} redirected from https to insecure http, which is not followed.`, at, res.status) };
  }
  if (visited.has(next.href)) {
    return { error: redirectError(`${host} redirects in a loop; the status page may be misconfigured.`, at, res.status) };
  }
  return { url: next };
}

/** Add `permanentUrl` and the response's ETag, Last-Modified (exactly as received) and max-age to `outcome`. */
function withMeta<T extends ResponseMeta>(outcome: T, permanentUrl: string | undefined, headers: Headers): T {
  if (permanentUrl !== undefined) outcome.permanentUrl = permanentUrl;
  const etag = headers.get('etag');
  if (etag !== null) outcome.etag = etag;
  const lastModified = headers.get('last-modified');
  if (lastModified !== null) outcome.lastModified = lastModified;
  const maxAgeSeconds = parseMaxAge(headers.get('cache-control'));
  if (maxAgeSeconds !== undefined) outcome.maxAgeSeconds = maxAgeSeconds;
  return outcome;
}

function contentLength(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Body bytes on the wire. Exact when the server sent `Content-Length` (the compressed size when encoded) or
 * no `Content-Encoding`. For a compressed body sent chunked, fetch hides the compressed size, so this reports
 * the decompressed size — an upper bound.
 */
function wireBytes(declared: number | undefined, decompressed: number): number {
  return declared ?? decompressed;
}

/** Drop a body we will not read. Errors are irrelevant: the response was already judged by its status. */
function discard(res: Response): void {
  res.body?.cancel().catch(() => undefined);
}

/** `partial` over DEFAULT_FETCH_LIMITS; fields left undefined keep their default. */
function withDefaults(partial: Partial<FetchLimits>): FetchLimits {
  return {
    headersTimeoutMs: partial.headersTimeoutMs ?? DEFAULT_FETCH_LIMITS.headersTimeoutMs,
    totalTimeoutMs: partial.totalTimeoutMs ?? DEFAULT_FETCH_LIMITS.totalTimeoutMs,
    maxBodyBytes: partial.maxBodyBytes ?? DEFAULT_FETCH_LIMITS.maxBodyBytes,
    maxRedirects: partial.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects,
  };
}
