/**
 * One poll of one source: conditional GET, then — only when the body changed — parse and detect changes.
 * Returns the new state and the events; the engine commits them in the order of docs/architecture.md, "Commit order"
 * (state with the new memory first, then events, then the new validators). Never throws.
 */
import { applyCatalogFilter } from './filter';
import { filterKey } from '../domain/source-key';
import { componentChanges, staleOnlyChange } from '../noise/what-changed';
import { FormatError } from '../formats/types';
import type { ProviderStatus, SourceError } from '../domain/types';
import { systemClock, type Clock, type FetchPort, type RandomPort } from './ports';
import { pollCheck } from './checks/poll-check';
import { detectChanges } from './change-detector';
import type { EngineEvent } from './events';
import type { FetchLimits, FetchOutcome, FetchSourceRequest } from './http/types';
import { delayAfterFailure, delayAfterSuccess, intervalMs } from './backoff';
import { displayName, type SourceConfig } from '../domain/source';
import type { SourceState } from './state';
import { keptStatus } from './kept-status';
import { detached, detachedWithJson } from './detached';
import { seenWithSharedEnumStrings, withSharedEnumStrings } from './enum-strings';

/** A `301`/`308` target becomes the stored URL after this many consecutive good polls through it. */
export const PERMANENT_MOVE_CONFIRMATIONS = 3;

/** Parser of one document; `parseDocument` from formats/registry in production. */
export type ParseFn = (body: string, ctx: { url: string; contentType?: string; now: number }) => Promise<ProviderStatus>;
/** Fetcher of one source; `fetchSource` from http/fetch-source in production. */
export type FetchSourceFn = (
  req: FetchSourceRequest,
  deps: { fetch: FetchPort; userAgent: string; limits?: Partial<FetchLimits>; now: () => number; signal?: AbortSignal },
) => Promise<FetchOutcome>;

/** What a poll needs besides the source. */
export interface PollDeps {
  fetch: FetchPort;
  fetchSource: FetchSourceFn;
  parse: ParseFn;
  userAgent: string;
  limits?: Partial<FetchLimits>;
  now: () => number;
  random: RandomPort;
  signal?: AbortSignal;
  /** For endpoint checks' timeouts and retry waits (default: the system clock). */
  clock?: Clock;
}

/** Validators to store once the events of this poll have been handed out. */
export interface PendingValidators {
  etag?: string;
  lastModified?: string;
  contentHash?: string;
}

/** The outcome of one poll. */
export interface PollResult {
  /** `error`: fetch or parse failed; `not-modified`: 304; `unchanged`: 200 with the same body hash; `parsed`. */
  kind: 'error' | 'not-modified' | 'unchanged' | 'parsed';
  /** State to write first (for `parsed`, still carrying the old validators). */
  state: SourceState;
  /** For `parsed`: validators to write after the events were emitted. */
  validators?: PendingValidators;
  events: EngineEvent[];
  /** Bytes received for the body on the wire. */
  wireBytes: number;
  /**
   * For `parsed`: the whole status the document gave (after the filter). `state.lastStatus` keeps less
   * (kept-status.ts); the history is recorded from this one.
   */
  parsed?: ProviderStatus;
}

/** Poll `config` once from `prev` state. See the module comment. */
export async function pollSource(config: SourceConfig, prev: SourceState, deps: PollDeps): Promise<PollResult> {
  if (config.check) {
    const checkDeps = { fetch: deps.fetch, clock: deps.clock ?? systemClock, random: deps.random, userAgent: deps.userAgent, signal: deps.signal };
    const checked = await pollCheck({ ...config, check: config.check }, prev, checkDeps);
    // The check's one component names what changed ("GET https://… major outage"), as for any provider.
    return { ...checked, events: annotate(checked.events, prev, checked.state.lastStatus!, false) };
  }
  const interval = intervalMs(config.intervalSeconds);
  const outcome = await deps.fetchSource(
    { url: prev.url, etag: prev.etag, lastModified: prev.lastModified },
    { fetch: deps.fetch, userAgent: deps.userAgent, limits: deps.limits, now: deps.now, signal: deps.signal },
  );
  const now = deps.now();

  if (outcome.kind === 'error') {
    return { kind: 'error', state: failed(prev, outcome.error, now, interval, deps.random, outcome.retryAfterMs), events: [], wireBytes: 0 };
  }

  const ok: SourceState = {
    ...prev,
    failures: 0,
    lastError: undefined,
    retryNotBefore: undefined,
    lastCheckedAt: now,
    lastSuccessAt: now,
    nextPollAt: now + delayAfterSuccess(interval, outcome.maxAgeSeconds, deps.random),
  };

  if (outcome.kind === 'not-modified') {
    // A 304's validators freshen the stored ones (RFC 9111 §4.3.4); absent ones are kept.
    const state = { ...ok, etag: outcome.etag ?? prev.etag, lastModified: outcome.lastModified ?? prev.lastModified };
    return { kind: 'not-modified', state: trackMove(state, outcome.permanentUrl), events: [], wireBytes: outcome.wireBytes };
  }

  // Every 200 refreshes both validators, even when the body is unchanged (Feedbin#726, CommaFeed#1746).
  const fresh = { etag: outcome.etag, lastModified: outcome.lastModified, contentHash: outcome.contentHash };
  // The user changed the filter since the last parse: read the body again and baseline it without news.
  const refilter = prev.filterKey !== undefined && prev.filterKey !== filterKey(config.filter);
  if (prev.baselined && !refilter && prev.contentHash === outcome.contentHash) {
    return { kind: 'unchanged', state: trackMove({ ...ok, ...fresh }, outcome.permanentUrl), events: [], wireBytes: outcome.wireBytes };
  }

  let status: ProviderStatus;
  let pageComponents: { name: string; group?: string }[];
  try {
    const whole = await deps.parse(outcome.body, { url: outcome.finalUrl, contentType: outcome.contentType, now });
    pageComponents = whole.components.map((c) => ({ name: c.name, ...(c.group ? { group: c.group } : {}) }));
    status = applyCatalogFilter(whole, config.filter);
  } catch (err) {
    const error: SourceError =
      err instanceof FormatError
        ? { code: err.code, message: err.message, at: now }
        : { code: 'parse', message: `The document could not be read: ${(err as Error)?.message ?? String(err)}`, at: now };
    // A body that cannot be parsed is not a permanent-move confirmation (a 301 to a maintenance page, Vienna#1546).
    return { kind: 'error', state: { ...failed(prev, error, now, interval, deps.random), pendingMove: undefined }, events: [], wireBytes: outcome.wireBytes };
  }

  const detected = detectChanges({
    sourceId: config.id,
    provider: displayName(config, status?.provider),
    baselined: prev.baselined && !refilter,
    seen: prev.seen,
    previousHealth: prev.lastHealth,
    previousSuccessAt: prev.lastSuccessAt,
    status,
    now,
  });
  // What outlives this poll is copied off the body (detached.ts); `parsed` is only recorded and dropped.
  // The seen map keeps the null prototype detectChanges and the state schema give it (incident ids are keys).
  // Both copies then share one string per enum value (enum-strings.ts).
  const seen = detachedWithJson(detected.seen, (copy) => seenWithSharedEnumStrings(Object.assign(Object.create(null), copy) as typeof copy));
  const lastStatus = detachedWithJson(keptStatus(status, now), withSharedEnumStrings);
  // A baseline's open incidents are the kept status's active ones: it shares that copy instead of a second one
  // (a page with long open incidents carries tens of kB of update text). Events are read, never changed.
  const events = annotate(detected.events, prev, status, refilter).map((e) =>
    e.type === 'source.baselined' && e.openIncidents === status.activeIncidents
      ? { ...detached({ ...e, openIncidents: [] }), openIncidents: lastStatus.activeIncidents }
      : detached(e),
  );
  const state: SourceState = trackMove(
    { ...ok, baselined: true, seen, lastHealth: status.health, lastStatus, pageComponents: detached(pageComponents), filterKey: filterKey(config.filter) },
    outcome.permanentUrl,
  );
  return { kind: 'parsed', state, validators: fresh, events, wireBytes: outcome.wireBytes, parsed: status };
}

/**
 * Add what the notifier needs to word and weigh the events: the component changes since the last reading,
 * whether a health change came only from staleness, and whether a baseline is a quiet one (filter changed).
 */
function annotate(events: EngineEvent[], prev: SourceState, status: ProviderStatus, refilter: boolean): EngineEvent[] {
  const changes = prev.baselined && !refilter ? componentChanges(prev.lastStatus?.components, status.components) : [];
  return events.map((e) => {
    const withChanges = changes.length > 0 ? { ...e, changes } : e;
    if (withChanges.type === 'provider.health-changed' && staleOnlyChange(prev.lastStatus, status)) return { ...withChanges, staleOnly: true };
    if (withChanges.type === 'source.baselined' && refilter) return { ...withChanges, quiet: true };
    return withChanges;
  });
}

/**
 * A status that arrived without a poll (a pushed webhook), applied like a parsed document. The validators and
 * content hash are cleared: the next poll must parse the full document rather than trust a 304 or an unchanged
 * hash to confirm a status the document itself never said.
 */
export function applyPushedStatus(config: SourceConfig, prev: SourceState, status: ProviderStatus, now: number): { state: SourceState; events: EngineEvent[] } {
  const detected = detectChanges({ sourceId: config.id, provider: displayName(config, status.provider), baselined: prev.baselined, seen: prev.seen, previousHealth: prev.lastHealth, status, now });
  const state: SourceState = {
    ...prev,
    etag: undefined,
    lastModified: undefined,
    contentHash: undefined,
    baselined: true,
    seen: detected.seen,
    lastHealth: status.health,
    lastStatus: status,
  };
  return { state, events: annotate(detected.events, prev, status, false) };
}

/** State after a failed poll: typed error, one more failure, and the next attempt per Retry-After or backoff. */
function failed(prev: SourceState, error: SourceError, now: number, interval: number, random: RandomPort, retryAfterMs?: number): SourceState {
  const failures = prev.failures + 1;
  const delay = retryAfterMs ?? delayAfterFailure(failures, interval, random);
  return {
    ...prev,
    failures,
    lastError: error,
    lastCheckedAt: now,
    nextPollAt: now + delay,
    retryNotBefore: retryAfterMs === undefined ? undefined : now + retryAfterMs,
    pendingMove: undefined,
  };
}

/** Count consecutive good polls through the same permanent redirect; adopt its target on the third. */
function trackMove(state: SourceState, permanentUrl: string | undefined): SourceState {
  if (!permanentUrl || permanentUrl === state.url) return { ...state, pendingMove: undefined };
  const count = state.pendingMove?.url === permanentUrl ? state.pendingMove.count + 1 : 1;
  if (count >= PERMANENT_MOVE_CONFIRMATIONS) return { ...state, url: permanentUrl, pendingMove: undefined };
  return { ...state, pendingMove: { url: permanentUrl, count } };
}
