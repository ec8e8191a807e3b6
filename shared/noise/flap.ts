/**
 * Flap suppression: a source that fails once between good polls (a timeout, a 502 from a CDN) keeps showing
 * its last known status; it shows as failing only after `failAfter` consecutive failed polls. Pure.
 */
import type { Health, ProviderStatus } from '../domain/types';

/** What the snapshot needs of a source's state. */
export interface FailureState {
  /** Consecutive failed polls (0 after a success). */
  failures: number;
  lastError?: unknown;
  lastStatus?: ProviderStatus;
}

/**
 * True when the source is shown as failing: it has an error and either nothing was ever read from it or it
 * has failed `failAfter` times in a row. `failAfter` ≤ 1 (or absent) shows every failure at once.
 */
export function showsAsFailing(state: FailureState | undefined, failAfter: number | undefined): boolean {
  if (!state?.lastError) return false;
  if (!state.lastStatus) return true;
  return state.failures >= Math.max(1, failAfter ?? 1);
}

/** Health to show: `unknown` while failing or never read, else the last parsed health. */
export function shownHealth(state: FailureState | undefined, failAfter: number | undefined): Health {
  if (!state?.lastStatus || showsAsFailing(state, failAfter)) return 'unknown';
  return state.lastStatus.health;
}
