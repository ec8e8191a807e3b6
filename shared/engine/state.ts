/**
 * The engine's persisted state.
 *
 * `EngineState` is JSON-serialisable and versioned (`version`). It is validated with a zod schema when read,
 * so a file edited by hand or written by a future version cannot crash the engine: `parseEngineState`
 * returns `undefined` for anything invalid and the store recovers (see ports.StateStore).
 * Times are ms since the Unix epoch.
 */
import { z } from 'zod';
import { COMPONENT_STATUSES, COVERAGES, FORMAT_IDS, HEALTHS, IMPACTS, INCIDENT_KINDS, INCIDENT_STATUSES, INDICATORS } from '../domain/enum-values';
import { seenWithSharedEnumStrings, withSharedEnumStrings } from './enum-strings';
import type { Health, IncidentStatus, ProviderStatus, SourceError } from '../domain/types';

/** Current state schema version; bump it and add a migration in `migrateEngineState` when the shape changes. */
export const ENGINE_STATE_VERSION = 1;

/** What the change detector remembers about one incident. */
export interface SeenIncident {
  /** Status when last announced or baselined. */
  status: IncidentStatus;
  /** Whether it was active (open) at that time. */
  active: boolean;
  /** First time the engine saw it, ms. */
  firstSeenAt: number;
  /** Last time it was present in a fetched document, ms. Pruning uses it (90 days). */
  lastSeenAt: number;
  /**
   * Title, remembered only while the incident is open (`active`), so an `incident.resolved` for one that
   * vanishes from an active-only document can still name it. A closed incident is never named from memory:
   * a history feed's 25 closed incidents kept 25 titles for nothing (docs/storage.md, "What a source keeps").
   */
  title?: string;
  /** Ids of its newest updates, where the platform gives them (see change-detector: id continuity). */
  updateIds?: string[];
  /**
   * Fingerprint of what the incident says (kind, title, start and every update), so the same incident under
   * a new id is recognised (see change-detector: id continuity). Absent in state written by older versions.
   */
  contentKey?: string;
}

/** Per-source engine state. */
export interface SourceState {
  /** The URL actually polled: the configured one, or the target of a confirmed permanent redirect. */
  url: string;
  /** Validators exactly as received (quotes and `W/` kept). */
  etag?: string;
  lastModified?: string;
  /** SHA-256 (hex) of the last parsed body, after decompression. */
  contentHash?: string;
  /** A 301/308 target seen on consecutive successful polls; stored as `url` on the 3rd. */
  pendingMove?: { url: string; count: number };
  /** True once the first successful parse recorded a baseline (nothing announced before that). */
  baselined: boolean;
  /** Consecutive failures (0 after a success). */
  failures: number;
  lastCheckedAt?: number;
  lastSuccessAt?: number;
  /** Earliest time the next request may be sent. Persisted so a restart does not poll early. */
  nextPollAt?: number;
  /** Set when the server asked us to wait (Retry-After): no request before this, not even "check now". */
  retryNotBefore?: number;
  lastError?: SourceError;
  /** Health of the last successful parse (what `provider.health-changed` compares against). */
  lastHealth?: Health;
  /** The last successful normalised status, shown after a restart or while erroring. */
  lastStatus?: ProviderStatus;
  /** Every component the page listed at the last parse, before the filter: what the user can choose from. */
  pageComponents?: { name: string; group?: string }[];
  /** The filter (`filterKey`) `lastStatus` and `seen` were made with; a different one re-baselines quietly. */
  filterKey?: string;
  /** Incidents seen, by incident id. Bounded (see change-detector). */
  seen: Record<string, SeenIncident>;
}

/** Everything the engine persists. */
export interface EngineState {
  version: typeof ENGINE_STATE_VERSION;
  sources: Record<string, SourceState>;
}

/** A fresh, empty state. */
export function emptyEngineState(): EngineState {
  return { version: ENGINE_STATE_VERSION, sources: {} };
}

/** A fresh state for a source that has never been polled. */
export function newSourceState(url: string): SourceState {
  return { url, baselined: false, failures: 0, seen: Object.create(null) as Record<string, SeenIncident> };
}


const updateSchema = z.object({
  status: z.enum(INCIDENT_STATUSES),
  label: z.string().optional(),
  text: z.string(),
  at: z.string(),
  id: z.string().optional(),
});
const incidentSchema = z.object({
  id: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  url: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  scheduledFor: z.string().optional(),
  scheduledUntil: z.string().optional(),
  updates: z.array(updateSchema),
  updateCount: z.number().int().nonnegative().optional(),
  components: z.array(z.string()),
  stale: z.boolean().optional(),
});
const providerStatusSchema = z.object({
  provider: z.string(),
  format: z.enum(FORMAT_IDS),
  pageUrl: z.string().optional(),
  health: z.enum(HEALTHS),
  indicator: z.enum(INDICATORS).optional(),
  description: z.string().optional(),
  components: z.array(
    z.object({
      name: z.string(),
      status: z.enum(COMPONENT_STATUSES),
      group: z.string().optional(),
    }),
  ),
  activeIncidents: z.array(incidentSchema),
  recentIncidents: z.array(incidentSchema),
  scheduledMaintenances: z.array(incidentSchema),
  coverage: z.enum(COVERAGES),
  documentUpdatedAt: z.string().optional(),
  check: z
    .object({
      outcome: z.enum(['up', 'slow', 'down']),
      httpStatus: z.number().int().optional(),
      responseTimeMs: z.number().optional(),
      failure: z.string().optional(),
      attempts: z.number().int(),
      checkedAt: z.number(),
    })
    .optional(),
});
const sourceErrorSchema = z.object({
  code: z.enum([
    'network', 'dns', 'timeout', 'http', 'gone', 'rate-limited', 'too-large', 'redirect', 'unexpected-304', 'not-a-feed',
    'parse',
  ]),
  message: z.string(),
  httpStatus: z.number().int().optional(),
  at: z.number(),
});
const seenSchema = z.object({
  status: z.enum(INCIDENT_STATUSES),
  active: z.boolean(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  title: z.string().optional(),
  updateIds: z.array(z.string()).max(10).optional(),
  contentKey: z.string().max(64).optional(),
});
const sourceStateSchema = z.object({
  url: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  contentHash: z.string().optional(),
  pendingMove: z.object({ url: z.string(), count: z.number().int() }).optional(),
  baselined: z.boolean(),
  failures: z.number().int().nonnegative(),
  lastCheckedAt: z.number().optional(),
  lastSuccessAt: z.number().optional(),
  nextPollAt: z.number().optional(),
  retryNotBefore: z.number().optional(),
  lastError: sourceErrorSchema.optional(),
  lastHealth: z.enum(HEALTHS).optional(),
  lastStatus: providerStatusSchema.optional(),
  pageComponents: z.array(z.object({ name: z.string(), group: z.string().optional() })).max(1000).optional(),
  filterKey: z.string().optional(),
  // A null-prototype record: a key named "__proto__" stays an ordinary key and cannot reach Object.prototype.
  seen: z.record(z.string(), seenSchema).transform((r) => Object.assign(Object.create(null), r) as Record<string, z.infer<typeof seenSchema>>),
});

/** zod schema of `EngineState` (version 1). Unknown keys are dropped. */
export const engineStateSchema = z.object({
  version: z.literal(ENGINE_STATE_VERSION),
  sources: z.record(z.string(), sourceStateSchema),
});

/**
 * Validate (and migrate, when older versions exist) a value read from disk.
 * @returns the state, or `undefined` when the value is not a valid state of a known version.
 */
export function parseEngineState(value: unknown): EngineState | undefined {
  const migrated = migrateEngineState(value);
  const result = engineStateSchema.safeParse(migrated);
  if (!result.success) return undefined;
  const state = result.data as EngineState;
  // Read back from disk, each source's memory shares enum strings as a poll's copy does (enum-strings.ts).
  for (const source of Object.values(state.sources)) {
    if (source.lastStatus) withSharedEnumStrings(source.lastStatus);
    seenWithSharedEnumStrings(source.seen);
  }
  return state;
}

/** Bring an older persisted shape up to `ENGINE_STATE_VERSION`. Version 1 is the first; nothing to do yet. */
function migrateEngineState(value: unknown): unknown {
  return value;
}
