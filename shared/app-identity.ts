/**
 * The app's identity as the operating systems see it. One place, so the installer and the running app agree:
 * electron-builder's `appId` (electron-builder.yml) must equal `APP_ID`, and the main process passes the same
 * value to `app.setAppUserModelId` — on Windows, notifications and the taskbar group only work when the
 * running process's AppUserModelID matches the one the NSIS installer wrote on the Start-menu shortcut.
 * `tests/unit/packaging/consistency.test.ts` keeps the two in step. Pure constants: safe in every layer.
 */

/** Reverse-DNS application id: Windows AppUserModelID, macOS CFBundleIdentifier, Linux desktop-file id. */
export const APP_ID = 'io.github.statustray.app';

/** Human name shown by installers, the Start menu, the macOS menu bar and Linux desktop entries. */
export const PRODUCT_NAME = 'Status Tray';
