/**
 * The engine's concurrency limit: a request that waits long for its server gives its slot back, one that is
 * working keeps it, and a finished one frees it at once.
 */
import { describe, expect, it } from 'vitest';
import { createRequestSlots, releaseAfterMsFor, SLOW_REQUEST_MS, type SlotUse } from '../../../shared/engine/request-slots';
import { FakeClock } from '../../support/fake-clock';

/** An event loop that was idle: a waiting task is waiting for its server. */
const IDLE = { mark: () => undefined, busySince: () => 0 };

/** A task that runs until the test ends it, waiting for its server (`waiting`) or working. */
function openTask(started: string[], name: string, waiting = true) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return {
    run: (use: SlotUse) => {
      started.push(name);
      use.waiting = waiting;
      return done;
    },
    finish: () => finish(),
  };
}

describe('createRequestSlots', () => {
  it('starts a queued task once the waiting ones have held their slots for releaseAfterMs, not before', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(2, 500, 8, clock, IDLE);
    const stalled = [openTask(started, 's1'), openTask(started, 's2')];
    for (const t of stalled) void slots(t.run);
    const healthy = slots(async () => (started.push('healthy'), 'ok'));
    await clock.advance(499);
    expect(started).toEqual(['s1', 's2']);
    await clock.advance(1);
    await expect(healthy).resolves.toBe('ok');
    expect(started).toEqual(['s1', 's2', 'healthy']);
    for (const t of stalled) t.finish();
  });

  it('lets a working task keep its slot however long it takes', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(1, 500, 8, clock, IDLE);
    const busy = openTask(started, 'busy', false);
    const done = slots(busy.run);
    void slots(async () => started.push('next'));
    await clock.advance(5_000);
    expect(started).toEqual(['busy']);
    busy.finish();
    await done;
    await clock.advance(0);
    expect(started).toEqual(['busy', 'next']);
  });

  it('frees the slot as soon as a task ends, and passes its rejection on', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(1, 10_000, 8, clock, IDLE);
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

  it('lets at most `maxWaiting` tasks wait outside the limit', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    const slots = createRequestSlots(2, 100, 3, clock, IDLE);
    const tasks = Array.from({ length: 10 }, (_, i) => openTask(started, `t${i}`));
    for (const t of tasks) void slots(t.run);
    await clock.advance(0);
    expect(started).toHaveLength(2);
    await clock.advance(100); // two leave the limit, two more start
    expect(started).toHaveLength(4);
    await clock.advance(1_000); // one more may leave; then the limit holds
    expect(started).toHaveLength(5);
    tasks[0]!.finish(); // one outside ends: room for one more outside
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

describe('createRequestSlots while this process is busy', () => {
  it('keeps a waiting task in its slot while the event loop was mostly busy, and releases it once it is not', async () => {
    const clock = new FakeClock();
    const started: string[] = [];
    let busy = 0.9;
    const slots = createRequestSlots(1, 500, 8, clock, { mark: () => undefined, busySince: () => busy });
    const waiting = openTask(started, 'waiting');
    void slots(waiting.run);
    void slots(async () => started.push('next'));
    await clock.advance(2_000); // the answer may be here, unread: the slowness is ours
    expect(started).toEqual(['waiting']);
    busy = 0.1;
    await clock.advance(500);
    expect(started).toEqual(['waiting', 'next']);
    waiting.finish();
  });
});
