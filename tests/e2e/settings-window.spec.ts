/** The settings window against the real controller: every change lands in the settings it keeps. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { CURSOR, DOCS, GITHUB } from './support/documents';
import { expect, test, type AppHarness } from './support/harness';
import { SCREENSHOT_DIR } from './support/paths';
import { SCALE_SOURCES } from './support/scale-sources';

test.use({ appOptions: { sources: [GITHUB] } });

const row = (page: Page, id: string) => page.locator(`li.source-row[data-source-id="${id}"]`);
const toggle = (page: Page, id: string) => row(page, id).locator('.source-toggle');

test('Preview then Add: the new provider appears in the open status window', async ({ page, context, app }) => {
  app.feeds.serveFile(CURSOR.path, DOCS.cursor);
  await app.openStatus(page);
  await expect(page.locator('li.provider')).toHaveCount(1);
  const settings = await context.newPage();
  await app.openSettings(settings);

  await settings.getByRole('combobox', { name: 'Search services or paste a status page address' }).fill(app.feeds.url(CURSOR.path));
  await settings.getByRole('button', { name: 'Preview' }).click();
  const preview = settings.locator('.preview-card');
  await expect(settings.locator('.preview-provider')).toHaveText('Cursor');
  await expect(preview).toContainText('Statuspage JSON API');
  await expect(preview.locator('.health-badge')).toHaveText(/Degraded/);
  await expect(preview).toContainText('1 active incident');

  await settings.getByRole('button', { name: 'Add Cursor' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Added Cursor' })).toBeVisible();
  expect(app.controller.settings().sources.map((s) => s.url)).toEqual([app.feeds.url(GITHUB.path), app.feeds.url(CURSOR.path)]);

  const added = page.locator('li.provider', { hasText: 'Cursor' });
  await expect(added).toHaveAttribute('data-health', 'degraded');
  await expect(page.locator('li.provider .provider-name')).toHaveText(['Cursor', 'GitHub']);
});

test('bad addresses are explained inline, and main-side failures show what to do', async ({ page, app }) => {
  await app.openSettings(page);
  const address = page.getByRole('combobox', { name: 'Search services or paste a status page address' });
  const previewButton = page.getByRole('button', { name: 'Preview' });

  await address.fill('ftp://status.example.com/feed');
  await previewButton.click();
  await expect(page.locator('.field-error')).toHaveText(/Only http and https/);
  await expect(address).toHaveAttribute('aria-invalid', 'true');

  // Not an address: a catalog search that finds nothing, so say what to paste instead.
  await address.fill('status page please');
  await expect(page.locator('.catalog-empty')).toHaveText('No service matches “status page please” — paste its status page address (https://…) instead.');
  await previewButton.click();
  await expect(page.locator('.field-error')).toHaveText(/No service matches “status page please” — paste its status page address/);

  // Served by nobody: the feed server answers 404.
  await address.fill(app.feeds.url('/nothing/here.json'));
  await previewButton.click();
  await expect(page.locator('.inline-error')).toContainText('Check the address and your connection');

  // Already watched.
  await address.fill(app.feeds.url(GITHUB.path));
  await previewButton.click();
  await page.getByRole('button', { name: /^Add / }).click();
  await expect(page.locator('.inline-error')).toContainText('GitHub is already in your list.');
  expect(app.controller.settings().sources).toHaveLength(1);
});

test('rename, disable, notification level and interval are saved; remove asks first', async ({ page, app }) => {
  await app.openSettings(page);
  const github = row(page, 'github');
  await expect(github.locator('.source-name')).toHaveText('GitHub');
  // One line until opened: the editor is not there yet.
  await expect(toggle(page, 'github')).toHaveAttribute('aria-expanded', 'false');
  await expect(github.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
  await expect(toggle(page, 'github')).toContainText('5 min');
  await toggle(page, 'github').click();
  await expect(toggle(page, 'github')).toHaveAttribute('aria-expanded', 'true');

  // The field holds the name in use, so it can be edited rather than retyped.
  await expect(github.getByRole('textbox', { name: 'Name' })).toHaveValue('GitHub');
  await expect(github.getByRole('button', { name: 'Rename GitHub' })).toBeDisabled();
  await github.getByRole('textbox', { name: 'Name' }).fill('GitHub (work)');
  await github.getByRole('button', { name: 'Rename' }).click();
  await expect(github.locator('.source-name')).toHaveText('GitHub (work)');
  expect(app.source('github').name).toBe('GitHub (work)');
  // An empty name goes back to the one the document gives.
  await github.getByRole('textbox', { name: 'Name' }).fill('');
  await github.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(() => app.source('github').name).toBeUndefined();
  await expect(github.locator('.source-name')).toHaveText('GitHub');
  await expect(github.getByRole('textbox', { name: 'Name' })).toHaveValue('GitHub');

  await github.getByLabel('Check this status page').uncheck();
  await expect.poll(() => app.source('github').enabled).toBe(false);
  await expect(github.getByLabel('Check this status page')).not.toBeChecked();
  await expect(github.locator('.source-off')).toHaveText('Off');

  await github.getByLabel('Notify me about').selectOption('major');
  await expect.poll(() => app.source('github').notify).toBe('major');

  const interval = github.getByLabel('Check every (minutes)');
  await expect(interval).toHaveValue('5');
  await interval.fill('0.5');
  await github.getByRole('button', { name: 'Save interval for GitHub' }).click();
  await expect(github.locator('.field-error')).toHaveText(/once a minute/);
  expect(app.source('github').intervalSeconds).toBe(300);
  await interval.fill('2');
  await github.getByRole('button', { name: 'Save interval for GitHub' }).click();
  await expect.poll(() => app.source('github').intervalSeconds).toBe(120);
  await expect(toggle(page, 'github')).toContainText('2 min');

  // Escape in the editor closes it and puts focus back on its line.
  await interval.press('Escape');
  await expect(toggle(page, 'github')).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 'github')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle(page, 'github')).toHaveAttribute('aria-expanded', 'true');

  await github.getByRole('button', { name: 'Remove…' }).click();
  await expect(github.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await github.getByRole('button', { name: 'Cancel' }).click();
  expect(app.controller.settings().sources).toHaveLength(1);
  await github.getByRole('button', { name: 'Remove…' }).click();
  await github.getByRole('button', { name: 'Remove GitHub' }).click();
  await expect(page.locator('li.source-row')).toHaveCount(0);
  expect(app.controller.settings().sources).toHaveLength(0);
});

test('pause notifications, resume, launch at login and the default interval', async ({ page, app }) => {
  await app.openSettings(page);
  await page.getByRole('tab', { name: 'Notifications' }).click();
  // The page computes the pause end from its own clock; it starts from the same instant as the test's clock
  // but only once the page is up, so under load it may trail it by a moment. Measure from the page's time.
  const before = await page.evaluate(() => Date.now());
  await page.getByRole('button', { name: 'For 1 hour' }).click();
  await expect(page.getByText(/^Paused until/)).toBeVisible();
  const until = app.controller.settings().notificationsPausedUntil;
  expect(until).not.toBeNull();
  expect(until! - before).toBeGreaterThanOrEqual(3_600_000);
  expect(until! - before).toBeLessThan(3_600_000 + 60_000);

  await page.getByRole('button', { name: 'Until tomorrow' }).click();
  await expect.poll(() => new Date(app.controller.settings().notificationsPausedUntil ?? 0).getHours()).toBe(8);

  await page.getByRole('button', { name: 'Resume now' }).click();
  await expect(page.getByText('Notifications are on.')).toBeVisible();
  expect(app.controller.settings().notificationsPausedUntil).toBeNull();

  await page.getByRole('tab', { name: 'General' }).click();
  await page.getByLabel('Start Status Tray when I log in').check();
  await expect.poll(() => app.controller.settings().launchAtLogin).toBe(true);

  const defaultInterval = page.getByLabel('Check new status pages every (minutes)');
  await expect(defaultInterval).toHaveValue('5');
  await defaultInterval.fill('10');
  await defaultInterval.press('Enter');
  await expect.poll(() => app.controller.settings().defaultIntervalSeconds).toBe(600);
});

test.describe('at scale: 27 real documents', () => {
  test.use({ appOptions: { sources: [...SCALE_SOURCES] } });

  /** Every source read once (or failed), so rows show health and platform. */
  async function allChecked(app: AppHarness): Promise<void> {
    await expect.poll(() => app.controller.snapshot().engine.sources.every((s) => s.lastCheckedAt !== undefined && !s.polling)).toBe(true);
  }

  /** How far the page scrolls sideways: 0 when nothing is wider than the window. */
  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const rows = (page: Page) => page.locator('li.source-row');
  const filterBox = (page: Page) => page.getByRole('searchbox', { name: 'Filter status pages' });
  const shownIds = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-source-id')));

  test('one line per source, found by name, host or platform, at 380 px without sideways scrolling', async ({ page, app }) => {
    await page.setViewportSize({ width: 380, height: 600 });
    await app.openSettings(page);
    await allChecked(app);
    await expect(rows(page)).toHaveCount(27);
    await expect(page.getByRole('status').filter({ hasText: /^27 status pages$/ })).toBeVisible();
    // One line each: a toggle no taller than one line of text and its padding.
    const heights = await page.locator('.source-toggle').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights).toHaveLength(27);
    for (const h of heights) expect(h).toBeLessThan(40);
    expect(await sideways(page)).toBe(0);
    await expect(row(page, 'cursor')).toHaveAttribute('data-health', 'degraded');
    await expect(row(page, 'streamyard-page')).toHaveAttribute('data-health', 'unknown');

    // By name, by host, by platform (the format read or the catalog's), by the part of a page watched.
    await filterBox(page).fill('github');
    await expect(page.getByRole('status').filter({ hasText: '6 of 27 status pages' })).toBeVisible();
    // The LambStatus demo is found by its host, lambstatus.github.io.
    expect(await shownIds(page)).toEqual(['lambstatus', 'github', 'github-incidents', 'github-history', 'github-may-2025', 'github-aug-2026']);
    await filterBox(page).fill('githubstatus.com');
    expect(await shownIds(page)).toEqual(['github', 'github-incidents', 'github-history']);
    await filterBox(page).fill('incident.io');
    expect(await shownIds(page)).toEqual(['openai']);
    await filterBox(page).fill('Slack status');
    expect(await shownIds(page)).toEqual(['slack']);

    await filterBox(page).fill('zzz');
    await expect(page.getByText('No status page matches “zzz”.')).toBeVisible();
    await page.getByRole('button', { name: 'Show all 27 status pages' }).click();
    await expect(rows(page)).toHaveCount(27);

    // Opened rows, the component list and catalog results all stay within 380 px, light and dark.
    await toggle(page, 'cursor').click();
    await row(page, 'cursor').locator('form.components summary').click();
    await page.getByRole('combobox', { name: 'Search services or paste a status page address' }).fill('aws ec2 us-east');
    await expect(page.getByRole('option').first()).toBeVisible();
    expect(await sideways(page)).toBe(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await sideways(page)).toBe(0);
    for (const tab of ['Notifications', 'General']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      expect(await sideways(page)).toBe(0);
    }
  });

  test('keyboard only: tabs with arrow keys, filter, move between rows, open, edit, close', async ({ page, app }) => {
    await app.openSettings(page);
    await allChecked(app);
    const sourcesTab = page.getByRole('tab', { name: 'Sources' });
    await expect(sourcesTab).toHaveAttribute('aria-selected', 'true');
    await sourcesTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Notifications' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Notifications' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Pause notifications' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(sourcesTab).toBeFocused();
    await expect(sourcesTab).toHaveAttribute('aria-selected', 'true');
    // Only the selected tab is in the Tab order: Tab goes on into the panel.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel')).toBeFocused();

    await filterBox(page).focus();
    await page.keyboard.type('digitalocean');
    await expect(rows(page)).toHaveCount(3);
    await page.keyboard.press('ArrowDown');
    await expect(toggle(page, 'digitalocean')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(toggle(page, 'digitalocean-rss')).toBeFocused();
    await page.keyboard.press('End');
    await expect(toggle(page, 'digitalocean-before')).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await expect(filterBox(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const editor = row(page, 'digitalocean-rss');
    await expect(toggle(page, 'digitalocean-rss')).toHaveAttribute('aria-expanded', 'true');
    await expect(editor.getByRole('textbox', { name: 'Name' })).toHaveValue('DigitalOcean (RSS)');

    // Tab into the editor: name, on/off, notify level, interval (the disabled Rename is skipped).
    await page.keyboard.press('Tab');
    await expect(editor.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(editor.getByRole('checkbox', { name: 'Check this status page' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(editor.getByRole('combobox', { name: 'Notify me about' })).toBeFocused();
    await page.keyboard.press('Tab');
    const interval = editor.getByRole('spinbutton', { name: 'Check every (minutes)' });
    await expect(interval).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.source('digitalocean-rss').intervalSeconds).toBe(600);
    await expect(toggle(page, 'digitalocean-rss')).toContainText('10 min');
    await page.keyboard.press('Escape');
    await expect(toggle(page, 'digitalocean-rss')).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle(page, 'digitalocean-rss')).toBeFocused();
    // Escape in the filter box clears it.
    await filterBox(page).focus();
    await page.keyboard.press('Escape');
    await expect(rows(page)).toHaveCount(27);

    // Removing a page hands the focus to the line that takes its place.
    await toggle(page, 'symantec').focus();
    await page.keyboard.press('Enter');
    await row(page, 'symantec').getByRole('button', { name: 'Remove…' }).click();
    await expect(row(page, 'symantec').getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(row(page, 'symantec').getByRole('button', { name: /^Remove Symantec/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rows(page)).toHaveCount(26);
    await expect(toggle(page, 'symantec-dec')).toBeFocused();
    expect(app.controller.settings().sources.some((s) => s.id === 'symantec')).toBe(false);
  });

  test('screenshots: the settings window with 27 sources, 760 px light and 380 px dark', async ({ page, app }, testInfo) => {
    await app.openSettings(page);
    await allChecked(app);
    const search = page.getByRole('combobox', { name: 'Search services or paste a status page address' });
    await search.fill('githbu');
    await expect(page.getByRole('option').first()).toContainText('Already watching');
    await search.press('ArrowDown');
    await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await toggle(page, 'cursor').click();
    await page.mouse.move(0, 0);
    await saveScreenshot(page, testInfo, 'settings-window.png');
    await page.setViewportSize({ width: 380, height: 600 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, testInfo, 'settings-window-narrow-dark.png');
  });
});

/** Take a full-page screenshot; copy it into the README's folder when missing or when asked to (see screenshots.spec.ts). */
async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const taken = testInfo.outputPath(name);
  await page.screenshot({ path: taken, fullPage: true, animations: 'disabled' });
  const target = join(SCREENSHOT_DIR, name);
  if (process.env.STATUS_TRAY_UPDATE_SCREENSHOTS === '1' || !existsSync(target)) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(taken, target);
  }
}
