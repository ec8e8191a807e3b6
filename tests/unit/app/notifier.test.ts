import { describe, expect, it } from 'vitest';
import { createAppNotifier } from '../../../shared/app/notifier';
import type { Toast } from '../../../shared/presentation/notifications';
import { FakeClock, incident, opened, settingsWith, source } from './helpers';

function setup(show?: (t: Toast) => void) {
  const clock = new FakeClock();
  const shown: Toast[] = [];
  const logs: string[] = [];
  const notifier = createAppNotifier({
    port: { show: show ?? ((t) => void shown.push(t)) },
    clock,
    settings: () => settingsWith([source('gh'), source('oa')]),
    batchWindowMs: 1_000,
    log: (m) => logs.push(m),
  });
  return { notifier, clock, shown, logs };
}

describe('createAppNotifier', () => {
  it('gathers the polls of one cycle and coalesces a burst across sources into one toast', () => {
    const { notifier, clock, shown } = setup();
    notifier.handle([opened('gh', incident('1')), opened('gh', incident('2'))]);
    clock.advance(500);
    notifier.handle([opened('oa', incident('3'), 'OpenAI'), opened('oa', incident('4'), 'OpenAI')]);
    expect(shown).toEqual([]);
    clock.advance(500);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('4 status updates');
  });

  it('burst of 10 in one cycle → 1 toast; 20 more cycles within the minute → at most 5 in total (FAULTS 49)', () => {
    const { notifier, clock, shown } = setup();
    notifier.handle(Array.from({ length: 10 }, (_, i) => opened('gh', incident(`b${i}`))));
    clock.advance(1_000);
    expect(shown).toHaveLength(1);
    for (let c = 0; c < 20; c++) {
      notifier.handle([opened('gh', incident(`c${c}`))]);
      clock.advance(2_000);
    }
    expect(shown).toHaveLength(5);
    expect(notifier.stats().dropped).toBeGreaterThan(0);
  });

  it('a port that throws is logged and not retried; later toasts still go out (FAULTS 47, 50)', () => {
    let calls = 0;
    const { notifier, clock, logs } = setup(() => {
      calls++;
      if (calls === 1) throw new Error('notification daemon gone');
    });
    notifier.handle([opened('gh', incident('1'))]);
    clock.advance(1_000);
    clock.advance(60_000);
    expect(calls).toBe(1);
    expect(logs.join('\n')).toMatch(/notification daemon gone/);
    notifier.handle([opened('gh', incident('2'))]);
    clock.advance(1_000);
    expect(calls).toBe(2);
    expect(notifier.stats()).toMatchObject({ shown: 1, failed: 1 });
  });

  it('dispose drops what was buffered', () => {
    const { notifier, clock, shown } = setup();
    notifier.handle([opened('gh', incident('1'))]);
    notifier.dispose();
    clock.advance(5_000);
    expect(shown).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
