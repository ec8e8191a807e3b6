import { describe, expect, it } from 'vitest';
import { createPowerPolicy } from '../../../shared/app/power';
import { FakeClock, FakeEngine } from './helpers';

describe('createPowerPolicy', () => {
  it('pauses on suspend; on resume resumes and checks once after jitter', () => {
    const engine = new FakeEngine();
    const clock = new FakeClock();
    const power = createPowerPolicy({ engine, clock, random: () => 0.5, jitterMs: 10_000 });
    power.onSuspend();
    expect(engine.pauses).toBe(1);
    power.onResume();
    expect(engine.resumes).toBe(1);
    clock.advance(4_999);
    expect(engine.checked).toEqual([]);
    clock.advance(1);
    expect(engine.checked).toEqual([undefined]);
  });

  it('collapses resume and network-back into one check, and a suspend cancels a pending one', () => {
    const engine = new FakeEngine();
    const clock = new FakeClock();
    const power = createPowerPolicy({ engine, clock, random: () => 0.9, jitterMs: 1_000 });
    power.onResume();
    power.onOnline();
    clock.advance(1_000);
    expect(engine.checked).toHaveLength(1);
    power.onOnline();
    power.onSuspend();
    clock.advance(5_000);
    expect(engine.checked).toHaveLength(1);
  });
});
