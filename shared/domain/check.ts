/**
 * Endpoint checks: a URL the user owns, watched beside the vendors' status pages. The engine requests it on
 * the source's interval and judges the answer by these rules; the result is a synthetic `ProviderStatus`
 * (format `endpoint-check`), so a check shows, colours the tray, notifies and reaches channels like any
 * provider. Pure types.
 */

/** HTTP methods a check may use (no body is sent). */
export type CheckMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'OPTIONS';

/** How to judge one endpoint. Times in ms. */
export interface CheckSpec {
  /** Default `GET`. */
  method?: CheckMethod;
  /** Acceptable status codes; default any 2xx. */
  expectStatus?: number[];
  /** Text the body must contain (plain, case-sensitive). */
  contains?: string;
  /** Text the body must not contain. */
  notContains?: string;
  /** A regular expression (JavaScript syntax, no flags) the body must match. */
  matches?: string;
  /** A regular expression the body must not match. */
  notMatches?: string;
  /** Deadline of one attempt, ms (default 10 000). */
  timeoutMs?: number;
  /** An expected answer slower than this counts as `slow` (default 2 000 ms). */
  slowMs?: number;
  /** Extra attempts before the check counts as down (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled each time, ms (default 1 000). */
  retryDelayMs?: number;
}

/** Defaults of `CheckSpec`. */
export const CHECK_DEFAULTS = { method: 'GET', timeoutMs: 10_000, slowMs: 2_000, retries: 2, retryDelayMs: 1_000 } as const;
/** Most of a response body a check reads, bytes; the rest is not judged. */
export const CHECK_BODY_CAP = 1024 * 1024;

/** Limits of a check the settings accept (the IPC schema and settings.json enforce them). */
export const CHECK_LIMITS = {
  /** Per-attempt deadline, ms. */
  minTimeoutMs: 1_000,
  maxTimeoutMs: 60_000,
  /** Slow threshold, ms. */
  minSlowMs: 50,
  maxSlowMs: 60_000,
  maxRetries: 10,
  /** Expected status codes listed at most. */
  maxExpectStatus: 20,
  /** Longest contains / not-contains text or regular expression, characters. */
  maxTextLength: 500,
} as const;

/** HTTP methods a check may use, in the order the settings window offers them. */
export const CHECK_METHODS: readonly CheckMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'];
