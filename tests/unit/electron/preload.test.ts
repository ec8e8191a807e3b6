import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH, type AppSnapshot, type StatusTrayApi } from '../../../shared/ipc/contract';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
await import('../../../electron/preload');
const api = double.contextBridge.exposed.get('statusTray') as StatusTrayApi;

describe('preload', () => {
  it('exposes exactly the StatusTrayApi methods as window.statusTray', () => {
    expect([...double.contextBridge.exposed.keys()]).toEqual(['statusTray']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(IPC_INVOKE), 'onSnapshot', 'onFocusProvider'].sort());
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

  it('asks main for one incident\'s recorded updates by source and incident id', async () => {
    double.ipcRenderer.invoked.length = 0;
    await api.getIncidentUpdates('aws', 'https://status.aws.amazon.com/#ec2_1');
    expect(double.ipcRenderer.invoked).toEqual([['incident:updates', 'aws', 'https://status.aws.amazon.com/#ec2_1']]);
  });

  it('asks main for OPML import and export without naming a file (main shows the dialogs)', async () => {
    double.ipcRenderer.invoked.length = 0;
    await api.importOpml();
    await api.exportOpml();
    expect(double.ipcRenderer.invoked).toEqual([[IPC_INVOKE.importOpml], [IPC_INVOKE.exportOpml]]);
  });

  it('invokes the popover and full-window channels', async () => {
    double.ipcRenderer.invoked.length = 0;
    await api.setPopoverPinned(true);
    await api.closePopover();
    await api.openFullWindow();
    expect(double.ipcRenderer.invoked).toEqual([
      [IPC_INVOKE.setPopoverPinned, true],
      ['popover:close'],
      ['window:open-full'],
    ]);
    expect(IPC_INVOKE.setPopoverPinned).toBe('popover:set-pinned');
  });

  it('delivers focus-provider requests as the source id only, until unsubscribed', () => {
    const got: string[] = [];
    const off = api.onFocusProvider((id) => got.push(id));
    double.ipcRenderer.emit('popover:focus-provider', { sender: 'secret' }, 'github');
    double.ipcRenderer.emit(IPC_PUSH.focusProvider, {}, { not: 'a string' });
    off();
    double.ipcRenderer.emit(IPC_PUSH.focusProvider, {}, 'aws');
    expect(got).toEqual(['github']);
    expect(double.ipcRenderer.listenerCount(IPC_PUSH.focusProvider)).toBe(0);
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
