import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BLUR_CLICK_MS, createPopover, type PopoverDeps } from '../../../electron/popover';
import type { PopoverSize } from '../../../shared/domain/settings';
import type { Rect } from '../../../shared/presentation/popover-placement';

/** A `BrowserWindow` double: records bounds and visibility; the user's resizing is `resizeTo`. */
class WindowDouble extends EventEmitter {
  /** The page has painted: a `ready-to-show` listener added now runs at once (Electron would have fired it). */
  painted = true;
  visible = false;
  destroyed = false;
  focused = 0;
  bounds: Rect | undefined;
  webContents = Object.assign(new EventEmitter(), {
    loading: false,
    sent: [] as unknown[][],
    isDestroyed: () => this.destroyed,
    isLoading: () => this.webContents.loading,
    send: (...args: unknown[]) => void this.webContents.sent.push(args),
  });
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  show = () => void (this.visible = true);
  hide = () => void (this.visible = false);
  focus = () => void this.focused++;
  setBounds = (b: Rect) => void (this.bounds = { ...b });
  getSize = () => [this.bounds?.width ?? 0, this.bounds?.height ?? 0];
  resizeTo(width: number, height: number) {
    this.bounds = { ...this.bounds!, width, height };
  }
  override once(event: string | symbol, listener: (...args: unknown[]) => void): this {
    if (event === 'ready-to-show' && this.painted) {
      listener();
      return this;
    }
    return super.once(event, listener);
  }
  /** The page paints for the first time. */
  paint() {
    this.painted = true;
    this.emit('ready-to-show');
  }
  /** The user clicked elsewhere. */
  blur() {
    this.emit('blur');
  }
  close() {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}

const DISPLAY = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

function setup(over: Partial<PopoverDeps> = {}, remembered?: PopoverSize) {
  const windows: WindowDouble[] = [];
  let stored = remembered;
  const saves: PopoverSize[] = [];
  let clock = 1_000_000;
  const popover = createPopover({
    createWindow: () => {
      const w = new WindowDouble();
      windows.push(w);
      return w;
    },
    trayBounds: () => ({ x: 1800, y: 1045, width: 24, height: 30 }),
    displays: () => [DISPLAY],
    cursor: () => ({ x: 1810, y: 1060 }),
    platform: 'win32',
    size: {
      get: () => stored,
      set: (s) => {
        stored = s;
        saves.push(s);
      },
    },
    now: () => clock,
    ...over,
  });
  return { popover, windows, saves, tick: (ms: number) => void (clock += ms), stored: () => stored };
}

describe('popover show and hide', () => {
  it('creates its window on first show, placed above the taskbar icon at the default 380 px width, focused', () => {
    const { popover, windows } = setup();
    expect(windows).toHaveLength(0);
    popover.show();
    expect(windows).toHaveLength(1);
    const w = windows[0]!;
    expect(w.visible).toBe(true);
    expect(w.focused).toBe(1);
    expect(w.bounds).toEqual({ x: 1920 - 380, y: 1040 - 600 - 4, width: 380, height: 600 });
    popover.show();
    expect(windows).toHaveLength(1);
  });

  it('uses the remembered size', () => {
    const { popover, windows } = setup({}, { width: 500, height: 700 });
    popover.show();
    expect(windows[0]!.bounds).toMatchObject({ width: 500, height: 700 });
  });

  it('hides on blur, and keeps the window for the next show', () => {
    const { popover, windows, tick } = setup();
    popover.show();
    windows[0]!.blur();
    expect(popover.isVisible()).toBe(false);
    tick(BLUR_CLICK_MS);
    popover.toggle();
    expect(popover.isVisible()).toBe(true);
    expect(windows).toHaveLength(1);
  });

  it('stays open on blur while pinned, and hides on blur again once unpinned', () => {
    const { popover, windows } = setup();
    popover.show();
    popover.setPinned(true);
    windows[0]!.blur();
    expect(popover.isVisible()).toBe(true);
    popover.setPinned(false);
    windows[0]!.blur();
    expect(popover.isVisible()).toBe(false);
  });

  it('hides on request (Escape) even while pinned', () => {
    const { popover } = setup();
    popover.show();
    popover.setPinned(true);
    popover.hide();
    expect(popover.isVisible()).toBe(false);
  });
});

describe('popover toggle (tray icon click)', () => {
  it('opens when hidden and closes when shown', () => {
    const { popover } = setup();
    popover.toggle();
    expect(popover.isVisible()).toBe(true);
    popover.toggle();
    expect(popover.isVisible()).toBe(false);
  });

  it('does not reopen on the click whose press blurred it (Windows sends blur, then click)', () => {
    const { popover, windows, tick } = setup();
    popover.show();
    windows[0]!.blur();
    tick(BLUR_CLICK_MS - 1);
    popover.toggle();
    expect(popover.isVisible()).toBe(false);
    tick(1);
    popover.toggle();
    expect(popover.isVisible()).toBe(true);
  });
});

describe('popover size', () => {
  it('remembers a resized popover when it hides, clamped, and writes nothing when unchanged', () => {
    const { popover, windows, saves } = setup();
    popover.show();
    popover.hide();
    expect(saves).toEqual([]);
    popover.show();
    windows[0]!.resizeTo(455.4, 10);
    windows[0]!.blur();
    expect(saves).toEqual([{ width: 455, height: 300 }]);
    popover.show();
    expect(windows[0]!.bounds).toMatchObject({ width: 455, height: 300 });
    popover.hide();
    expect(saves).toHaveLength(1);
  });

  it('does not store a size that placement shrank to fit a small display', () => {
    const small = { bounds: { x: 0, y: 0, width: 1280, height: 600 }, workArea: { x: 0, y: 0, width: 1280, height: 560 } };
    const { popover, windows, saves } = setup({ displays: () => [small], trayBounds: () => ({ x: 1200, y: 565, width: 24, height: 30 }) }, { width: 500, height: 900 });
    popover.show();
    expect(windows[0]!.bounds).toMatchObject({ width: 500, height: 560 });
    popover.hide();
    expect(saves).toEqual([]);
  });
});

describe('popover focus on a provider (tray menu item)', () => {
  it('shows the popover and sends the source id to its loaded page', () => {
    const { popover, windows } = setup();
    popover.show('github');
    expect(popover.isVisible()).toBe(true);
    expect(windows[0]!.webContents.sent).toEqual([['popover:focus-provider', 'github']]);
  });

  it('waits for a page still loading, so the request is not lost before it subscribes', () => {
    const { popover, windows } = setup({
      createWindow: () => {
        const w = new WindowDouble();
        w.webContents.loading = true;
        windows.push(w);
        return w;
      },
    });
    popover.show('aws');
    const w = windows[0]!;
    expect(w.webContents.sent).toEqual([]);
    w.webContents.loading = false;
    w.webContents.emit('did-finish-load');
    expect(w.webContents.sent).toEqual([['popover:focus-provider', 'aws']]);
  });
});

describe('popover first paint', () => {
  it('shows a new window only once its page has painted, placed and focused, and not at all if closed first', () => {
    const windows: WindowDouble[] = [];
    const { popover } = setup({
      createWindow: () => {
        const w = new WindowDouble();
        w.painted = false;
        windows.push(w);
        return w;
      },
    });
    popover.show('github');
    const w = windows[0]!;
    expect(w.visible).toBe(false);
    expect(w.bounds).toMatchObject({ width: 380, height: 600 });
    w.paint();
    expect(w.visible).toBe(true);
    expect(w.focused).toBe(1);
    popover.hide();

    const { popover: second } = setup({
      createWindow: () => {
        const x = new WindowDouble();
        x.painted = false;
        windows.push(x);
        return x;
      },
    });
    second.toggle();
    // A second click before the first paint closes it again: nothing shows when the page paints.
    second.toggle();
    windows[1]!.paint();
    expect(windows[1]!.visible).toBe(false);
  });
});

describe('popover window lifetime', () => {
  it('forgets a window the system closed, and makes a fresh unpinned one on the next show', () => {
    const { popover, windows } = setup();
    popover.preload();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.visible).toBe(false);
    popover.setPinned(true);
    windows[0]!.close();
    expect(popover.window()).toBeUndefined();
    expect(popover.isPinned()).toBe(false);
    popover.show();
    expect(windows).toHaveLength(2);
    expect(popover.window()).toBe(windows[1]);
  });

  it('places at the Linux work-area corner when the tray gives an empty rectangle', () => {
    const { popover, windows } = setup({ platform: 'linux', trayBounds: () => ({ x: 0, y: 0, width: 0, height: 0 }) });
    popover.show();
    expect(windows[0]!.bounds).toEqual({ x: 1920 - 380 - 4, y: 1040 - 600 - 4, width: 380, height: 600 });
  });
});
