/**
 * The tray popover's behaviour: show it next to the tray icon (placed by the pure `placePopover`), hide it on
 * blur unless pinned, toggle on a tray click, remember its size when it hides, and forward "show this
 * provider" to its page. Electron reaches it only through the small ports below, so the unit tests drive it
 * with a double (docs/popover-window.md). The window itself is made by `createAppWindow('popover', …)`.
 */
import { clampPopoverSize, DEFAULT_POPOVER_SIZE, type PopoverSize } from '../shared/domain/settings';
import { IPC_PUSH } from '../shared/ipc/contract';
import { placePopover, type DisplayArea, type Rect } from '../shared/presentation/popover-placement';

/** The part of `BrowserWindow` the popover uses. */
export interface PopoverWindow {
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
  hide(): void;
  focus(): void;
  setBounds(bounds: Rect): void;
  getSize(): number[];
  on(event: 'blur' | 'closed' | 'hide', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  webContents: {
    isDestroyed(): boolean;
    isLoading(): boolean;
    send(channel: string, ...args: unknown[]): void;
    once(event: 'did-finish-load', listener: () => void): unknown;
  };
}

/** What the popover needs from Electron and the settings. */
export interface PopoverDeps {
  /** A new, hidden popover window (`createAppWindow('popover', …)`). */
  createWindow(): PopoverWindow;
  /** `tray.getBounds()`; undefined when there is no tray. Linux returns an empty rectangle. */
  trayBounds(): Rect | undefined;
  /** `screen.getAllDisplays()`, primary first. */
  displays(): DisplayArea[];
  /** `screen.getCursorScreenPoint()`. */
  cursor(): { x: number; y: number };
  /** `process.platform`. */
  platform: string;
  /** The remembered size (settings.json) and where to store a new one. */
  size: { get(): PopoverSize | undefined; set(size: PopoverSize): void };
  /** ms since epoch; tells a tray click that closes the popover from one that opens it (see `toggle`). */
  now(): number;
}

/**
 * A click on the tray icon while the popover is open first blurs (and so hides) it, then arrives as a click;
 * a click this soon after a blur-hide is the same gesture and must not reopen the popover (ms).
 */
export const BLUR_CLICK_MS = 300;

/** The popover as main uses it. */
export interface Popover {
  /**
   * Show it next to the tray icon and focus it (a new window once its page has painted, so it never flashes
   * blank); when `sourceId` is given, ask its page to show that provider.
   */
  show(sourceId?: string): void;
  /** Hide it, remembering a size the user changed (also call it before quitting). */
  hide(): void;
  /** Tray icon click: show when hidden, hide when shown. */
  toggle(): void;
  /** Pinned: blur does not hide it. */
  setPinned(pinned: boolean): void;
  isPinned(): boolean;
  isVisible(): boolean;
  /** The window, while one exists (for snapshot pushes). */
  window(): PopoverWindow | undefined;
  /** Create the hidden window now, so the first click shows a loaded page. */
  preload(): void;
}

/** Create the popover controller; no window is made until `show` or `preload`. */
export function createPopover(deps: PopoverDeps): Popover {
  let win: PopoverWindow | undefined;
  /** The page has painted once (`ready-to-show`); before that a shown window would flash blank. */
  let ready = false;
  /** A show asked for before the page was ready: done on `ready-to-show`. */
  let showWhenReady = false;
  let pinned = false;
  let lastBlurHide = Number.NEGATIVE_INFINITY;
  /** The size `show` gave the window: only a size the user changed from it is remembered. */
  let placedSize: PopoverSize | undefined;

  const live = (): PopoverWindow | undefined => (win && !win.isDestroyed() ? win : undefined);

  function ensureWindow(): PopoverWindow {
    const existing = live();
    if (existing) return existing;
    const created = deps.createWindow();
    win = created;
    ready = false;
    showWhenReady = false;
    created.once('ready-to-show', () => {
      if (win !== created) return;
      ready = true;
      if (showWhenReady) {
        showWhenReady = false;
        created.show();
        created.focus();
      }
    });
    created.on('blur', () => {
      if (pinned || !created.isVisible()) return;
      lastBlurHide = deps.now();
      hide();
    });
    created.on('closed', () => {
      // Closed by the system (Alt+F4, log-out): forget it; the next show makes a fresh, unpinned one.
      if (win === created) win = undefined;
      pinned = false;
    });
    return created;
  }

  /**
   * Store the window's size when the user changed it. A size that placement shrank to fit a small display is
   * not the user's choice, so it is not stored (the larger one comes back on a larger display).
   */
  function rememberSize(w: PopoverWindow): void {
    const [width, height] = w.getSize();
    if (width === undefined || height === undefined) return;
    if (placedSize && width === placedSize.width && height === placedSize.height) return;
    const size = clampPopoverSize({ width, height });
    const stored = deps.size.get() ?? DEFAULT_POPOVER_SIZE;
    if (size && (size.width !== stored.width || size.height !== stored.height)) deps.size.set(size);
  }

  function focusProvider(w: PopoverWindow, sourceId: string): void {
    const send = () => {
      if (!w.isDestroyed() && !w.webContents.isDestroyed()) w.webContents.send(IPC_PUSH.focusProvider, sourceId);
    };
    // A page still loading has not subscribed yet; it gets the request once it has loaded.
    if (w.webContents.isLoading()) w.webContents.once('did-finish-load', send);
    else send();
  }

  function show(sourceId?: string): void {
    const w = ensureWindow();
    const placement = placePopover({
      tray: deps.trayBounds(),
      size: deps.size.get() ?? DEFAULT_POPOVER_SIZE,
      displays: deps.displays(),
      platform: deps.platform,
      cursor: deps.cursor(),
    });
    w.setBounds(placement.bounds);
    placedSize = { width: placement.bounds.width, height: placement.bounds.height };
    if (ready) {
      w.show();
      w.focus();
    } else {
      showWhenReady = true;
    }
    if (sourceId !== undefined) focusProvider(w, sourceId);
  }

  function hide(): void {
    // Closing before the first paint: the pending show is dropped.
    showWhenReady = false;
    const w = live();
    if (!w || !w.isVisible()) return;
    rememberSize(w);
    w.hide();
  }

  return {
    show,
    hide,
    toggle() {
      const w = live();
      if (w?.isVisible() || showWhenReady) return hide();
      if (deps.now() - lastBlurHide < BLUR_CLICK_MS) return;
      show();
    },
    setPinned(value) {
      pinned = value;
    },
    isPinned: () => pinned,
    isVisible: () => live()?.isVisible() ?? false,
    window: live,
    preload() {
      ensureWindow();
    },
  };
}
