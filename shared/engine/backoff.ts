/**
 * When to poll next. All delays are in milliseconds. Rules and reasons: docs/http-and-faults.md,
 * "Being a good citizen" and "Failures and back-off": never poll faster than the interval, jitter start times, grow the delay
 * after failures with full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/),
 * cap plain failures at 30 min so recovery is noticed quickly, and never give up for good.
 */
import { DEFAULT_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../domain/source';
import type { RandomPort } from './ports';

/** Longest delay after plain failures (no Retry-After), ms. */
export const MAX_FAILURE_BACKOFF_MS = 30 * 60_000;
/** Shortest delay after a failure, ms: full jitter may draw 0, and a status page must not be hammered. */
export const MIN_FAILURE_BACKOFF_MS = 60_000;
/** `Cache-Control: max-age` may push the next poll out by at most this much, ms: a status monitor must stay fresh. */
export const MAX_AGE_FLOOR_CAP_MS = 60 * 60_000;
/** Regular polls are spread by up to this fraction of the interval, so sources drift apart instead of bunching. */
export const INTERVAL_JITTER_FRACTION = 0.1;
/** When the engine starts or resumes, due sources are spread over up to this many ms. */
export const START_JITTER_MS = 5_000;

/** A source's poll interval in ms, from its configured seconds (default 300 s, clamped to 60 s – 24 h). */
export function intervalMs(intervalSeconds: number | undefined): number {
  const s = intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  return Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, Number.isFinite(s) ? s : DEFAULT_INTERVAL_SECONDS)) * 1000;
}

/**
 * Delay after a successful poll (200 or 304): the interval plus up to 10 % jitter, and never sooner than
 * the response's `max-age` (itself capped at 1 h).
 * @param maxAgeSeconds `Cache-Control: max-age` of the response, if any.
 */
export function delayAfterSuccess(interval: number, maxAgeSeconds: number | undefined, random: RandomPort): number {
  const jittered = interval + Math.floor(random() * interval * INTERVAL_JITTER_FRACTION);
  const floor = maxAgeSeconds === undefined ? 0 : Math.min(maxAgeSeconds * 1000, MAX_AGE_FLOOR_CAP_MS);
  return Math.max(jittered, floor);
}

/**
 * Delay after the `failures`-th consecutive failure (1-based) without `Retry-After`:
 * full jitter `random(0, min(30 min, interval · 2^(failures−1)))`, floored at 60 s.
 */
export function delayAfterFailure(failures: number, interval: number, random: RandomPort): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 20);
  const ceiling = Math.min(MAX_FAILURE_BACKOFF_MS, interval * 2 ** exponent);
  return Math.max(MIN_FAILURE_BACKOFF_MS, Math.floor(random() * ceiling));
}

/** Spread for sources that are due when the engine starts or resumes, ms. */
export function startJitter(interval: number, random: RandomPort): number {
  return Math.floor(random() * Math.min(START_JITTER_MS, interval));
}
