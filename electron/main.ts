/**
 * Composition root of the desktop app: builds the ports (net.fetch, stores, clock, notifier), the engine and
 * the controller, then the tray, the popover, windows and IPC. The engine keeps polling with every window
 * closed; closing a window destroys it, while the tray popover is only hidden (docs/popover-window.md); only
 * Quit exits. Logic lives in shared/ (controller, policies, tray model, popover placement).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, powerMonitor, screen, type Rectangle } from 'electron';
import electronUpdater from 'electron-updater';
import { APP_ID } from '../shared/app-identity';
import type { PopoverSize } from '../shared/domain/settings';
import { createAppController } from '../shared/app/controller';
import { createPowerPolicy } from '../shared/app/power';
import { createPreview } from '../shared/app/preview';
import { toSourceConfigs } from '../shared/domain/settings';
import { createEngine } from '../shared/engine/engine';
import { fetchSource } from '../shared/engine/http/fetch-source';
import { parseDocument } from '../shared/formats/registry';
import { backfillOnBaseline } from '../shared/history/backfill';
import { userAgent } from '../shared/engine/user-agent';
import { systemClock, type FetchPort } from '../shared/engine/ports';
import { buildTrayModel, trayIcon, type TrayAction, type TrayLook } from '../shared/presentation/tray-model';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpcHandlers, pushSnapshot } from './ipc';
import { createPopover } from './popover';
import { createElectronNotifier } from './notifier';
import { createElectronFetch } from './net-fetch';
import { openExternalSafe } from './open-external';
import { createOpmlFilePort } from './opml-files';
import { openSettingsStore, openStatusStore } from './store';
import { createAppTray } from './tray';
import { setupAppChannels } from './channels';
import { canSelfUpdate, detectInstallKind, readLinuxPackageType, setupAutoUpdates, type AutoUpdates, type UpdateCheckOutcome } from './updater';
import { createAppWindow, hardenSession, WindowManager } from './windows';

const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string) => console.log(`[status-tray] ${message}`);
/** Set once the app is up: what a second launch does. */
let showMainWindow: (() => void) | undefined;

/** Every request the engine makes: Chromium's network stack (system proxies, certificates), no cookies. */
const electronFetch: FetchPort = createElectronFetch(net);
/** Chromium's socket pool opens at most 6 connections per host and queues further requests. */
const CHROMIUM_CONNECTIONS_PER_HOST = 6;

/** Auto-update (electron/updater.ts): off in development and for installs the system package manager owns. */
function startAutoUpdates(): AutoUpdates {
  const kind = detectInstallKind({
    platform: process.platform,
    env: process.env,
    linuxPackageType: app.isPackaged ? readLinuxPackageType(process.resourcesPath, (p) => readFileSync(p, 'utf8')) : null,
  });
  return setupAutoUpdates({
    app,
    // electron-updater is CommonJS: its default export carries `autoUpdater`.
    autoUpdater: electronUpdater.autoUpdater,
    isPackaged: app.isPackaged,
    platformCanSelfUpdate: canSelfUpdate(kind),
    log: { info: log, warn: log, error: log },
    clock: systemClock,
  });
}

/** One sentence for the "Check for Updates…" dialog. */
function updateMessage(outcome: UpdateCheckOutcome): string {
  switch (outcome.kind) {
    case 'disabled':
      return `Automatic updates are off: ${outcome.reason}`;
    case 'up-to-date':
      return `Status Tray ${outcome.currentVersion} is the latest version.`;
    case 'update-available':
      return `Version ${outcome.version} is downloading; it will be installed when you quit Status Tray.`;
    case 'error':
      return `Could not check for updates: ${outcome.message}`;
  }
}

/** Folder of the tray PNGs: `resources/tray` when packaged (electron-builder extraResources), else build/tray. */
function trayIconDir(): string | undefined {
  const candidates = app.isPackaged ? [join(process.resourcesPath, 'tray')] : [join(app.getAppPath(), 'build/tray')];
  return candidates.find((d) => existsSync(d));
}

async function startApp(): Promise<void> {
  const devServer = !app.isPackaged ? process.env.VITE_DEV_SERVER_URL : undefined;
  const pageOrigin = devServer ? new URL(devServer).origin : APP_ORIGIN;
  serveAppProtocol(join(here, '../renderer'));
  hardenSession(devServer ? { devOrigin: pageOrigin } : {});
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);

  const dataDir = app.getPath('userData');
  const settings = openSettingsStore(dataDir);
  const status = await openStatusStore(dataDir, Date.now, settings.recovered ? settings.notice : undefined, log);
  const engine = createEngine({
    fetch: electronFetch,
    store: status.store,
    sources: toSourceConfigs(settings.store.get()),
    userAgent: userAgent(app.getVersion()),
    maxRequestsPerOrigin: CHROMIUM_CONNECTIONS_PER_HOST,
    log,
  });
  const windowOptions = { preloadPath: join(here, 'preload.cjs'), pageOrigin };
  const windows = new WindowManager(windowOptions);
  // The tray popover (electron/popover.ts); its tray and the controller it remembers its size in come later.
  let trayBounds: () => Rectangle | undefined = () => undefined;
  let sizeStore: { get(): PopoverSize | undefined; set(size: PopoverSize): void } = { get: () => undefined, set: () => undefined };
  const popover = createPopover({
    createWindow: () => {
      const win = createAppWindow('popover', windowOptions);
      // macOS: open on the Space the user is on, not the one the popover was first made on.
      if (process.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { skipTransformProcessType: true });
      return win;
    },
    trayBounds: () => trayBounds(),
    displays: () => {
      const primary = screen.getPrimaryDisplay();
      return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
    },
    cursor: () => screen.getCursorScreenPoint(),
    platform: process.platform,
    size: { get: () => sizeStore.get(), set: (size) => sizeStore.set(size) },
    now: Date.now,
  });
  const openWindows = (): BrowserWindow[] => {
    const pop = popover.window();
    return pop ? [...windows.all(), pop as BrowserWindow] : windows.all();
  };
  let missedAlerts = 0;
  // The controller is created after the notifier it uses; the "Snooze 1 h" button reaches it through this.
  let snoozeHour: (sourceId: string) => void = () => undefined;
  const notifier = createElectronNotifier({
    onClick: (toast) => {
      if (toast.url) void openExternalSafe(toast.url);
      else if (toast.sourceId) popover.show(toast.sourceId);
      else popover.show();
    },
    onSnooze: (toast) => {
      if (toast.sourceId) snoozeHour(toast.sourceId);
    },
    onFallback: () => {
      missedAlerts++;
      refreshTray();
    },
    log,
  });
  const channels = setupAppChannels(dataDir, electronFetch, userAgent(app.getVersion()), log, status.deliveries);
  const controller = createAppController({
    engine,
    settings: settings.store,
    alerts: channels.dispatcher,
    channels: channels.manager,
    preview: createPreview({ fetch: electronFetch, userAgent: userAgent(app.getVersion()), now: Date.now }),
    clock: systemClock,
    notifier,
    openExternal: async (url) => {
      if (!(await openExternalSafe(url))) throw new Error('The browser could not be opened.');
    },
    openSettings: () => windows.show('settings'),
    windows: {
      setPopoverPinned: (pinned) => popover.setPinned(pinned),
      closePopover: () => popover.hide(),
      openFullWindow: () => {
        popover.hide();
        windows.show('main');
      },
    },
    // Dialogs are modal to the window that asked (the settings window), so they cannot get lost behind it.
    opmlFiles: createOpmlFilePort({
      showOpenDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow();
        return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
      },
      showSaveDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow();
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
      },
      defaultDir: () => app.getPath('documents'),
    }),
    applyLaunchAtLogin: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    ...(settings.notice ? { settingsNotice: settings.notice } : {}),
    history: status.view,
    incidentUpdates: status.incidentUpdates,
    log,
  });
  backfillOnBaseline(engine, status.store, { fetch: electronFetch, fetchSource, parse: parseDocument, userAgent: userAgent(app.getVersion()), now: Date.now }, log);

  snoozeHour = (sourceId) => void controller.snoozeSource(sourceId, { hours: 1 });
  sizeStore = { get: () => controller.settings().popoverSize, set: (size) => void controller.setPopoverSize(size) };
  // Main's own focus requests (tray menu, notification clicks) go through the controller, like the e2e bridge.
  controller.onFocusProvider((sourceId) => popover.show(sourceId));
  const updates = startAutoUpdates();
  const onTrayAction = (action: TrayAction): void => {
    switch (action.type) {
      case 'open-popover':
        missedAlerts = 0;
        popover.show();
        return refreshTray();
      case 'show-provider':
        return controller.focusProvider(action.sourceId);
      case 'open-window':
        missedAlerts = 0;
        popover.hide();
        windows.show('main');
        return refreshTray();
      case 'check-now':
        return void controller.checkNow();
      case 'pause-notifications':
        return void controller.pauseNotifications(action.until);
      case 'snooze-source':
        return void controller.snoozeSource(action.sourceId, action.request);
      case 'open-settings':
        return void windows.show('settings');
      case 'toggle-launch-at-login':
        return void controller.setLaunchAtLogin(!controller.settings().launchAtLogin);
      case 'check-updates':
        return void updates.checkNow().then((outcome) => dialog.showMessageBox({ type: 'info', title: 'Status Tray', message: updateMessage(outcome) }));
      case 'quit':
        return app.quit();
    }
  };
  const trayLook = (): TrayLook => ({ platform: process.platform, darkMenuBar: nativeTheme.shouldUseDarkColors });
  const tray = createAppTray(trayIconDir(), onTrayAction, {
    initialIcon: trayIcon('unknown', false, trayLook()),
    platform: process.platform,
    onClick: () => {
      missedAlerts = 0;
      popover.toggle();
      refreshTray();
    },
  });
  trayBounds = () => tray.bounds();
  showMainWindow = () => onTrayAction({ type: 'open-window' });
  function refreshTray(): void {
    const snap = controller.snapshot();
    tray.update(buildTrayModel({ engine: snap.engine, settings: snap.settings, now: Date.now(), missedAlerts, updates: { enabled: updates.enabled }, look: trayLook() }));
  }
  // The macOS badge icons are drawn for a light or a dark menu bar.
  nativeTheme.on('updated', refreshTray);
  controller.onSnapshot((snap) => {
    pushSnapshot(openWindows(), snap);
    refreshTray();
  });
  // The pause label and "paused until" end by time alone; refresh once a minute.
  setInterval(refreshTray, 60_000).unref();
  registerIpcHandlers(ipcMain, controller, [pageOrigin]);

  const power = createPowerPolicy({ engine, clock: systemClock, log });
  powerMonitor.on('suspend', () => power.onSuspend());
  powerMonitor.on('resume', () => power.onResume());
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) power.onOnline();
    online = now;
  }, 15_000).unref();

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    // An open popover's size is remembered when it hides; hide it so a resize just before Quit is kept.
    popover.hide();
    power.dispose();
    updates.dispose();
    controller.dispose();
    channels.dispatcher.dispose();
    void engine
      .stop()
      .catch((err: unknown) => log(`Stopping the engine failed: ${(err as Error)?.message ?? err}`))
      .finally(() => {
        status.close();
        tray.destroy();
        app.quit();
      });
  });

  refreshTray();
  await engine.start();
  refreshTray();
  if (controller.settings().sources.length === 0) windows.show('settings');
  // Load the popover's page now, hidden, so the first click (or tray menu item) shows a ready page.
  else popover.preload();
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows shows toasts under our name only when the AUMID equals the installer's appId (docs/http-and-faults.md, "Notifications").
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  if (process.platform === 'darwin') app.dock?.hide();
  app.on('second-instance', () => {
    // A second launch means "show me": the first instance opens its window; the second exits.
    showMainWindow?.();
  });
  // Closing the last window must not quit: the tray and the engine keep running until Quit.
  app.on('window-all-closed', () => undefined);
  // Every web contents, not only ours: no navigation away and no new windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app
    .whenReady()
    .then(startApp)
    .catch((err: unknown) => {
      log(`Start-up failed: ${(err as Error)?.stack ?? err}`);
      app.exit(1);
    });
}
