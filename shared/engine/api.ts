/**
 * The engine as its callers see it (Electron main, the CLI, tests). Implemented by `createEngine` in
 * engine.ts. Snapshots are plain JSON-serialisable objects, so main can send them over IPC unchanged.
 */
import type { Health, ProviderStatus, SourceError } from '../domain/types';
import type { EngineEvent } from './events';
import type { SourceConfig } from '../domain/source';
import type { SaveError } from './save-error';

/** What the UI needs to show one source. Times are ms since epoch. */
export interface SourceSnapshot {
  id: string;
  /** Config name, else the document's provider name, else the URL's host. */
  name: string;
  /** Configured URL. */
  url: string;
  /** URL actually polled (differs after a confirmed permanent redirect). */
  effectiveUrl: string;
  enabled: boolean;
  /** `unknown` while never fetched, erroring or gone; else the last parsed status's health. */
  health: Health;
  /** Last successfully parsed status (kept while the source errors, so the UI can still show it, greyed). */
  status?: ProviderStatus;
  lastCheckedAt?: number;
  lastSuccessAt?: number;
  nextPollAt?: number;
  /** The error that makes the source show as failing (absent while flap suppression holds it back). */
  lastError?: SourceError;
  /** A failure not shown yet: fewer consecutive failed polls than `SourceConfig.failAfter`. */
  heldError?: SourceError;
  /** Every component the page lists (before the source's filter), grouped as the page groups them. */
  pageComponents?: { name: string; group?: string }[];
  /** A request for this source is in flight. */
  polling: boolean;
  /** How long the last finished poll took, ms of the engine's clock (request, parse and commit). */
  lastPollMs?: number;
}

/** The whole picture, pushed to listeners after every change. */
export interface EngineSnapshot {
  /** Sorted by severity (worst first), then name. */
  sources: SourceSnapshot[];
  /** Worst health of enabled sources; `operational` when there are none. */
  overall: Health;
  /** Polling paused (pause()/resume()). */
  paused: boolean;
  /** Set when the state store had to recover from a corrupt file; a banner shows it. */
  recoveryNotice?: string;
  /**
   * Set while the state cannot be saved (the last write failed): where, why, since when, the next retry and
   * how many events are held back until a write records them. Absent once a write succeeds.
   */
  saveError?: SaveError;
}

/** Listener for engine output. Exceptions thrown by listeners are caught and logged, never break polling. */
export interface EngineListener {
  /**
   * Events, called only after a write of the state recording them succeeded (held while writes fail, then
   * delivered once, in order). Usually one source's poll; after a failed write, everything held.
   */
  onEvents?(events: EngineEvent[]): void;
  /** A new snapshot (after any poll, config change, pause or resume). */
  onSnapshot?(snapshot: EngineSnapshot): void;
}

/** The polling engine. */
export interface Engine {
  /** Load state, then schedule every enabled source (none earlier than its persisted `nextPollAt`). */
  start(): Promise<void>;
  /** Stop scheduling, abort requests in flight, write state (one attempt; events it could not record are dropped). */
  stop(): Promise<void>;
  /** Replace the source list; new sources are polled soon (with jitter), removed ones forgotten. */
  setSources(sources: SourceConfig[]): void;
  /** Poll one source (or all) now, unless the server asked us to wait (Retry-After). Resolves when done. */
  checkNow(sourceId?: string): Promise<void>;
  /**
   * Poll every enabled source once, now (still honouring Retry-After), and resolve with the snapshot
   * when all have finished. For the CLI's `--once`.
   */
  pollOnce(): Promise<EngineSnapshot>;
  /** Stop scheduling new polls (requests in flight finish). */
  pause(): void;
  /** Resume: sources that came due while paused are polled with jitter. */
  resume(): void;
  snapshot(): EngineSnapshot;
  /**
   * One source's part of `snapshot()`, without building the whole snapshot (which sorts every source): for
   * listeners that react to one source's event. `undefined` for an unknown id.
   */
  sourceSnapshot(sourceId: string): SourceSnapshot | undefined;
  /**
   * Apply a status pushed to us (a Statuspage webhook) as if a poll had parsed it: `update` receives the last
   * parsed status (undefined before the first) and returns the new one. Events and state follow the poll
   * rules; the stored validators are dropped so the next poll re-reads the whole document and reconciles.
   * @returns false when the source is unknown, the engine stopped, or `update` returned undefined.
   */
  applyStatus?(sourceId: string, update: (previous: import('../domain/types').ProviderStatus | undefined) => import('../domain/types').ProviderStatus | undefined): Promise<boolean>;
  /** @returns an unsubscribe function. */
  subscribe(listener: EngineListener): () => void;
}

/** What `createEngine` (engine.ts) needs. Ports are documented in ./ports.ts. */
export interface EngineOptions {
  fetch: import('./ports').FetchPort;
  store: import('./ports').StateStore;
  /** Default: the system clock. */
  clock?: import('./ports').Clock;
  /** Default: Math.random. Used for jitter only. */
  random?: import('./ports').RandomPort;
  sources: SourceConfig[];
  /** `StatusTray/<version> (+<repo url>)`. */
  userAgent: string;
  /** Maximum requests in flight (default 16); requests waiting for a stalled server may leave it (request-slots.ts). */
  concurrency?: number;
  /**
   * The fetch port's own cap on connections per origin, if it has one (Electron's `net`: Chromium's 6 per
   * host). The engine then never has more requests to one origin in flight, so none waits in the port's
   * queue while its deadline runs. Leave it out for a port without a cap (the Node fetch).
   */
  maxRequestsPerOrigin?: number;
  /** Override fetch limits (timeouts, body cap); defaults in http/fetch-source.ts. */
  limits?: Partial<import('./http/types').FetchLimits>;
  /** Diagnostics sink (default: none). */
  log?: (message: string) => void;
}
