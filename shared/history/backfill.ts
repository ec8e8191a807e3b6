/**
 * Backfill: when a source is added, fill its past from the provider's own history so uptime and the 90-day
 * bar mean something on day one. A source whose document is already a history window (Atom/RSS history
 * feeds, incident.io feeds, Statuspage `incidents.json`) needs nothing more: its first parsed document is
 * recorded as backfilled history by the store. A Statuspage document that lists only what is open now
 * (`summary.json`, `status.json`, `components.json`, `unresolved.json`) has a sibling history document,
 * `incidents.json` (https://developer.statuspage.io/ — "Incidents: Get a list of the 50 most recent
 * incidents"), which this module fetches once. I/O comes in as parameters.
 */
import type { ProviderStatus } from '../domain/types';
import type { FetchSourceFn, ParseFn } from '../engine/poll-source';
import type { Engine } from '../engine/api';
import type { FetchPort } from '../engine/ports';
import { incidentsOf, toHistoryIncident } from './record';
import type { HistoryIncident } from './types';

const STATUSPAGE_ACTIVE_ONLY = /\/api\/v2\/(summary|status|components|unresolved)\.json$/;

/**
 * The URL of the source's own history document, when it has one beside the polled document.
 * @returns `undefined` when the polled document is itself the history (or the format has no known sibling).
 */
export function backfillUrl(url: string, status: Pick<ProviderStatus, 'format' | 'coverage'>): string | undefined {
  if (status.format !== 'statuspage-json' || status.coverage !== 'active-only') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!STATUSPAGE_ACTIVE_ONLY.test(parsed.pathname)) return undefined;
  parsed.pathname = parsed.pathname.replace(STATUSPAGE_ACTIVE_ONLY, '/api/v2/incidents.json');
  parsed.search = '';
  return parsed.toString();
}

/** What `fetchBackfill` needs. */
export interface BackfillDeps {
  fetch: FetchPort;
  fetchSource: FetchSourceFn;
  parse: ParseFn;
  userAgent: string;
  now: () => number;
  signal?: AbortSignal;
}

/**
 * Fetch and parse the history document of a source that was just baselined.
 * @returns the incidents it lists as backfilled history rows (empty when the source has no sibling history
 *   document). Never throws: a failed backfill only means less history, so it resolves with `{ error }`.
 */
export async function fetchBackfill(
  source: { sourceId: string; provider: string; url: string; status: ProviderStatus },
  deps: BackfillDeps,
): Promise<{ incidents: HistoryIncident[]; url?: string; error?: string }> {
  const url = backfillUrl(source.url, source.status);
  if (!url) return { incidents: [] };
  try {
    const outcome = await deps.fetchSource({ url }, { fetch: deps.fetch, userAgent: deps.userAgent, now: deps.now, ...(deps.signal ? { signal: deps.signal } : {}) });
    if (outcome.kind === 'error') return { incidents: [], url, error: outcome.error.message };
    if (outcome.kind !== 'body') return { incidents: [], url };
    const now = deps.now();
    const history = await deps.parse(outcome.body, { url: outcome.finalUrl, contentType: outcome.contentType, now });
    return { url, incidents: incidentsOf(history).map((i) => toHistoryIncident(source.sourceId, source.provider, i, now, true)) };
  } catch (err) {
    return { incidents: [], url, error: (err as Error)?.message ?? String(err) };
  }
}

/** Where backfilled incidents go (the SQLite store's `recordBackfill`). */
export interface BackfillSink {
  /** Record incidents marked backfilled, leaving any already recorded untouched. */
  recordBackfill(incidents: readonly HistoryIncident[]): void;
}

/**
 * Backfill every source the engine baselines from now on (a source just added, or all of them after the store
 * was recovered): listens for `source.baselined`, fetches the sibling history document once per source and
 * records it. @returns an unsubscribe function. Failures are logged and otherwise ignored.
 */
export function backfillOnBaseline(engine: Engine, sink: BackfillSink, deps: BackfillDeps, log: (message: string) => void = () => undefined): () => void {
  const done = new Set<string>();
  return engine.subscribe({
    onEvents(events) {
      for (const e of events) {
        if (e.type !== 'source.baselined' || done.has(e.sourceId)) continue;
        // One source's snapshot: the whole one sorts every source, once per baselined source on a first cycle.
        const source = engine.sourceSnapshot(e.sourceId);
        if (!source?.status) continue;
        done.add(e.sourceId);
        void fetchBackfill({ sourceId: e.sourceId, provider: e.provider, url: source.effectiveUrl, status: source.status }, deps).then((r) => {
          if (r.error) log(`Backfill of ${e.provider} from ${r.url} failed: ${r.error}`);
          try {
            if (r.incidents.length > 0) sink.recordBackfill(r.incidents);
          } catch (err) {
            log(`Backfill of ${e.provider} could not be saved: ${(err as Error)?.message ?? err}`);
          }
        });
      }
    },
  });
}
