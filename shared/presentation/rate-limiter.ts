/**
 * A sliding-window counter: at most `max` takes in any `windowMs`. Times are ms since epoch, passed in by the
 * caller (an injected clock), so tests move time without waiting.
 */

/** Sliding-window rate limiter. */
export interface RateLimiter {
  /** How many takes are still allowed at `now`. */
  remaining(now: number): number;
  /** Record one take at `now`; returns false (and records nothing) when none remain. */
  take(now: number): boolean;
}

/** Create a limiter allowing `max` events per `windowMs` (default: 5 per 60 000 ms). */
export function createRateLimiter(max = 5, windowMs = 60_000): RateLimiter {
  let stamps: number[] = [];
  const prune = (now: number) => {
    stamps = stamps.filter((t) => now - t < windowMs && t <= now);
  };
  return {
    remaining(now) {
      prune(now);
      return Math.max(0, max - stamps.length);
    },
    take(now) {
      prune(now);
      if (stamps.length >= max) return false;
      stamps.push(now);
      return true;
    },
  };
}
