/**
 * What one conditional GET of a source produced. Made by `fetchSource` (fetch-source.ts); consumed by the
 * engine, which decides scheduling from it. Rules: docs/http-and-faults.md, "How a source is polled".
 */
import type { SourceError } from '../../domain/types';

/** Validators and caching hints common to every response. */
export interface ResponseMeta {
  /** The URL that finally answered (after redirects). */
  finalUrl: string;
  /**
   * When the chain began with one or more `301`/`308` hops: the URL after the last of those leading
   * permanent hops. A `302`/`307` anywhere before it cuts the run. The engine stores it only after it parsed
   * on 3 consecutive polls.
   */
  permanentUrl?: string;
  /** `ETag` exactly as received (quotes and `W/` kept), if the response had one. */
  etag?: string;
  /** `Last-Modified` exactly as received, if the response had one. */
  lastModified?: string;
  /** `Cache-Control: max-age` in seconds, if present (a floor on the next poll). */
  maxAgeSeconds?: number;
  /** Bytes received on the wire for the body (compressed size), for the bench. */
  wireBytes: number;
}

/** `304 Not Modified`: nothing to parse. Its validators (if any) freshen the stored ones (RFC 9111 §4.3.4). */
export interface NotModifiedOutcome extends ResponseMeta {
  kind: 'not-modified';
}

/** `200` with a body (already decompressed, decoded to text). */
export interface BodyOutcome extends ResponseMeta {
  kind: 'body';
  /** Decoded text (charset from Content-Type, else the XML declaration, else UTF-8; BOM removed). */
  body: string;
  /** Content-Type header as received, if any. */
  contentType?: string;
  /** SHA-256 hex of the decompressed body bytes. */
  contentHash: string;
  /** Decompressed size in bytes. */
  bytes: number;
}

/** The request failed; `error` is typed for the UI, `retryAfterMs` is set for 429/503 with `Retry-After`. */
export interface ErrorOutcome {
  kind: 'error';
  error: SourceError;
  /** Server-requested delay before the next request, already clamped to [60 s, 24 h]. */
  retryAfterMs?: number;
  /** Redirect bookkeeping, when the failure came after some hops. */
  finalUrl?: string;
}

/** Result of `fetchSource`. It never throws for network or HTTP problems; those are `ErrorOutcome`s. */
export type FetchOutcome = NotModifiedOutcome | BodyOutcome | ErrorOutcome;

/** Limits applied to every request (defaults in fetch-source.ts: DEFAULT_FETCH_LIMITS). */
export interface FetchLimits {
  /** Deadline for the response headers, ms (default 15 000). */
  headersTimeoutMs: number;
  /** Deadline for the whole exchange including the body, ms (default 30 000). */
  totalTimeoutMs: number;
  /** Maximum body size after decompression, bytes (default 5 MiB). Also the `Content-Length` limit. */
  maxBodyBytes: number;
  /** Maximum redirects followed (default 5). */
  maxRedirects: number;
}

/** Input to `fetchSource`. */
export interface FetchSourceRequest {
  url: string;
  /** Stored validators, sent back byte-exactly as `If-None-Match` / `If-Modified-Since`. */
  etag?: string;
  lastModified?: string;
}

/** Dependencies of `fetchSource`. */
export interface FetchDeps {
  fetch: import('../ports').FetchPort;
  /** Sent as `User-Agent`: `StatusTray/<version> (+<repo url>)`. */
  userAgent: string;
  limits?: Partial<FetchLimits>;
  /** Clock used to interpret `Retry-After` HTTP-dates against the server's `Date`. */
  now: () => number;
  /**
   * Cancels the request when aborted (engine stop). The outcome is then an `error` with code `network`
   * saying it was cancelled; the caller, which aborted, should not record it as the source's failure.
   */
  signal?: AbortSignal;
}
