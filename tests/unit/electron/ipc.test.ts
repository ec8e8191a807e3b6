import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH, type StatusTrayApi } from '../../../shared/ipc/contract';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
const { registerIpcHandlers, pushSnapshot, pushFocusProvider } = await import('../../../electron/ipc');

function fakeApi() {
  const calls: unknown[][] = [];
  const api = new Proxy({} as StatusTrayApi, {
    get: (_t, method: string) => async (...args: unknown[]) => {
      calls.push([method, ...args]);
      return { ok: true, value: method };
    },
  });
  return { api, calls };
}

const event = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } });

let off: () => void = () => undefined;
beforeEach(() => off());

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, and removes them again', () => {
    const { api } = fakeApi();
    off = registerIpcHandlers(double.ipcMain as never, api, ['app://status-tray']);
    expect([...double.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IPC_INVOKE).sort());
    off();
    expect(double.ipcMain.handlers.size).toBe(0);
  });

  it('rejects an untrusted or missing sender frame as a value', async () => {
    const { api, calls } = fakeApi();
    off = registerIpcHandlers(double.ipcMain as never, api, ['app://status-tray']);
    const handler = double.ipcMain.handlers.get(IPC_INVOKE.removeSource)!;
    expect(await handler(event('https://evil.example/'), 'abc')).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await handler(event(undefined), 'abc')).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(calls).toEqual([]);
  });

  it('rejects a bad payload as a value, and passes a good one to the API', async () => {
    const { api, calls } = fakeApi();
    off = registerIpcHandlers(double.ipcMain as never, api, ['app://status-tray']);
    const add = double.ipcMain.handlers.get(IPC_INVOKE.addSource)!;
    expect(await add(event('app://status-tray/settings.html'), { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await add(event('app://status-tray/settings.html'), { url: 'https://x.example/', notify: 'major' })).toEqual({ ok: true, value: 'addSource' });
    expect(calls).toEqual([['addSource', { url: 'https://x.example/', notify: 'major' }]]);
  });
});

describe('pushSnapshot', () => {
  it('sends on the push channel to open windows only', () => {
    const open = new double.BrowserWindow({});
    const closed = new double.BrowserWindow({});
    closed.close();
    const snap = { engine: { sources: [], overall: 'operational', paused: false }, settings: {} } as never;
    pushSnapshot([open, closed] as never, snap);
    expect(open.webContents.sent).toEqual([[IPC_PUSH.snapshot, snap]]);
    expect(closed.webContents.sent).toEqual([]);
  });
});

describe('pushFocusProvider', () => {
  it('sends the source id on the focus channel to an open window, and skips a closed or missing one', () => {
    const open = new double.BrowserWindow({});
    const closed = new double.BrowserWindow({});
    closed.close();
    pushFocusProvider(open as never, 'gh');
    pushFocusProvider(closed as never, 'gh');
    pushFocusProvider(undefined, 'gh');
    expect(open.webContents.sent).toEqual([['popover:focus-provider', 'gh']]);
    expect(closed.webContents.sent).toEqual([]);
  });
});
