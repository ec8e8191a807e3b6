/** The engine's concurrency limit: a slow request gives its slot back, a finished one at once. */
import { describe, expect, it } from 'vitest';
import { createRequestSlots, releaseAfterMsFor, SLOW_REQUEST_MS } from '../../../shared/engine/request-slots';
import { FakeClock } from '../../support/fake-clock';

/** A task that runs until the test ends it. */
function openTask(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { run: () => (started.push(name), done), finish: () => finish() };
}

describe('createRequestSlots', () => {
  it('starts a queued task when a slow one has held its slot for releaseAfterMs, not before', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(2, 500, clock);
    const stalled = [openTask(started, 's1'), openTask(started, 's2')];
    for (const t of stalled) void slots(t.run);
    const healthy = slots(async () => (started.push('healthy'), 'ok'));
    await clock.advance(499);
    expect(started).toEqual(['s1', 's2']);
    await clock.advance(1);
    await expect(healthy).resolves.toBe('ok');
    // The slow tasks go on outside the limit and still deliver their result.
    expect(started).toEqual(['s1', 's2', 'healthy']);
    for (const t of stalled) t.finish();
  });

  it('frees the slot as soon as a task ends, and passes its rejection on', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(1, 10_000, clock);
    const failing = slots(async () => {
      started.push('a');
      throw new Error('boom');
    });
    const next = slots(async () => (started.push('b'), 2));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe(2);
    expect(started).toEqual(['a', 'b']);
    expect(clock.pending).toBe(0); // the release timers of finished tasks are cleared
  });

  it('holds at most `concurrency` slots within one release period', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(3, 100, clock);
    const tasks = Array.from({ length: 10 }, (_, i) => openTask(started, `t${i}`));
    for (const t of tasks) void slots(t.run);
    await clock.advance(0);
    expect(started).toHaveLength(3);
    await clock.advance(100);
    expect(started).toHaveLength(6);
    for (const t of tasks) t.finish();
  });

  it('releases after a quarter of the headers deadline, at most SLOW_REQUEST_MS', () => {
    expect(releaseAfterMsFor(3_000)).toBe(750);
    expect(releaseAfterMsFor(15_000)).toBe(SLOW_REQUEST_MS);
    expect(releaseAfterMsFor(0)).toBe(1);
  });
});
