/** The settings window against the real controller: every change lands in the settings it keeps. */
import type { Page } from '@playwright/test';
import { CURSOR, DOCS, GITHUB } from './support/documents';
import { expect, test } from './support/harness';

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
