/**
 * `Retry-After` (RFC 9110 §10.2.3) for 429 and 503 responses: either delay-seconds or an HTTP-date. An
 * HTTP-date is measured against the response's own `Date` header, not the local clock, so a client whose
 * clock is wrong still waits what the server asked (docs/http-and-faults.md, row 20).
 */
import { parseHttpDate } from './http-date';

/** Shortest wait honoured, ms: `Retry-After: 0` or a past date must not turn into a tight loop. */
export const MIN_RETRY_AFTER_MS = 60_000;
/** Longest wait honoured, ms: a status monitor never goes quiet for more than a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

const DELAY_SECONDS = /^\d+$/;

/**
 * How long the server asked us to wait.
 * @param retryAfter the `Retry-After` header value (`"120"` or `"Wed, 21 Oct 2026 07:28:00 GMT"`).
 * @param serverDate the response's `Date` header; an HTTP-date `Retry-After` is measured from it.
 * @param now local clock, ms since epoch; only used when the response has no valid `Date`.
 * @returns the delay in ms clamped to [60 s, 24 h], or `undefined` when the header is absent or invalid.
 */
export function retryAfterMs(
  retryAfter: string | null | undefined,
  serverDate: string | null | undefined,
  now: number,
): number | undefined {
  if (retryAfter == null) return undefined;
  const value = retryAfter.trim();
  if (value === '') return undefined;
  let delay: number;
  if (DELAY_SECONDS.test(value)) {
    delay = Number(value) * 1000;
  } else {
    const at = parseHttpDate(value);
    if (at === undefined) return undefined;
    delay = at - (parseHttpDate(serverDate) ?? now);
  }
  return clampRetryAfter(delay);
}

/** Clamp a delay in ms to [MIN_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS]; non-finite values become the maximum. */
export function clampRetryAfter(ms: number): number {
  if (Number.isNaN(ms)) return MAX_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, ms));
}
