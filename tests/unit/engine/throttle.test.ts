import { describe, expect, it } from 'vitest';
import { throttle } from '../../../shared/engine/throttle';
import { SNAPSHOT_EVERY_MS } from '../../../shared/engine/engine';
import { FakeClock } from '../../support/fake-clock';
import { engineTracker, source, DOCS } from './harness';
import { startFeedServer } from '../../support/feed-server';

describe('throttle', () => {
  it('runs the first request at once and folds the rest of the interval into one call at its end', async () => {
    const clock = new FakeClock();
    const calls: number[] = [];
    const t = throttle(clock, 100, () => calls.push(clock.now() - T0));
    const T0 = clock.now();
    t.request();
    t.request();
    await clock.advance(40);
    t.request();
    expect(calls).toEqual([0]);
    await clock.advance(60);
    expect(calls).toEqual([0, 100]);
    await clock.advance(500);
    expect(calls).toEqual([0, 100]); // nothing asked meanwhile
    t.request();
    expect(calls).toEqual([0, 100, 600]);
  });

  it('now() runs at once and drops the waiting call; flush() runs only a waiting one', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const t = throttle(clock, 100, () => calls++);
    t.request();
    t.request();
    t.now();
    expect(calls).toBe(2);
    await clock.advance(200);
    expect(calls).toBe(2);
    t.flush();
    expect(calls).toBe(2);
    t.request(); // the interval since now() has passed: at once
    t.request();
    t.flush();
    expect(calls).toBe(4);
    expect(clock.pending).toBe(0);
  });
});

describe('engine snapshots during a cycle', () => {
  it('are published at most once per SNAPSHOT_EVERY_MS while polls run, and the last one shows the cycle done', async () => {
    const server = await startFeedServer();
    const { make, closeAll } = engineTracker();
    try {
      const ids = Array.from({ length: 30 }, (_, i) => `s${i}`);
      for (const id of ids) server.serveFile(`/${id}`, DOCS.github);
      const t = make(ids.map((id) => source(id, server.url(`/${id}`))));
      const published: Array<{ at: number; done: number }> = [];
      t.engine.subscribe({ onSnapshot: (snap) => published.push({ at: t.clock.now(), done: snap.sources.filter((s) => s.lastCheckedAt !== undefined && !s.polling).length }) });
      await t.engine.pollOnce(); // the test clock stands still: one snapshot at once, the rest wait for the interval
      expect(published).toHaveLength(1);
      await t.clock.advance(SNAPSHOT_EVERY_MS);
      expect(published).toHaveLength(2);
      expect(published[1]).toEqual({ at: published[0]!.at + SNAPSHOT_EVERY_MS, done: ids.length });
    } finally {
      await closeAll();
      await server.close();
    }
  });
});
