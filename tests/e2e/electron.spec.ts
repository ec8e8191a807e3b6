/**
 * The real desktop app, launched with Playwright's `_electron` from the build (`vite build` → dist/electron,
 * dist/renderer): tray created, status window shows providers polled from the local feed server, and a new
 * incident raises a notification. Needs an Electron binary (node_modules/electron with its download) and,
 * on Linux, a display; where either is missing the test is skipped and the reason reported.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { defaultSettings } from '../../shared/domain/settings';
import { toSettingsFile } from '../../shared/ipc/settings-schema';
import { startFeedServer } from '../support/feed-server';
import { REPO_ROOT } from '../support/feeds';
import { CURSOR, CURSOR_INCIDENT, DIGITALOCEAN, DIGITALOCEAN_INCIDENT, DOCS } from './support/documents';

/** Path of the Electron executable, or why there is none. */
function findElectron(): { path: string } | { reason: string } {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: `require('electron') gave ${String(path)}, which does not exist` };
  } catch (err) {
    return { reason: (err as Error).message.split('\n')[0] ?? String(err) };
  }
}

const found = findElectron();
const hasElectronBinary = 'path' in found;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const MAIN_JS = join(REPO_ROOT, 'dist/electron/main.js');

test('the built app: tray, status window from the feed server, a notification for a new incident', async () => {
  const skipReason = !hasElectronBinary
    ? `Electron binary not installed: ${'reason' in found ? found.reason : ''}`
    : !hasDisplay
      ? 'No display (DISPLAY/WAYLAND_DISPLAY unset): Electron needs one on Linux; run under xvfb-run'
      : undefined;
  // The list reporter does not show skip reasons; say it where CI logs will show it.
  if (skipReason) console.log(`[electron] SKIPPED — the desktop app was not launched. ${skipReason}`);
  test.skip(skipReason !== undefined, skipReason);
  expect(existsSync(MAIN_JS), `${MAIN_JS} missing: run \`npm run build\` first`).toBe(true);
  test.setTimeout(60_000);

  const feeds = await startFeedServer();
  const userData = mkdtempSync(join(tmpdir(), 'status-tray-e2e-'));
  try {
    feeds.serveFile(CURSOR.path, DOCS.cursor);
    feeds.serveFile(DIGITALOCEAN.path, DOCS.digitalOceanBefore, { etag: '"do-1"' });
    const sources = [CURSOR, DIGITALOCEAN].map((s) => ({ id: s.id, url: feeds.url(s.path), enabled: true, intervalSeconds: 300, notify: 'all' as const }));
    writeFileSync(join(userData, 'settings.json'), JSON.stringify(toSettingsFile({ ...defaultSettings(), sources })));

    const app = await electron.launch({
      executablePath: (found as { path: string }).path,
      // Chromium refuses to run its sandbox as root (CI containers); a desktop user keeps it.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), `--user-data-dir=${userData}`, MAIN_JS],
      cwd: REPO_ROOT,
    });
    try {
      expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(userData);
      // Record what the tray and notifications show. The tray refreshes its tooltip on every snapshot,
      // which also hands us the Tray instance so the test can click it like a user.
      await app.evaluate(({ Tray, Notification }) => {
        const g = globalThis as unknown as { __e2e: { tooltips: string[]; toasts: string[]; tray?: unknown } };
        g.__e2e = { tooltips: [], toasts: [] };
        const setToolTip = Tray.prototype.setToolTip;
        Tray.prototype.setToolTip = function (this: InstanceType<typeof Tray>, text: string) {
          g.__e2e.tray = this;
          g.__e2e.tooltips.push(text);
          return setToolTip.call(this, text);
        };
        const show = Notification.prototype.show;
        Notification.prototype.show = function (this: InstanceType<typeof Notification>) {
          g.__e2e.toasts.push(`${this.title}\n${this.body}`);
          return show.call(this);
        };
      });
      const recorded = () =>
        app.evaluate(() => {
          const { tooltips, toasts } = (globalThis as unknown as { __e2e: { tooltips: string[]; toasts: string[] } }).__e2e;
          return { tooltips, toasts };
        });

      // The first poll's snapshot refreshes the tray, which also captures it; then click it to open the popover
      // (its page was loaded, hidden, at start-up, so it is the first window).
      await expect.poll(async () => (await recorded()).tooltips.length, { timeout: 20_000 }).toBeGreaterThan(0);
      await app.evaluate(() => {
        (globalThis as unknown as { __e2e: { tray: { emit(event: string): void } } }).__e2e.tray.emit('click');
      });
      const window = await app.firstWindow();
      const cursor = window.locator('li.provider[data-source-id="cursor"]');
      await expect(cursor).toHaveAttribute('data-health', 'degraded', { timeout: 20_000 });
      await expect(cursor.locator('.incident-title')).toHaveText(CURSOR_INCIDENT);
      await expect(window.locator('li.provider[data-source-id="digitalocean"]')).toHaveAttribute('data-health', 'operational');

      feeds.swap(DIGITALOCEAN.path, DOCS.digitalOceanActive);
      await window.getByRole('button', { name: 'Check all' }).click();
      await expect(window.locator('li.provider[data-source-id="digitalocean"] .incident-title')).toHaveText(DIGITALOCEAN_INCIDENT);
      await expect.poll(async () => (await recorded()).toasts.join('\n---\n'), { timeout: 10_000 }).toContain('Droplet images');
      expect((await recorded()).tooltips.at(-1)).toContain('DigitalOcean');
    } finally {
      await app.close();
    }
  } finally {
    await feeds.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
