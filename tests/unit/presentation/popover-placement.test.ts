import { describe, expect, it } from 'vitest';
import { displayAt, panelEdge, placePopover, type DisplayArea, type Rect } from '../../../shared/presentation/popover-placement';

const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
const SIZE = { width: 380, height: 600 };

/** A 1920×1080 display at (x, y) with a panel of `thickness` on `edge`. */
function display(x: number, y: number, edge: 'top' | 'bottom' | 'left' | 'right' | 'none', thickness = 40): DisplayArea {
  const bounds = rect(x, y, 1920, 1080);
  const t = thickness;
  const workArea = {
    top: rect(x, y + t, 1920, 1080 - t),
    bottom: rect(x, y, 1920, 1080 - t),
    left: rect(x + t, y, 1920 - t, 1080),
    right: rect(x, y, 1920 - t, 1080),
    none: bounds,
  }[edge];
  return { bounds, workArea };
}

describe('placePopover next to the tray icon', () => {
  it('hangs below a top panel (macOS menu bar), centred on the icon', () => {
    const p = placePopover({ tray: rect(1500, 0, 22, 24), size: SIZE, displays: [display(0, 0, 'top', 24)], platform: 'darwin' });
    expect(p).toEqual({ bounds: { x: 1511 - 190, y: 28, width: 380, height: 600 }, edge: 'top', anchored: true });
  });

  it('stands above a bottom panel (Windows taskbar), kept inside the work area at the right edge', () => {
    const p = placePopover({ tray: rect(1850, 1045, 24, 30), size: SIZE, displays: [display(0, 0, 'bottom')], platform: 'win32' });
    expect(p.edge).toBe('bottom');
    // Centred on the icon it would end at x = 2052; the work area ends at 1920.
    expect(p.bounds).toEqual({ x: 1920 - 380, y: 1040 - 600 - 4, width: 380, height: 600 });
  });

  it('opens to the right of a left panel, gap from the panel, centred on the icon vertically', () => {
    const p = placePopover({ tray: rect(8, 500, 24, 24), size: SIZE, displays: [display(0, 0, 'left')], platform: 'win32' });
    expect(p).toEqual({ bounds: { x: 40 + 4, y: 512 - 300, width: 380, height: 600 }, edge: 'left', anchored: true });
  });

  it('opens to the left of a right panel, kept inside the work area at the bottom', () => {
    const p = placePopover({ tray: rect(1888, 1000, 24, 24), size: SIZE, displays: [display(0, 0, 'right')], platform: 'linux' });
    expect(p.edge).toBe('right');
    expect(p.bounds).toEqual({ x: 1880 - 380 - 4, y: 1080 - 600, width: 380, height: 600 });
  });

  it('finds the edge of an auto-hidden panel (no inset) from the icon being next to it', () => {
    const p = placePopover({ tray: rect(1700, 1056, 24, 24), size: SIZE, displays: [display(0, 0, 'none')], platform: 'win32' });
    expect(p.edge).toBe('bottom');
    expect(p.bounds.y).toBe(1056 - 600 - 4);
  });

  it('an icon in the corner of a top panel still counts as the top panel, not the right edge', () => {
    expect(panelEdge(display(0, 0, 'top', 32), rect(1905, 4, 14, 24), 'linux')).toBe('top');
  });
});

describe('placePopover on several monitors', () => {
  // Secondary display to the left of and above the primary: negative coordinates.
  const primary = display(0, 0, 'bottom');
  const secondary = display(-1920, -300, 'bottom');

  it('places on the secondary display with negative coordinates when the tray is there', () => {
    const p = placePopover({ tray: rect(-600, 745, 24, 30), size: SIZE, displays: [primary, secondary], platform: 'win32' });
    expect(p.bounds).toEqual({ x: -588 - 190, y: -300 + 1040 - 604, width: 380, height: 600 });
  });

  it('never spills onto the neighbouring display: clamped to the tray display’s work area', () => {
    const p = placePopover({ tray: rect(-30, 745, 24, 30), size: SIZE, displays: [primary, secondary], platform: 'win32' });
    expect(p.bounds.x + p.bounds.width).toBe(0);
  });

  it('uses a secondary display above the primary (macOS menu bar on the second screen)', () => {
    const top = display(400, -1080, 'top', 25);
    const p = placePopover({ tray: rect(2000, -1080, 22, 24), size: SIZE, displays: [display(0, 0, 'top', 25), top], platform: 'darwin' });
    expect(p.bounds).toEqual({ x: 2011 - 190, y: -1080 + 25 + 4, width: 380, height: 600 });
  });

  it('shrinks a remembered size that is larger than the work area', () => {
    const small: DisplayArea = { bounds: rect(0, 0, 1024, 600), workArea: rect(0, 25, 1024, 575) };
    const p = placePopover({ tray: rect(900, 0, 22, 24), size: { width: 1400, height: 900 }, displays: [small], platform: 'darwin' });
    expect(p.bounds).toEqual({ x: 0, y: 25, width: 1024, height: 575 });
  });
});

describe('placePopover without tray bounds (Linux)', () => {
  it.each([
    ['top', { x: 1920 - 380 - 4, y: 40 + 4 }],
    ['bottom', { x: 1920 - 380 - 4, y: 1080 - 40 - 600 - 4 }],
    ['left', { x: 40 + 4, y: 1080 - 600 - 4 }],
    ['right', { x: 1920 - 40 - 380 - 4, y: 1080 - 600 - 4 }],
  ] as const)('a %s panel: the work area’s corner nearest it', (edge, at) => {
    for (const tray of [undefined, rect(0, 0, 0, 0)]) {
      const p = placePopover({ tray, size: SIZE, displays: [display(0, 0, edge)], platform: 'linux' });
      expect(p).toEqual({ bounds: { ...at, width: 380, height: 600 }, edge, anchored: false });
    }
  });

  it('prefers the top bar over a side dock on Ubuntu (status icons live in the top bar)', () => {
    const ubuntu: DisplayArea = { bounds: rect(0, 0, 1920, 1080), workArea: rect(70, 32, 1850, 1048) };
    expect(placePopover({ tray: undefined, size: SIZE, displays: [ubuntu], platform: 'linux' }).bounds).toEqual({ x: 1920 - 384, y: 36, width: 380, height: 600 });
  });

  it('uses the display under the pointer, with its offsets', () => {
    const second = display(1920, -200, 'top', 30);
    const p = placePopover({ tray: undefined, size: SIZE, displays: [display(0, 0, 'top', 30), second], platform: 'linux', cursor: { x: 2500, y: 10 } });
    expect(p.bounds).toEqual({ x: 1920 + 1920 - 384, y: -200 + 34, width: 380, height: 600 });
  });

  it('falls back to the platform’s usual panel when no panel takes space', () => {
    expect(panelEdge(display(0, 0, 'none'), undefined, 'linux')).toBe('top');
    expect(panelEdge(display(0, 0, 'none'), undefined, 'win32')).toBe('bottom');
  });
});

describe('displayAt', () => {
  it('picks the containing display, else the nearest, and refuses an empty list', () => {
    const a = display(0, 0, 'none');
    const b = display(1920, 0, 'none');
    expect(displayAt([a, b], { x: 2000, y: 10 })).toBe(b);
    expect(displayAt([a, b], { x: 5000, y: 10 })).toBe(b);
    expect(displayAt([a, b], { x: -50, y: 10 })).toBe(a);
    expect(() => displayAt([], { x: 0, y: 0 })).toThrow(/at least one display/);
  });
});
