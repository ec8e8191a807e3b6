/**
 * The sandboxed preload: exposes `window.statusTray` (`StatusTrayApi`) and nothing else. Imports only
 * `electron` and the contract, so it bundles into one CommonJS file (`dist/electron/preload.cjs`).
 * The renderer never sees `ipcRenderer` itself, only these functions.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_INVOKE, IPC_PUSH, type AppSnapshot, type StatusTrayApi } from '../shared/ipc/contract';

const api: StatusTrayApi = {
  getSnapshot: () => ipcRenderer.invoke(IPC_INVOKE.getSnapshot),
  onSnapshot(listener) {
    const handler = (_event: IpcRendererEvent, snapshot: AppSnapshot) => listener(snapshot);
    ipcRenderer.on(IPC_PUSH.snapshot, handler);
    return () => {
      ipcRenderer.removeListener(IPC_PUSH.snapshot, handler);
    };
  },
  previewSource: (url) => ipcRenderer.invoke(IPC_INVOKE.previewSource, url),
  addSource: (input) => ipcRenderer.invoke(IPC_INVOKE.addSource, input),
  updateSource: (id, patch) => ipcRenderer.invoke(IPC_INVOKE.updateSource, id, patch),
  removeSource: (id) => ipcRenderer.invoke(IPC_INVOKE.removeSource, id),
  checkNow: (id) => (id === undefined ? ipcRenderer.invoke(IPC_INVOKE.checkNow) : ipcRenderer.invoke(IPC_INVOKE.checkNow, id)),
  pauseNotifications: (until) => ipcRenderer.invoke(IPC_INVOKE.pauseNotifications, until),
  setLaunchAtLogin: (enabled) => ipcRenderer.invoke(IPC_INVOKE.setLaunchAtLogin, enabled),
  setDefaultInterval: (seconds) => ipcRenderer.invoke(IPC_INVOKE.setDefaultInterval, seconds),
  openExternal: (url) => ipcRenderer.invoke(IPC_INVOKE.openExternal, url),
  openSettings: () => ipcRenderer.invoke(IPC_INVOKE.openSettings),
  importOpml: () => ipcRenderer.invoke(IPC_INVOKE.importOpml),
  exportOpml: () => ipcRenderer.invoke(IPC_INVOKE.exportOpml),
  snoozeSource: (id, request) => ipcRenderer.invoke(IPC_INVOKE.snoozeSource, id, request),
  watchIncident: (sourceId, incidentId, watch) => ipcRenderer.invoke(IPC_INVOKE.watchIncident, sourceId, incidentId, watch),
  setQuietHours: (quietHours) => ipcRenderer.invoke(IPC_INVOKE.setQuietHours, quietHours),
  setFailAfterPolls: (polls) => ipcRenderer.invoke(IPC_INVOKE.setFailAfterPolls, polls),
  getHistory: (query) => ipcRenderer.invoke(IPC_INVOKE.getHistory, query),
  getIncidentUpdates: (sourceId, incidentId) => ipcRenderer.invoke(IPC_INVOKE.getIncidentUpdates, sourceId, incidentId),
  // Alert channels.
  listChannels: () => ipcRenderer.invoke(IPC_INVOKE.listChannels),
  saveChannel: (channel, secrets) => ipcRenderer.invoke(IPC_INVOKE.saveChannel, channel, secrets),
  removeChannel: (id) => ipcRenderer.invoke(IPC_INVOKE.removeChannel, id),
  testChannel: (id) => ipcRenderer.invoke(IPC_INVOKE.testChannel, id),
  getChannelDeliveries: (id, limit) => (limit === undefined ? ipcRenderer.invoke(IPC_INVOKE.getChannelDeliveries, id) : ipcRenderer.invoke(IPC_INVOKE.getChannelDeliveries, id, limit)),
  setPopoverPinned: (pinned) => ipcRenderer.invoke(IPC_INVOKE.setPopoverPinned, pinned),
  closePopover: () => ipcRenderer.invoke(IPC_INVOKE.closePopover),
  openFullWindow: () => ipcRenderer.invoke(IPC_INVOKE.openFullWindow),
  onFocusProvider(listener) {
    // Only a string reaches the page: the IPC event (and its sender) never does.
    const handler = (_event: IpcRendererEvent, sourceId: unknown) => {
      if (typeof sourceId === 'string') listener(sourceId);
    };
    ipcRenderer.on(IPC_PUSH.focusProvider, handler);
    return () => {
      ipcRenderer.removeListener(IPC_PUSH.focusProvider, handler);
    };
  },
};

contextBridge.exposeInMainWorld('statusTray', api);
