/**
 * The window factory: every BrowserWindow of the app is made here, with the same locked-down
 * `webPreferences` and navigation rules (Electron security checklist; docs/http-and-faults.md, row 37). Windows are created
 * on demand and destroyed when closed — the engine keeps running in main with no window open.
 */
import { BrowserWindow, session, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { DEFAULT_POPOVER_SIZE, MIN_POPOVER_SIZE } from '../shared/domain/settings';
import { openExternalSafe } from './open-external';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './csp';

/**
 * The app's windows: the full status window, settings, and the tray popover (the status page again, compact,
 * frameless; electron/popover.ts owns it).
 */
export type WindowKind = 'main' | 'settings' | 'popover';

/** The windows `WindowManager` opens and closes; the popover is shown and hidden by electron/popover.ts. */
export type ManagedWindowKind = Exclude<WindowKind, 'popover'>;

interface WindowShape {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  /** Page path and query under the page origin. */
  page: string;
  /** Show as soon as the page has painted (the popover is shown by its controller, once placed). */
  showWhenReady: boolean;
  /** Chrome and behaviour beyond size and title. */
  extra: BrowserWindowConstructorOptions;
}

/** Size, title and chrome per window kind. */
const WINDOW_SHAPES: Readonly<Record<WindowKind, WindowShape>> = {
  // The full window is the popover's page with room for history and long incident text.
  main: { width: 760, height: 680, minWidth: 360, minHeight: 400, title: 'Status Tray', page: 'index.html', showWhenReady: true, extra: {} },
  settings: { width: 640, height: 560, minWidth: 480, minHeight: 420, title: 'Status Tray Settings', page: 'settings.html', showWhenReady: true, extra: {} },
  popover: {
    ...DEFAULT_POPOVER_SIZE,
    minWidth: MIN_POPOVER_SIZE.width,
    minHeight: MIN_POPOVER_SIZE.height,
    title: 'Status Tray',
    page: 'index.html?view=popover',
    showWhenReady: false,
    // A tray popover: no frame or taskbar button, resizable from its edges, never minimised, maximised or
    // fullscreen (docs/popover-window.md).
    extra: { frame: false, resizable: true, skipTaskbar: true, minimizable: false, maximizable: false, fullscreenable: false },
  },
};

/** Where the pages come from. */
export interface WindowOptions {
  preloadPath: string;
  /** `app://status-tray` in production, the Vite dev server's origin in development. */
  pageOrigin: string;
  /** Window icon (Linux/Windows), optional. */
  icon?: string;
}

/** URL of a window's page under `pageOrigin` (the popover's carries `?view=popover`, see `viewFromSearch`). */
export function pageUrl(kind: WindowKind, pageOrigin: string): string {
  return `${pageOrigin}/${WINDOW_SHAPES[kind].page}`;
}

/**
 * Create (not show) a window of `kind`: locked-down `webPreferences` (the preload is the only bridge), every navigation away denied, every `window.open`
 * denied with http(s) links sent to the browser, and no `<webview>` attachment.
 */
export function createAppWindow(kind: WindowKind, options: WindowOptions): BrowserWindow {
  const shape = WINDOW_SHAPES[kind];
  const win = new BrowserWindow({
    width: shape.width,
    height: shape.height,
    minWidth: shape.minWidth,
    minHeight: shape.minHeight,
    title: shape.title,
    show: false,
    autoHideMenuBar: true,
    ...shape.extra,
    ...(options.icon ? { icon: options.icon } : {}),
    // Written out here (not built by a helper) so static checkers such as Electronegativity can see them:
    // isolated, sandboxed, no Node, web security on, no webview, middle-click cannot open windows.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenContents(win);
  if (shape.showWhenReady) win.once('ready-to-show', () => win.show());
  void win.loadURL(pageUrl(kind, options.pageOrigin));
  return win;
}

/** Navigation rules on one window's contents. */
export function hardenContents(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void openExternalSafe(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafe(url);
    return { action: 'deny' };
  });
}

/**
 * Session-wide rules: deny every permission request (notifications come from main, not pages), and add the
 * CSP header to dev-server responses (the `app:` protocol handler sets its own).
 */
export function hardenSession(options: { devOrigin?: string; target?: Session } = {}): void {
  const ses = options.target ?? session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const policy = options.devOrigin ? devContentSecurityPolicy(options.devOrigin) : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

/**
 * Keeps at most one window per kind: `show(kind)` focuses the open one or creates it; a closed window is
 * destroyed and forgotten, so nothing but the tray stays in memory.
 */
export class WindowManager {
  private readonly open = new Map<ManagedWindowKind, BrowserWindow>();

  constructor(private readonly options: WindowOptions) {}

  /** Show and focus the window of `kind`, creating it when none is open. */
  show(kind: ManagedWindowKind): BrowserWindow {
    const existing = this.open.get(kind);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const win = createAppWindow(kind, this.options);
    this.open.set(kind, win);
    win.on('closed', () => {
      if (this.open.get(kind) === win) this.open.delete(kind);
    });
    return win;
  }

  /** Every open window (for pushing snapshots). */
  all(): BrowserWindow[] {
    return [...this.open.values()].filter((w) => !w.isDestroyed());
  }
}
