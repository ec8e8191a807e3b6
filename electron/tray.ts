/**
 * The tray icon: applies a `TrayModel` (../shared/presentation/tray-model.ts) to Electron's `Tray` and `Menu`.
 * All decisions are in the model; this file only translates.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage, type Rectangle } from 'electron';
import type { Health } from '../shared/domain/types';
import type { TrayAction, TrayIcon, TrayMenuItem, TrayModel } from '../shared/presentation/tray-model';

/** Menu template for Electron's `Menu.buildFromTemplate`; clicks call `onAction` with the item's action. */
export function toMenuTemplate(items: readonly TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'provider':
        return item.items
          ? { label: `${HEALTH_MARK[item.health]} ${item.label}`, submenu: toMenuTemplate(item.items, onAction) }
          : { label: `${HEALTH_MARK[item.health]} ${item.label}`, click: () => onAction(item.action) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
      case 'checkbox':
        return { label: item.label, type: 'checkbox', checked: item.checked, click: () => onAction(item.action) };
      case 'submenu':
        return { label: item.label, submenu: toMenuTemplate(item.items, onAction) };
    }
  });
}

/** A coloured mark per health, so the menu reads without colour too. */
const HEALTH_MARK: Readonly<Record<Health, string>> = {
  operational: '●',
  maintenance: '◆',
  degraded: '▲',
  partial_outage: '▲',
  major_outage: '■',
  unknown: '○',
};

/**
 * A filled circle of `colour` (`#rrggbb`) on transparency, `size`×`size` pixels, as BGRA bytes for
 * `nativeImage.createFromBitmap` — the icon used when no icon file is shipped.
 */
export function dotBitmap(colour: string, size = 16): Buffer {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const [r, g, b] = m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [128, 128, 128];
  const buf = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      // One pixel of soft edge so the dot is not jagged.
      const alpha = Math.max(0, Math.min(1, radius + 0.5 - d));
      const i = (y * size + x) * 4;
      buf[i] = Math.round(b * alpha);
      buf[i + 1] = Math.round(g * alpha);
      buf[i + 2] = Math.round(r * alpha);
      buf[i + 3] = Math.round(255 * alpha);
    }
  }
  return buf;
}

/** The tray as main uses it. */
export interface AppTray {
  update(model: TrayModel): void;
  /** The icon's screen rectangle (DIPs); Linux gives an empty one. For placing the popover. */
  bounds(): Rectangle;
  destroy(): void;
}

/** How the tray starts and what a left-click does. */
export interface AppTrayOptions {
  /** The icon before the first model (so macOS starts with a template, not a colour disc). */
  initialIcon: TrayIcon;
  /** A left-click on the icon (main toggles the popover). The context menu opens on right-click. */
  onClick: () => void;
  /**
   * `process.platform`. On macOS a menu given to `setContextMenu` takes the left-click too, so there (and on
   * Windows) the menu is popped up on right-click instead; Linux panels (StatusNotifierItem) show only a menu
   * handed to `setContextMenu`, and send no right-click.
   */
  platform: string;
}

/**
 * Create the tray.
 * @param iconDir folder with `<icon name>.png` files (e.g. `tray-major_outage.png`, `trayTemplate.png`, plus
 *   `@2x` variants that `nativeImage` picks up by name); missing files fall back to a drawn dot. Template icons
 *   are marked with `setTemplateImage(true)` so macOS tints them for the menu bar.
 * @param onAction what to do for a menu click.
 */
export function createAppTray(iconDir: string | undefined, onAction: (action: TrayAction) => void, options: AppTrayOptions): AppTray {
  const cache = new Map<string, NativeImage>();
  const image = (icon: TrayIcon): NativeImage => {
    let img = cache.get(icon.name);
    if (!img) {
      const file = iconDir ? join(iconDir, `${icon.name}.png`) : undefined;
      img = file && existsSync(file) ? nativeImage.createFromPath(file) : nativeImage.createEmpty();
      if (img.isEmpty()) img = nativeImage.createFromBitmap(dotBitmap(icon.colour, 16), { width: 16, height: 16 });
      // The `Template` file suffix already marks it on macOS; saying so keeps a fallback dot out of tinting.
      else if (icon.template) img.setTemplateImage(true);
      cache.set(icon.name, img);
    }
    return img;
  };
  const tray = new Tray(image(options.initialIcon));
  tray.setToolTip('Status Tray');
  const menuOnRightClick = options.platform === 'darwin' || options.platform === 'win32';
  let menu: Menu | undefined;
  tray.on('click', (event) => {
    // Control-click on a Mac trackpad arrives as a click with ctrlKey, not as a right-click.
    if (menuOnRightClick && event?.ctrlKey && menu) tray.popUpContextMenu(menu);
    else options.onClick();
  });
  if (menuOnRightClick) {
    tray.on('right-click', () => {
      if (menu) tray.popUpContextMenu(menu);
    });
  }
  let lastIcon: string = options.initialIcon.name;
  return {
    update(model) {
      if (model.icon.name !== lastIcon) {
        tray.setImage(image(model.icon));
        lastIcon = model.icon.name;
      }
      tray.setToolTip(model.tooltip);
      menu = Menu.buildFromTemplate(toMenuTemplate(model.menu, onAction));
      if (!menuOnRightClick) tray.setContextMenu(menu);
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
