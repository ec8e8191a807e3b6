/**
 * Builds the `EngineSnapshot` the UI and CLI show, from configuration, persisted state and what is in flight.
 * Pure; with a memo, a snapshot costs the sources that changed since the last one, a sort and a fold.
 */
import { HEALTH_RANK, worstHealth } from '../domain/health';
import type { Health } from '../domain/types';
import { shownHealth, showsAsFailing } from '../noise/flap';
import type { EngineSnapshot, SourceSnapshot } from './api';
import { displayName, type SourceConfig } from '../domain/source';
import type { SaveError } from './save-error';
import type { SourceState } from './state';

/**
 * Health shown for a source: `unknown` while never fetched or failing (after `failAfter` consecutive failed
 * polls, see noise/flap.ts), else its last parsed health.
 */
export function currentHealth(state: SourceState | undefined, failAfter?: number): Health {
  return shownHealth(state, failAfter);
}

/** One source's snapshot. */
export function sourceSnapshot(config: SourceConfig, state: SourceState | undefined, polling: boolean, lastPollMs?: number): SourceSnapshot {
  return {
    id: config.id,
    name: displayName(config, state?.lastStatus?.provider),
    url: config.url,
    effectiveUrl: state?.url ?? config.url,
    enabled: config.enabled !== false,
    health: currentHealth(state, config.failAfter),
    status: state?.lastStatus,
    lastCheckedAt: state?.lastCheckedAt,
    lastSuccessAt: state?.lastSuccessAt,
    nextPollAt: state?.nextPollAt,
    ...(state?.lastError ? (showsAsFailing(state, config.failAfter) ? { lastError: state.lastError } : { heldError: state.lastError }) : {}),
    ...(state?.pageComponents ? { pageComponents: state.pageComponents } : {}),
    polling,
    ...(lastPollMs !== undefined ? { lastPollMs } : {}),
  };
}

/**
 * Source snapshots already built, by the state object they were built from. The engine replaces a source's
 * state when a poll changes it, so between two snapshots only the sources polled meanwhile are built again;
 * the one field the engine changes in place (`nextPollAt`, on resume) is part of the check.
 */
export type SnapshotMemo = WeakMap<SourceState, { config: SourceConfig; polling: boolean; pollMs: number | undefined; nextPollAt: number | undefined; snapshot: SourceSnapshot }>;

/** A source's snapshot from `memo` when nothing it shows changed, else built and remembered. */
function memoized(memo: SnapshotMemo | undefined, config: SourceConfig, state: SourceState | undefined, polling: boolean, pollMs: number | undefined): SourceSnapshot {
  if (!memo || !state) return sourceSnapshot(config, state, polling, pollMs);
  const known = memo.get(state);
  if (known && known.config === config && known.polling === polling && known.pollMs === pollMs && known.nextPollAt === state.nextPollAt) return known.snapshot;
  const snapshot = sourceSnapshot(config, state, polling, pollMs);
  memo.set(state, { config, polling, pollMs, nextPollAt: state.nextPollAt, snapshot });
  return snapshot;
}

/**
 * Whole snapshot: sources sorted worst health first, then by name; overall = worst enabled source. Source
 * snapshots may be shared with earlier snapshots built on the same `memo`: read them, do not change them.
 */
export function buildSnapshot(input: {
  configs: readonly SourceConfig[];
  states: Readonly<Record<string, SourceState>>;
  inFlight: ReadonlySet<string>;
  /** How long each source's last finished poll took, ms. */
  pollMs?: ReadonlyMap<string, number>;
  paused: boolean;
  recoveryNotice?: string;
  saveError?: SaveError;
  memo?: SnapshotMemo;
}): EngineSnapshot {
  const sources = input.configs.map((c) => memoized(input.memo, c, input.states[c.id], input.inFlight.has(c.id), input.pollMs?.get(c.id)));
  sources.sort((a, b) => HEALTH_RANK[b.health] - HEALTH_RANK[a.health] || a.name.localeCompare(b.name));
  const overall = worstHealth(sources.filter((s) => s.enabled).map((s) => s.health));
  return {
    sources,
    overall,
    paused: input.paused,
    ...(input.recoveryNotice ? { recoveryNotice: input.recoveryNotice } : {}),
    ...(input.saveError ? { saveError: input.saveError } : {}),
  };
}
