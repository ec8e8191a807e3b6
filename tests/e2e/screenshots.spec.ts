/**
 * Screenshots of both windows with real documents, for the README. Always taken (a page that fails to render
 * fails here); copied into tests/e2e/screenshots/ when missing or when STATUS_TRAY_UPDATE_SCREENSHOTS=1, so
 * ordinary runs do not rewrite committed images whose relative times and ports differ on every run.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { CURSOR, DIGITALOCEAN, DOCS, GITHUB, STREAMYARD_HTML } from './support/documents';
import { expect, test, type AppHarness } from './support/harness';
import { SCREENSHOT_DIR } from './support/paths';

test.use({
  appOptions: {
    sources: [
      GITHUB,
      CURSOR,
      { ...DIGITALOCEAN, feed: DOCS.digitalOceanActive },
      { ...STREAMYARD_HTML, contentType: 'text/html; charset=utf-8', name: 'StreamYard' },
    ],
  },
});

async function allChecked(app: AppHarness): Promise<void> {
  await expect
    .poll(() => app.controller.snapshot().engine.sources.every((s) => s.lastCheckedAt !== undefined && !s.polling))
    .toBe(true);
}

async function save(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const taken = testInfo.outputPath(name);
  await page.screenshot({ path: taken, fullPage: true, animations: 'disabled' });
  const target = join(SCREENSHOT_DIR, name);
  if (process.env.STATUS_TRAY_UPDATE_SCREENSHOTS === '1' || !existsSync(target)) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(taken, target);
  }
}

test('status window, light and dark', async ({ page, app }, testInfo) => {
  await app.openStatus(page);
  await allChecked(app);
  await expect(page.locator('li.provider')).toHaveCount(4);
  await page.locator('li.provider[data-source-id="cursor"] .provider-toggle').click();
  await expect(page.locator('li.provider[data-source-id="cursor"] .timeline-entry')).toHaveCount(1);
  await page.mouse.move(0, 0);
  await save(page, testInfo, 'status-window.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await save(page, testInfo, 'status-window-dark.png');
});
