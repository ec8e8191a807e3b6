/**
 * Shared set-up for the HTTP tests: a feed server on 127.0.0.1 and the Node FetchPort, both closed after
 * each test, plus small deadlines so fault tests finish quickly.
 */
import { afterEach, beforeEach } from 'vitest';
import { createNodeFetch, type NodeFetch } from '../../../../shared/platform/node/node-fetch';
import type { FetchDeps, FetchLimits } from '../../../../shared/engine/http/types';
import { startFeedServer, type FeedServer } from '../../../support/feed-server';

/** Deadlines small enough for a fast suite, long enough for a loaded 2-core machine to answer a healthy request. */
export const TEST_LIMITS: Partial<FetchLimits> = { headersTimeoutMs: 400, totalTimeoutMs: 800 };

/** A fixed "local clock" value for `SourceError.at`. */
export const NOW = Date.UTC(2026, 8, 25, 12, 0, 0);

export interface HttpHarness {
  server: FeedServer;
  http: NodeFetch;
  /** FetchDeps over the real Node fetch; `limits` defaults to TEST_LIMITS. */
  deps(overrides?: Partial<FetchDeps>): FetchDeps;
}

/** Register beforeEach/afterEach hooks and return the live harness (fields are set before each test). */
export function useHttpHarness(): HttpHarness {
  const harness = {} as HttpHarness;
  beforeEach(async () => {
    harness.server = await startFeedServer();
    harness.http = createNodeFetch();
    harness.deps = (overrides = {}) => ({
      fetch: harness.http.fetch,
      userAgent: 'StatusTray/0.1.0 (+https://github.com/status-tray/status-tray)',
      limits: TEST_LIMITS,
      now: () => NOW,
      ...overrides,
    });
  });
  afterEach(async () => {
    await harness.http.destroy();
    await harness.server.close();
  });
  return harness;
}

/** Resolves when the server side of `req`'s connection closes. */
export function socketClosed(socket: import('node:net').Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}

/** A promise plus its resolver, for handing values out of server handlers. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The value of header `name` exactly as sent, from Node's rawHeaders pairs. */
export function rawHeader(rawHeaders: string[], name: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === name.toLowerCase()) return rawHeaders[i + 1];
  }
  return undefined;
}
