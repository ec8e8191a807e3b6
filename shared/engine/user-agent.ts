/**
 * The honest User-Agent every request carries, as the Feed Reader Score criteria ask
 * (https://rachelbythebay.com/fs/help.html): product, version, and where to read about it.
 */

/** Project page named in the User-Agent. */
export const PROJECT_URL = 'https://github.com/status-tray/status-tray';

/** `StatusTray/<version> (+<project url>)`, e.g. `StatusTray/0.1.0 (+https://github.com/status-tray/status-tray)`. */
export function userAgent(version: string): string {
  return `StatusTray/${version} (+${PROJECT_URL})`;
}
