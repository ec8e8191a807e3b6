/**
 * IPC handlers: one `ipcMain.handle` per channel of the contract (channel names come from
 * `IPC_INVOKE` only), each going through `dispatchInvoke` — sender frame checked against the app's own
 * origin, payload validated with the zod schemas, errors returned as values.
 */
import type { BrowserWindow, IpcMain } from 'electron';
import { IPC_INVOKE, IPC_PUSH, type AppSnapshot, type StatusTrayApi } from '../shared/ipc/contract';
import { dispatchInvoke } from '../shared/ipc/dispatch';
import type { InvokeMethod } from '../shared/ipc/schemas';

/**
 * Register every invoke handler on `ipcMain`.
 * @param trustedOrigins e.g. `[APP_ORIGIN]`; see `validateSender`.
 * @returns a function removing the handlers.
 */
export function registerIpcHandlers(ipcMain: IpcMain, api: StatusTrayApi, trustedOrigins: readonly string[]): () => void {
  const entries = Object.entries(IPC_INVOKE) as [InvokeMethod, string][];
  for (const [method, channel] of entries) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatchInvoke(api, method, event.senderFrame?.url, args, trustedOrigins));
  }
  return () => {
    for (const [, channel] of entries) ipcMain.removeHandler(channel);
  };
}

/** Push a snapshot to every open window (a destroyed one is skipped). */
export function pushSnapshot(windows: readonly BrowserWindow[], snapshot: AppSnapshot): void {
  for (const w of windows) {
    if (!w.isDestroyed() && !w.webContents.isDestroyed()) w.webContents.send(IPC_PUSH.snapshot, snapshot);
  }
}

/** Ask one window's page to show a provider (`onFocusProvider` in the preload); a destroyed window is skipped. */
export function pushFocusProvider(win: BrowserWindow | undefined, sourceId: string): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IPC_PUSH.focusProvider, sourceId);
}
