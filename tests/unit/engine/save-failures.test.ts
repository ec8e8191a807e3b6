/**
 * "Nothing announced twice, even when the disk says no": an event leaves the engine only after a write
 * recorded it. A store whose write rejects (ENOSPC, EROFS, EACCES, EPERM, or any rejection) makes the
 * engine hold the events, keep polling, retry with backoff on the engine clock, and report the failure in
 * the snapshot; when a write succeeds the held events go out once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAVE_RETRY_BASE_MS, SAVE_RETRY_MAX_MS } from '../../../shared/engine/state-writer';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { DOCS, MemoryStore, engineTracker, source, waitUntil } from './harness';

let server: FeedServer;
const engines = engineTracker();

beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/do', DOCS.digitalOcean1030, { etag: '"d1"' });
  server.serveFile('/gh', DOCS.github, { etag: '"g1"' });
});
afterEach(async () => {
  await engines.closeAll();
  await server.close();
});

const opened = (events: readonly { type: string }[]) => events.filter((e) => e.type === 'incident.opened');
/** Nothing here stalls: generous deadlines keep a loaded machine from turning a poll into a timeout. */
const limits = { headersTimeoutMs: 10_000, totalTimeoutMs: 20_000 };

/** An engine on /do and /gh, both baselined on a working store. */
async function baselined(store = new MemoryStore()) {
  const t = engines.make([source('do', server.url('/do')), source('gh', server.url('/gh'))], { store, limits });
  await t.engine.checkNow();
  expect(t.engine.snapshot().sources.map((s) => s.lastError?.message)).toEqual([undefined, undefined]);
  expect(t.events.map((e) => e.type)).toEqual(['source.baselined', 'source.baselined']);
  t.events.length = 0;
  return t;
}

describe('when the state cannot be written', () => {
  for (const [code, reason] of [
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
  ] as const) {
    it(`${code}: holds the new incident, reports where and why, and announces it once when a write succeeds`, async () => {
      const t = await baselined();
      t.store.failWith = code;
      server.swap('/do', DOCS.digitalOcean1031);
      await t.engine.checkNow();

      expect(t.events).toEqual([]);
      const failing = t.engine.snapshot().saveError;
      expect(failing).toEqual({ path: '/test/state.json', reason, code, since: t.clock.now(), failures: 1, retryAt: t.clock.now() + SAVE_RETRY_BASE_MS, heldEvents: 2 });

      // Still polling: the next check sees the incident as known (in memory) and adds nothing.
      await t.engine.checkNow();
      expect(t.events).toEqual([]);
      expect(t.engine.snapshot().sources.find((s) => s.id === 'gh')?.lastCheckedAt).toBe(t.clock.now());

      t.store.failWith = undefined;
      await t.clock.advance(SAVE_RETRY_BASE_MS);
      await waitUntil(() => t.events.length > 0);
      // Both held events (the new incident and the health change), in order, once.
      expect(t.events.map((e) => e.type)).toEqual(['incident.opened', 'provider.health-changed']);
      expect(t.engine.snapshot().saveError).toBeUndefined();

      await t.engine.checkNow();
      await t.clock.advance(SAVE_RETRY_MAX_MS);
      expect(t.events).toHaveLength(2);
    });
  }

  it('a restart before any write succeeded announces the incident once, not twice', async () => {
    const store = new MemoryStore();
    const first = await baselined(store);
    store.failWith = 'ENOSPC';
    server.swap('/do', DOCS.digitalOcean1031);
    await first.engine.checkNow();
    await first.close();
    expect(first.events).toEqual([]);

    store.failWith = undefined;
    const second = engines.make([source('do', server.url('/do')), source('gh', server.url('/gh'))], { store, clock: first.clock, limits });
    await second.engine.checkNow();
    expect(opened(second.events)).toHaveLength(1);
    await second.engine.checkNow();
    expect(opened(second.events)).toHaveLength(1);
  });

  it('retries with doubling backoff up to the cap, without writing on every poll', async () => {
    const t = await baselined();
    t.store.failWith = 'ENOSPC';
    server.swap('/do', DOCS.digitalOcean1031);
    await t.engine.checkNow();
    const retryDelays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const snap = t.engine.snapshot().saveError!;
      retryDelays.push(snap.retryAt! - t.clock.now());
      await t.clock.advance(snap.retryAt! - t.clock.now());
      await waitUntil(() => t.engine.snapshot().saveError!.failures === i + 2);
    }
    expect(retryDelays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    // Polls while failing leave the writing to the retry timer.
    const attempts = t.store.failedWrites;
    await t.engine.checkNow();
    expect(t.store.failedWrites).toBe(attempts);
    expect(t.engine.snapshot().saveError?.heldEvents).toBe(2);
  });

  it('a write rejecting with no system code still holds the events and reports the message', async () => {
    const t = await baselined();
    t.store.failWrites = true;
    server.swap('/do', DOCS.digitalOcean1031);
    await t.engine.checkNow();
    expect(t.events).toEqual([]);
    expect(t.engine.snapshot().saveError).toMatchObject({ path: '/test/state.json', reason: 'disk full', heldEvents: 2 });
  });

  it('snapshot listeners hear of the failure and of the recovery', async () => {
    const t = await baselined();
    const seen: (number | undefined)[] = [];
    t.engine.subscribe({ onSnapshot: (s) => seen.push(s.saveError?.heldEvents) });
    t.store.failWith = 'EROFS';
    server.swap('/do', DOCS.digitalOcean1031);
    await t.engine.checkNow();
    expect(seen.at(-1)).toBe(2);
    t.store.failWith = undefined;
    await t.clock.advance(SAVE_RETRY_BASE_MS);
    await waitUntil(() => seen.at(-1) === undefined);
  });

  it('stop() makes one last attempt; events it could not record are dropped, not announced', async () => {
    const t = await baselined();
    t.store.failWith = 'ENOSPC';
    server.swap('/do', DOCS.digitalOcean1031);
    await t.engine.checkNow();
    const attempts = t.store.failedWrites;
    await t.engine.stop();
    expect(t.store.failedWrites).toBe(attempts + 1);
    t.store.failWith = undefined;
    await t.clock.advance(SAVE_RETRY_MAX_MS * 2);
    expect(t.events).toEqual([]);
    expect(t.clock.pending).toBe(0);
  });

  it('pollOnce reports the failure in the snapshot it returns', async () => {
    const store = new MemoryStore();
    store.failWith = 'ENOSPC';
    const t = engines.make([source('do', server.url('/do'))], { store, limits });
    const snap = await t.engine.pollOnce();
    expect(snap.saveError).toMatchObject({ path: '/test/state.json', reason: 'the disk is full', code: 'ENOSPC' });
    expect(t.events).toEqual([]);
  });
});
