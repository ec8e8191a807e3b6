/**
 * fetchSource's per-exchange signal (deadline.ts): it is reused between exchanges to save allocations, so
 * these check that reuse never lets a finished exchange see a later one's abort, and that the direct
 * watcher channel the Node fast path uses fires like a listener would.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Deadline, unwatchDeadline, watchDeadline } from '../../../../shared/engine/http/deadline';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import type { FetchPort } from '../../../../shared/engine/ports';

const deps = (fetch: FetchPort) => ({ fetch, userAgent: 'T/1', now: () => 0, limits: { headersTimeoutMs: 200, totalTimeoutMs: 400 } });
const notModified = () => new Response(null, { status: 304 });

describe('fetchSource signals', () => {
  it('never hands a signal that a finished fetch still listens to, or an aborted one, to the next fetch', async () => {
    const seen: AbortSignal[] = [];
    const keepsListening: FetchPort = async (_url, init) => {
      seen.push(init.signal!);
      init.signal!.addEventListener('abort', () => undefined);
      return notModified();
    };
    await fetchSource({ url: 'https://a.example/' }, deps(keepsListening));
    await fetchSource({ url: 'https://a.example/' }, deps(keepsListening));
    expect(seen[1]).not.toBe(seen[0]);

    const hangs: FetchPort = (_url, init) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason), { once: true }));
    const timedOut = await fetchSource({ url: 'https://b.example/' }, deps(hangs));
    expect(timedOut).toMatchObject({ kind: 'error', error: { code: 'timeout' } });
    let next: AbortSignal | undefined;
    await fetchSource({ url: 'https://c.example/' }, deps(async (_url, init) => ((next = init.signal!), notModified())));
    expect(next?.aborted).toBe(false);
  });

  it('tells a watcher after the signal aborted, once, and not after it unwatched', () => {
    const deadline = new Deadline(10_000, undefined);
    const calls: boolean[] = [];
    const watcher = { handleEvent: () => calls.push(deadline.signal.aborted) };
    const gone = { handleEvent: () => calls.push(false) };
    expect(watchDeadline(deadline.signal, watcher)).toBe(true);
    expect(watchDeadline(deadline.signal, gone)).toBe(true);
    unwatchDeadline(deadline.signal, gone);
    deadline.abort('cancelled');
    deadline.abort('total-timeout');
    expect(calls).toEqual([true]);
    expect(deadline.abortCause).toBe('cancelled');
    expect(watchDeadline(deadline.signal, watcher)).toBe(false); // already aborted: listen the usual way
    expect(watchDeadline(new AbortController().signal, watcher)).toBe(false);
    deadline.dispose();
  });

  it('cancels every running exchange when the caller signal aborts, through one listener, and none it finished', () => {
    const caller = new AbortController();
    const running = [new Deadline(10_000, caller.signal), new Deadline(10_000, caller.signal), new Deadline(10_000, caller.signal)];
    const finished = new Deadline(10_000, caller.signal);
    finished.dispose();
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    caller.abort();
    expect(running.map((d) => [d.abortCause, d.signal.aborted])).toEqual(Array(3).fill(['cancelled', true]));
    expect(finished.abortCause).toBeUndefined();
    for (const d of running) d.dispose();
    // A caller signal that is already aborted cancels at once.
    const late = new Deadline(10_000, caller.signal);
    expect(late.abortCause).toBe('cancelled');
    late.dispose();
  });
});
