/**
 * An endpoint check as one engine poll: run the check, turn the observation into a synthetic
 * `ProviderStatus` (one component, no incidents), and let the change detector compare healths, so going down
 * and coming back up each emit exactly one `provider.health-changed`. A down endpoint is a successful poll
 * with health `major_outage`, not a source error: the check worked, the endpoint did not.
 * Health scale: up → operational, slow → degraded, down → major_outage.
 */
import type { CheckObservation, ComponentStatus, Health, ProviderStatus } from '../../domain/types';
import type { Clock, FetchPort, RandomPort } from '../ports';
import { delayAfterSuccess, intervalMs } from '../backoff';
import { detectChanges } from '../change-detector';
import type { SourceState } from '../state';
import type { SourceConfig } from '../../domain/source';
import { runCheck } from './run-check';
import { CHECK_DEFAULTS, type CheckSpec } from '../../domain/check';

const HEALTH: Readonly<Record<CheckObservation['outcome'], Health>> = { up: 'operational', slow: 'degraded', down: 'major_outage' };
const COMPONENT: Readonly<Record<CheckObservation['outcome'], ComponentStatus>> = { up: 'operational', slow: 'degraded_performance', down: 'major_outage' };

/** Display name of a check: the configured name, else host and path. */
export function checkName(config: SourceConfig): string {
  if (config.name?.trim()) return config.name.trim();
  try {
    const u = new URL(config.url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return config.url;
  }
}

/** One sentence for the popover and the CLI: "Up: HTTP 200 in 123 ms", "Down: expected HTTP 200, got 503". */
export function describeObservation(o: CheckObservation): string {
  const timing = o.httpStatus !== undefined ? `HTTP ${o.httpStatus}${o.responseTimeMs !== undefined ? ` in ${Math.round(o.responseTimeMs)} ms` : ''}` : '';
  if (o.outcome === 'down') return `Down: ${o.failure ?? 'no answer'}${o.attempts > 1 ? ` (${o.attempts} attempts)` : ''}`;
  return `${o.outcome === 'slow' ? 'Slow' : 'Up'}: ${timing}`;
}

/** The synthetic status for an observation. */
export function checkStatus(config: SourceConfig, spec: CheckSpec, o: CheckObservation): ProviderStatus {
  return {
    provider: checkName(config),
    format: 'endpoint-check',
    pageUrl: config.url,
    health: HEALTH[o.outcome],
    description: describeObservation(o),
    components: [{ name: `${spec.method ?? CHECK_DEFAULTS.method} ${config.url}`, status: COMPONENT[o.outcome] }],
    activeIncidents: [],
    recentIncidents: [],
    scheduledMaintenances: [],
    coverage: 'active-only',
    check: o,
  };
}

/** What a check poll needs (a subset of the engine's `PollDeps`, plus a clock for timeouts and retries). */
export interface CheckPollDeps {
  fetch: FetchPort;
  clock: Clock;
  random: RandomPort;
  userAgent: string;
  signal?: AbortSignal;
}

/** Poll a check source once from `prev`. Same result shape as the engine's `pollSource`. Never throws. */
export async function pollCheck(config: SourceConfig & { check: CheckSpec }, prev: SourceState, deps: CheckPollDeps) {
  const o = await runCheck(prev.url, config.check, { fetch: deps.fetch, clock: deps.clock, userAgent: deps.userAgent, signal: deps.signal });
  const now = deps.clock.now();
  const status = checkStatus(config, config.check, o);
  const detected = detectChanges({ sourceId: config.id, provider: status.provider, baselined: prev.baselined, seen: prev.seen, previousHealth: prev.lastHealth, status, now });
  const state: SourceState = {
    ...prev,
    baselined: true,
    failures: 0,
    lastError: undefined,
    retryNotBefore: undefined,
    lastCheckedAt: now,
    lastSuccessAt: now,
    nextPollAt: now + delayAfterSuccess(intervalMs(config.intervalSeconds), undefined, deps.random),
    seen: detected.seen,
    lastHealth: status.health,
    lastStatus: status,
  };
  return { kind: 'parsed' as const, state, events: detected.events, wireBytes: 0 };
}
