/**
 * Where the tray popover goes: a pure function of the tray icon's bounds, the window's size and the displays.
 * `electron/popover.ts` feeds it `tray.getBounds()` and `screen.getAllDisplays()` and applies the result; the
 * rules are in docs/popover-window.md. All values are in screen DIPs (Electron's coordinate space, which is
 * negative left of or above the primary display).
 */

/** A rectangle in screen DIPs. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One display: its whole area and the part not covered by panels, docks or the menu bar. */
export interface DisplayArea {
  bounds: Rect;
  workArea: Rect;
}

/** The screen edge a panel (taskbar, menu bar, dock holding the tray) sits on. */
export type PanelEdge = 'top' | 'bottom' | 'left' | 'right';

/** Input to `placePopover`. */
export interface PlacementInput {
  /** `tray.getBounds()`; `undefined` or an empty rectangle where the platform gives none (most Linux panels). */
  tray: Rect | undefined;
  /** The size the popover wants (remembered or default), DIPs. */
  size: { width: number; height: number };
  /** Every display (`screen.getAllDisplays()`); the first is the primary one. At least one. */
  displays: readonly DisplayArea[];
  /** `process.platform`; decides the panel edge when nothing else tells it. */
  platform: string;
  /** Where the pointer is (`screen.getCursorScreenPoint()`): picks the display when the tray gives no bounds. */
  cursor?: { x: number; y: number };
  /** Space between the tray icon (or the panel) and the popover, DIPs (default 4). */
  gap?: number;
}

/** Where the popover goes. */
export interface Placement {
  /** The window's bounds: integers, inside the chosen display's work area (the size shrinks to fit). */
  bounds: Rect;
  /** The edge of the panel the popover hangs from. */
  edge: PanelEdge;
  /** True when placed next to the tray icon; false when the tray gave no bounds and a work-area corner was used. */
  anchored: boolean;
}

const DEFAULT_GAP = 4;

/** True for a rectangle with an area (Linux gives `{0,0,0,0}` for the tray). */
export function hasArea(r: Rect | undefined): r is Rect {
  return r !== undefined && r.width > 0 && r.height > 0 && [r.x, r.y, r.width, r.height].every(Number.isFinite);
}

function contains(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}

function centre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Squared distance from a point to a rectangle (0 inside). */
function distance2(r: Rect, p: { x: number; y: number }): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  return dx * dx + dy * dy;
}

/** The display containing `p`, else the nearest one (first wins a tie, so the primary is preferred). */
export function displayAt(displays: readonly DisplayArea[], p: { x: number; y: number }): DisplayArea {
  if (displays.length === 0) throw new Error('placePopover needs at least one display');
  const inside = displays.find((d) => contains(d.bounds, p));
  if (inside) return inside;
  let best = displays[0]!;
  for (const d of displays) if (distance2(d.bounds, p) < distance2(best.bounds, p)) best = d;
  return best;
}

/** How far the work area is inset from each edge of the display: where the panels are. */
function insets(d: DisplayArea): Record<PanelEdge, number> {
  const { bounds: b, workArea: w } = d;
  return {
    top: w.y - b.y,
    bottom: b.y + b.height - (w.y + w.height),
    left: w.x - b.x,
    right: b.x + b.width - (w.x + w.width),
  };
}

/**
 * The panel's edge. With tray bounds: the side of the work area the icon lies beyond (it sits in the panel's
 * strip); for an auto-hidden panel that leaves no strip, the display edge nearest the icon's centre. Without
 * bounds: on Linux a top panel when there is one (GNOME and Ubuntu keep status icons in the top bar, while a
 * dock on the side holds none); otherwise the edge with the largest inset; with no inset at all the
 * platform's usual place — bottom on Windows, top elsewhere.
 */
export function panelEdge(display: DisplayArea, tray: Rect | undefined, platform: string): PanelEdge {
  if (hasArea(tray)) {
    const c = centre(tray);
    const w = display.workArea;
    if (c.y < w.y) return 'top';
    if (c.y >= w.y + w.height) return 'bottom';
    if (c.x < w.x) return 'left';
    if (c.x >= w.x + w.width) return 'right';
    const b = display.bounds;
    const distances: [PanelEdge, number][] = [
      ['top', c.y - b.y],
      ['bottom', b.y + b.height - c.y],
      ['left', c.x - b.x],
      ['right', b.x + b.width - c.x],
    ];
    return distances.reduce((a, x) => (x[1] < a[1] ? x : a))[0];
  }
  const inset = insets(display);
  if (platform === 'linux' && inset.top > 0) return 'top';
  const order: PanelEdge[] = ['top', 'bottom', 'left', 'right'];
  const widest = order.reduce((a, e) => (inset[e] > inset[a] ? e : a));
  if (inset[widest] > 0) return widest;
  return platform === 'win32' ? 'bottom' : 'top';
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}

/**
 * Place the popover.
 *
 * - With tray bounds: centred on the icon along the panel, `gap` away from the icon or the panel's inner edge
 *   (whichever is further in) on the work-area side: below a top panel, above a bottom one, beside a side one.
 * - Without (Linux): the work area's corner nearest the panel — top right for a top panel, bottom right for a
 *   bottom or right panel, bottom left for a left one — `gap` in from both edges.
 * - Either way the window is kept inside the work area of the tray's display (the cursor's, without bounds),
 *   shrunk to it when larger, so nothing lands off screen or across two monitors.
 * @throws Error when `displays` is empty.
 */
export function placePopover(input: PlacementInput): Placement {
  const gap = input.gap ?? DEFAULT_GAP;
  const anchored = hasArea(input.tray);
  const display = anchored
    ? displayAt(input.displays, centre(input.tray!))
    : displayAt(input.displays, input.cursor ?? centre(input.displays[0]!.bounds));
  const wa = display.workArea;
  const width = Math.round(Math.min(input.size.width, wa.width));
  const height = Math.round(Math.min(input.size.height, wa.height));
  const edge = panelEdge(display, input.tray, input.platform);

  let x: number;
  let y: number;
  if (anchored) {
    const t = input.tray!;
    const c = centre(t);
    // `gap` away from the icon, or from the panel's inner edge when the icon is drawn nearer the screen edge.
    switch (edge) {
      case 'top':
        x = c.x - width / 2;
        y = Math.max(t.y + t.height, wa.y) + gap;
        break;
      case 'bottom':
        x = c.x - width / 2;
        y = Math.min(t.y, wa.y + wa.height) - height - gap;
        break;
      case 'left':
        x = Math.max(t.x + t.width, wa.x) + gap;
        y = c.y - height / 2;
        break;
      case 'right':
        x = Math.min(t.x, wa.x + wa.width) - width - gap;
        y = c.y - height / 2;
        break;
    }
  } else {
    const left = wa.x + gap;
    const right = wa.x + wa.width - width - gap;
    const top = wa.y + gap;
    const bottom = wa.y + wa.height - height - gap;
    x = edge === 'left' ? left : right;
    y = edge === 'top' ? top : bottom;
  }
  x = clamp(Math.round(x), wa.x, wa.x + wa.width - width);
  y = clamp(Math.round(y), wa.y, wa.y + wa.height - height);
  return { bounds: { x, y, width, height }, edge, anchored };
}
