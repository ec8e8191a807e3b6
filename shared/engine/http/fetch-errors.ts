/**
 * Turning what went wrong during a fetch into a typed `SourceError` (shared/domain/types.ts) with a one-line
 * message for people. Codes follow the fault table of docs/http-and-faults.md: refused/reset → `network`, name
 * lookup → `dns`, deadlines → `timeout`, 404/410/401/403 → `gone`, 429/503 with `Retry-After` →
 * `rate-limited`, a 304 to a request without validators → `unexpected-304`, other statuses → `http`.
 */
import type { SourceError, SourceErrorCode } from '../../domain/types';

/** Why our own AbortController fired, if it did. */
export type AbortCause = 'headers-timeout' | 'total-timeout' | 'cancelled' | 'too-large';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

/** Host of a URL for messages; the raw string when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Seconds for messages: `15 s`, `0.3 s`. */
function seconds(ms: number): string {
  return `${ms >= 1000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`;
}

/**
 * Error for a request our own controller aborted.
 * @param timeoutMs the deadline that passed, for the message (headers or total).
 */
export function abortedError(cause: AbortCause, url: string, timeoutMs: number, maxBodyBytes: number, at: number): SourceError {
  const host = hostOf(url);
  switch (cause) {
    case 'headers-timeout':
      return { code: 'timeout', message: `${host} did not start answering within ${seconds(timeoutMs)}; will try again later.`, at };
    case 'total-timeout':
      return { code: 'timeout', message: `${host} did not finish answering within ${seconds(timeoutMs)}; will try again later.`, at };
    case 'too-large':
      return tooLargeError(url, maxBodyBytes, at);
    case 'cancelled':
      return { code: 'network', message: `The request to ${host} was cancelled because checking stopped.`, at };
  }
}

/** Error for a body over the cap (declared by `Content-Length` or counted after decompression). */
export function tooLargeError(url: string, maxBodyBytes: number, at: number, httpStatus?: number): SourceError {
  const mib = Math.round((maxBodyBytes / 1024 / 1024) * 10) / 10;
  return {
    code: 'too-large',
    message: `The response from ${hostOf(url)} is larger than ${mib} MiB, so it was not read; check that the address points to a status feed.`,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    at,
  };
}

/** Collect `code`s and messages along an error's `cause` chain (undici nests the socket error in `cause`). */
function causeChain(err: unknown): { codes: string[]; text: string } {
  const codes: string[] = [];
  const texts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current != null && depth < 6; depth++) {
    if (typeof current === 'object') {
      const rec = current as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
      if (typeof rec.code === 'string') codes.push(rec.code);
      if (typeof rec.name === 'string') texts.push(rec.name);
      if (typeof rec.message === 'string') texts.push(rec.message);
      // Happy-eyeballs connects fail with an AggregateError of per-address errors.
      if (Array.isArray(rec.errors)) for (const e of rec.errors) if (typeof e?.code === 'string') codes.push(e.code);
      current = rec.cause;
    } else {
      texts.push(String(current));
      break;
    }
  }
  return { codes, text: texts.join(' ') };
}

/**
 * Error for a fetch that threw or a body stream that failed, when our own controller did not abort it.
 * Understands Node/undici error codes and Chromium `net::ERR_*` messages (Electron's `net.fetch`).
 */
export function thrownError(err: unknown, url: string, at: number): SourceError {
  const host = hostOf(url);
  const { codes, text } = causeChain(err);
  const has = (set: Set<string>) => codes.some((c) => set.has(c));
  const make = (code: SourceErrorCode, message: string): SourceError => ({ code, message, at });

  if (has(DNS_CODES) || /ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/.test(text)) {
    return make('dns', `The name ${host} could not be found; check the address and your network connection.`);
  }
  if (has(TIMEOUT_CODES) || /ERR_(CONNECTION_)?TIMED_OUT|TimeoutError/.test(text)) {
    return make('timeout', `${host} did not answer in time; will try again later.`);
  }
  if (codes.includes('ECONNREFUSED') || /ERR_CONNECTION_REFUSED/.test(text)) {
    return make('network', `Could not connect to ${host}: the connection was refused.`);
  }
  if (has(RESET_CODES) || /ERR_CONNECTION_(RESET|CLOSED|ABORTED)|ERR_EMPTY_RESPONSE|terminated|other side closed/.test(text)) {
    return make('network', `The connection to ${host} was cut off before the response was complete.`);
  }
  if (has(UNREACHABLE_CODES) || /ERR_(ADDRESS|NETWORK|INTERNET)_(UNREACHABLE|DISCONNECTED|CHANGED)/.test(text)) {
    return make('network', `${host} could not be reached; check your network connection.`);
  }
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.includes('CERT') || c.startsWith('ERR_SSL')) || /ERR_CERT_|ERR_SSL_/.test(text)) {
    return make('network', `The secure connection to ${host} failed: its certificate could not be verified.`);
  }
  const detail = codes[codes.length - 1] ?? (text.trim().slice(0, 120) || 'unknown error');
  return make('network', `Could not fetch ${host} (${detail}).`);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `404 Not Found` style label. */
function statusLabel(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : `HTTP ${status}`;
}

/**
 * Error for a final response whose status is not 2xx/304.
 * @param retryAfterMs the clamped `Retry-After`, when the response had a valid one.
 */
export function statusError(status: number, url: string, at: number, retryAfterMs?: number): SourceError {
  const host = hostOf(url);
  const make = (code: SourceErrorCode, message: string): SourceError => ({ code, message, httpStatus: status, at });
  if (status === 410) {
    return make('gone', `The feed is gone: ${host} answered 410 Gone, so this status page no longer exists at this address.`);
  }
  if (status === 404) {
    return make('gone', `${host} answered 404 Not Found; the status page may have moved, so check the address.`);
  }
  if (status === 401 || status === 403) {
    return make('gone', `${host} refused access (${statusLabel(status)}); the status page may be private or blocking automated requests.`);
  }
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    const wait = retryAfterMs === undefined ? '' : `; the next check waits ${Math.round(retryAfterMs / 60_000)} min as asked`;
    return make('rate-limited', `${host} asked us to slow down (${statusLabel(status)})${wait}.`);
  }
  const hint = status >= 500 ? 'the server has a problem; will try again later.' : 'the request was not accepted.';
  return make('http', `${host} answered ${statusLabel(status)}: ${hint}`);
}

/** Error for a redirect we refuse to follow. */
export function redirectError(message: string, at: number, httpStatus?: number): SourceError {
  return { code: 'redirect', message, ...(httpStatus === undefined ? {} : { httpStatus }), at };
}

/**
 * Error for a `304 Not Modified` answering a request that carried no validators (no `If-None-Match`, no
 * `If-Modified-Since`). A 304 only makes sense as the answer to a conditional request (RFC 9110 §15.4.5), so
 * this is a server or proxy fault, not a sign that nothing changed.
 */
export function unexpectedNotModifiedError(url: string, at: number): SourceError {
  return {
    code: 'unexpected-304',
    message: `${hostOf(url)} answered 304 Not Modified to a request that asked for the whole document, so nothing could be read; will try again later.`,
    httpStatus: 304,
    at,
  };
}
