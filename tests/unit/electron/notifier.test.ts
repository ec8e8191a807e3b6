import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Toast } from '../../../shared/presentation/notifications';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
const { createElectronNotifier } = await import('../../../electron/notifier');

const toast = (id: string, url?: string): Toast => ({ id, title: 'GitHub — Major outage', body: `Incident ${id}`, ...(url ? { url } : {}) });

beforeEach(() => {
  double.Notification.created.length = 0;
  double.Notification.supported = true;
});

describe('createElectronNotifier', () => {
  it('shows a system notification with the toast text and reports clicks', () => {
    const onClick = vi.fn();
    const n = createElectronNotifier({ onClick, onFallback: vi.fn() });
    n.show(toast('1', 'https://x.example/1'));
    const [shown] = double.Notification.created;
    expect(shown!.options).toMatchObject({ title: 'GitHub — Major outage', body: 'Incident 1' });
    expect(shown!.shown).toBe(1);
    shown!.emit('click');
    expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ id: '1', url: 'https://x.example/1' }));
  });

  it('falls back when notifications are unsupported, without creating any', () => {
    double.Notification.supported = false;
    const onFallback = vi.fn();
    const n = createElectronNotifier({ onClick: vi.fn(), onFallback });
    n.show(toast('1'));
    n.show(toast('2'));
    expect(double.Notification.created).toEqual([]);
    expect(onFallback.mock.calls.map((c) => c[0].id)).toEqual(['1', '2']);
    expect(n.systemAvailable).toBe(false);
  });

  it('on `failed`: falls back once for that toast, and never retries system notifications (FAULTS 50)', () => {
    const onFallback = vi.fn();
    const log = vi.fn();
    const n = createElectronNotifier({ onClick: vi.fn(), onFallback, log });
    n.show(toast('1'));
    double.Notification.created[0]!.emit('failed', {}, 'UNErrorDomain 1');
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(double.Notification.created[0]!.shown).toBe(1);
    n.show(toast('2'));
    n.show(toast('3'));
    expect(double.Notification.created).toHaveLength(1);
    expect(onFallback.mock.calls.map((c) => c[0].id)).toEqual(['1', '2', '3']);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
