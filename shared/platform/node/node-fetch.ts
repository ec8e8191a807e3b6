/**
 * The FetchPort for Node (CLI, tests, bench): ONE shared keep-alive undici 7 `Agent`, so polling many sources
 * on the same hosts reuses connections between polls. Electron passes `net.fetch` instead (system proxies);
 * this module is not used there.
 *
 * The plain GET that `fetchSource` makes (`redirect: 'manual'`, no body) goes straight to the agent's
 * `dispatch` (wire-request.ts, wire-fetch.ts): the same request bytes and the same `Response` as undici's
 * `fetch`, without its per-request Request/Headers/AbortSignal/web-stream machinery, which dominated the
 * all-304 polling cycle. Every other call goes through undici's `fetch` on the same agent.
 */
import { createRequire } from 'node:module';
import type { Agent as UndiciAgent } from 'undici';
import type { FetchPort } from '../../engine/ports';
import { DEFAULT_FETCH_LIMITS } from '../../engine/http/fetch-source';
import { wireFetch } from './wire-fetch';
import { wireRequest } from './wire-request';

/** Tuning of the shared agent; all times in ms. */
export interface NodeFetchOptions {
  /**
   * How long an idle connection is kept, ms (default 10 min, longer than the 300 s poll interval so the
   * next poll finds it open). A server's `Keep-Alive: timeout=` hint lowers it per connection.
   */
  keepAliveTimeoutMs?: number;
  /** TCP (and TLS) connect deadline, ms (default 10 s; docs/http-and-faults.md, "Deadlines"). */
  connectTimeoutMs?: number;
  /**
   * undici's own headers/body idle timeouts, ms. They are a backstop: fetchSource's AbortSignal deadlines
   * (15 s headers, 30 s total) fire first. Defaults: DEFAULT_FETCH_LIMITS.headersTimeoutMs / totalTimeoutMs.
   */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /**
   * Maximum connections per origin (default: no cap). A cap would be a second queue behind the engine's
   * concurrency limit, one the engine cannot see: a request waiting in it for a connection held by a stalled
   * neighbour has its deadline running, and a healthy source was reported as a timeout that way. The engine
   * already bounds how many requests are open (request-slots.ts), so the agent opens what it is asked to.
   */
  connectionsPerOrigin?: number;
}

/** A fetch bound to one agent, and the way to close that agent's connections. */
export interface NodeFetch {
  fetch: FetchPort;
  /** Close idle connections and wait for requests in flight; afterwards `fetch` rejects. */
  close(): Promise<void>;
  /** Drop every connection at once, in-flight requests included. */
  destroy(): Promise<void>;
}

const TEN_MINUTES_MS = 10 * 60_000;

/**
 * undici's `Agent` alone. The package's index also loads fetch, WebSocket, EventSource, caches and mock agents:
 * about 3.3 MB of heap for as long as the process lives, while every poll goes through the agent's `dispatch`.
 * undici has no `exports` map, so the module path is public; its version is pinned by the lockfile and the
 * fetch tests fail if the path moves. The full package is loaded on the first call the fast path does not
 * cover (see `fetch` below).
 */
const Agent = createRequire(import.meta.url)('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
/** undici's `fetch`, loaded on first use. */
let fullUndici: Promise<typeof import('undici')> | undefined;

/**
 * Create the Node FetchPort.
 * @param options agent tuning (see NodeFetchOptions); every field optional.
 * @returns `fetch` (WHATWG signature; returns 3xx responses as they are under `redirect: 'manual'`, and
 *   decompresses gzip/br/deflate bodies; rejects with `TypeError('fetch failed', { cause })` for network
 *   errors and with the signal's reason when aborted) and `close()` / `destroy()` for shutdown.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const keepAlive = options.keepAliveTimeoutMs ?? TEN_MINUTES_MS;
  const agent = new Agent({
    keepAliveTimeout: keepAlive,
    keepAliveMaxTimeout: Math.max(keepAlive, TEN_MINUTES_MS),
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    headersTimeout: options.headersTimeoutMs ?? DEFAULT_FETCH_LIMITS.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs ?? DEFAULT_FETCH_LIMITS.totalTimeoutMs,
    connections: options.connectionsPerOrigin ?? null,
  });
  // Not an async function: on the hot path the promise wireFetch returns is handed out as it is.
  const fetch: FetchPort = (input, init) => {
    let wire;
    try {
      wire = wireRequest(input, init);
    } catch (err) {
      return Promise.reject(err); // fetch reports bad arguments through its promise, never by throwing
    }
    if (wire) return wireFetch(agent, wire, init.signal);
    // undici's types describe its own Request/Response classes; at runtime they are the WHATWG ones the
    // engine uses (headers, status, body stream), so the cast only bridges the two type declarations.
    fullUndici ??= import('undici');
    return fullUndici.then(
      ({ fetch: undiciFetch }) => undiciFetch(input, { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>,
    );
  };
  return {
    fetch,
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  };
}
