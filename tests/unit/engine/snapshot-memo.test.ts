import { describe, expect, it } from 'vitest';
import { buildSnapshot, type SnapshotMemo } from '../../../shared/engine/snapshot';
import { newSourceState, type SourceState } from '../../../shared/engine/state';
import type { SourceConfig } from '../../../shared/domain/source';
import { T0, status } from '../history/fixtures';

const configs: SourceConfig[] = [
  { id: 'a', url: 'https://a.example/api/v2/summary.json', intervalSeconds: 60 },
  { id: 'b', url: 'https://b.example/api/v2/summary.json', intervalSeconds: 60 },
];
const parsed = (url: string, health: 'operational' | 'major_outage'): SourceState => ({
  ...newSourceState(url),
  baselined: true,
  lastHealth: health,
  lastStatus: { ...status(health), provider: url },
  lastCheckedAt: T0,
  nextPollAt: T0 + 60_000,
});

describe('snapshots built on a memo', () => {
  it('reuse a source snapshot until its state, flags, poll time or next poll change, and say what a fresh build says', () => {
    const memo: SnapshotMemo = new WeakMap();
    const states: Record<string, SourceState> = { a: parsed(configs[0]!.url, 'operational'), b: parsed(configs[1]!.url, 'operational') };
    const build = (inFlight: string[] = [], pollMs = new Map<string, number>(), withMemo = true) =>
      buildSnapshot({ configs, states, inFlight: new Set(inFlight), pollMs, paused: false, ...(withMemo ? { memo } : {}) });
    const byId = (snap: ReturnType<typeof build>, id: string) => snap.sources.find((s) => s.id === id)!;

    const first = build();
    const again = build();
    expect(byId(again, 'a')).toBe(byId(first, 'a'));

    states.b = parsed(configs[1]!.url, 'major_outage'); // a poll replaced b's state
    const afterPoll = build();
    expect(byId(afterPoll, 'a')).toBe(byId(first, 'a'));
    expect(byId(afterPoll, 'b')).not.toBe(byId(first, 'b'));
    expect(afterPoll.sources.map((s) => s.id)).toEqual(['b', 'a']); // worst first, as without a memo
    expect(afterPoll).toEqual(build([], new Map(), false));

    expect(byId(build(['a']), 'a').polling).toBe(true);
    expect(byId(build([], new Map([['a', 120]])), 'a').lastPollMs).toBe(120);
    states.a!.nextPollAt = T0 + 5_000; // resume() moves it in place
    expect(byId(build(), 'a').nextPollAt).toBe(T0 + 5_000);
  });
});
