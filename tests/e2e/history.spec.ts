/**
 * The history view on a real status.db: GitHub's summary.json source is backfilled from its incidents.json
 * (five resolved incidents of August 2026), Cursor's open incident is recorded live. The view shows each
 * provider's 90-day bar with the day's incidents on hover and focus, uptime figures, and the resolved
 * incidents, filterable by provider and time range; a screenshot goes to the README.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CURSOR, GITHUB } from './support/documents';
import { expect, test } from './support/harness';
import { SCREENSHOT_DIR } from './support/paths';

test.use({
  appOptions: {
    sources: [GITHUB, CURSOR],
    database: { extraFeeds: [{ path: '/github/api/v2/incidents.json', feed: 'statuspage-json/githubstatus-incidents-2026-08-18-first5.json' }] },
  },
});

test('90-day bars, uptime and resolved incidents, filtered and explained on hover and focus', async ({ page, app }, testInfo) => {
  await app.openStatus(page);
  await expect.poll(() => app.feeds.count('/github/api/v2/incidents.json')).toBe(1);
  await page.getByRole('button', { name: 'History and uptime' }).click();
  const section = page.locator('section.history');
  const github = section.locator('li.provider-history[data-source-id="github"]');
  await expect(github).toBeVisible();
  await expect(github.locator('.day-cell')).toHaveCount(90);
  // Backfilled incidents colour their days; days before GitHub's history began are grey (no data).
  const incidentDays = github.locator('.day-cell[aria-label*="incident"]');
  await expect(incidentDays.first()).toBeVisible();
  await expect(github.locator('.day-cell[data-health="unknown"]').first()).toBeVisible();
  await expect(github.locator('.uptime-figure')).toHaveCount(4);

  await incidentDays.first().hover();
  await expect(github.locator('.day-tip li').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(github.locator('.day-tip')).toHaveCount(0);
  // Keyboard: the last cell (today) takes focus; arrows move along the bar and the tip follows.
  await github.locator('.day-cell').last().focus();
  await expect(github.locator('.day-tip')).toContainText('no incidents');
  await page.keyboard.press('ArrowLeft');
  await expect(github.locator('.day-cell').nth(88)).toBeFocused();

  const rows = section.locator('table.resolved-list tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().locator('td').nth(1)).toHaveText('GitHub');

  await page.mouse.move(0, 0);
  const shot = testInfo.outputPath('history-view.png');
  await page.screenshot({ path: shot, fullPage: true, animations: 'disabled' });
  const target = join(SCREENSHOT_DIR, 'history-view.png');
  if (process.env.STATUS_TRAY_UPDATE_SCREENSHOTS === '1' || !existsSync(target)) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(shot, target);
  }

  // August's incidents are more than 30 days before the test's clock: the 30-day range has none.
  await section.getByLabel('Resolved in the last').selectOption('30d');
  await expect(section.getByText('No resolved incidents in this range.')).toBeVisible();
  await section.getByLabel('Resolved in the last').selectOption('90d');
  await section.getByLabel('Provider').selectOption({ label: 'Cursor' });
  await expect(section.locator('li.provider-history')).toHaveCount(1);
  await expect(section.getByText('No resolved incidents in this range.')).toBeVisible();

  // Export: the CSV of the resolved incidents downloads with its header row.
  await section.getByLabel('Provider').selectOption({ label: 'GitHub' });
  await expect(rows).toHaveCount(5);
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Export CSV' }).click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(path, 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^provider,source,id,kind,title,impact,status,started_at/);
  expect(csv.filter(Boolean)).toHaveLength(6);
});
