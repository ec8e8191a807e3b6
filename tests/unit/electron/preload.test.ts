import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH, type AppSnapshot, type StatusTrayApi } from '../../../shared/ipc/contract';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
await import('../../../electron/preload');
const api = double.contextBridge.exposed.get('statusTray') as StatusTrayApi;

describe('preload', () => {
  it('exposes exactly the StatusTrayApi methods as window.statusTray', () => {
    expect([...double.contextBridge.exposed.keys()]).toEqual(['statusTray']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(IPC_INVOKE), 'onSnapshot'].sort());
  });

  it('invokes the contract channels with the arguments', async () => {
    double.ipcRenderer.invoked.length = 0;
    await api.addSource({ url: 'https://x.example/' });
    await api.updateSource('a', { enabled: false });
    await api.checkNow();
    await api.checkNow('a');
    await api.pauseNotifications(null);
    expect(double.ipcRenderer.invoked).toEqual([
      [IPC_INVOKE.addSource, { url: 'https://x.example/' }],
      [IPC_INVOKE.updateSource, 'a', { enabled: false }],
      [IPC_INVOKE.checkNow],
      [IPC_INVOKE.checkNow, 'a'],
      [IPC_INVOKE.pauseNotifications, null],
    ]);
  });

  it('asks main for OPML import and export without naming a file (main shows the dialogs)', async () => {
    double.ipcRenderer.invoked.length = 0;
    await api.importOpml();
    await api.exportOpml();
    expect(double.ipcRenderer.invoked).toEqual([[IPC_INVOKE.importOpml], [IPC_INVOKE.exportOpml]]);
  });

  it('delivers pushed snapshots without the IPC event, until unsubscribed', () => {
    const got: AppSnapshot[] = [];
    const off = api.onSnapshot((s) => got.push(s));
    const snap = { engine: { sources: [] }, settings: {} } as unknown as AppSnapshot;
    double.ipcRenderer.emit(IPC_PUSH.snapshot, { sender: 'secret' }, snap);
    off();
    double.ipcRenderer.emit(IPC_PUSH.snapshot, {}, snap);
    expect(got).toEqual([snap]);
    expect(double.ipcRenderer.listenerCount(IPC_PUSH.snapshot)).toBe(0);
  });
});
