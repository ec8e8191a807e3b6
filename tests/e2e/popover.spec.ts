/**
 * The tray popover (index.html?view=popover, 380×600) and the full window (760 wide) with every captured
 * document in ../shared/feeds (29 real documents, plus a page that fails with 503 after a good read, one
 * that asks to wait, and one whose JSON is cut short): the dense rows, the wording rules of docs/popover.md,
 * keyboard-only use, axe-core in light and dark, no horizontal scrolling, and the README screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { FEEDS_DIR } from '../support/feeds';
import { ALL_DOCUMENTS, DOCS } from './support/documents';
import { expect, test, type AppHarness } from './support/harness';
import { SCREENSHOT_DIR } from './support/paths';

const POPOVER = { width: 380, height: 600 };
const FULL = { width: 760, height: 900 };
const SLACK_PATH = '/slack/api/v2.0.0/history';
const LAMBSTATUS_PATH = '/lambstatus/history.rss';

// A real summary.json cut short, as a dropped connection or a broken proxy would deliver it.
const brokenJson = readFileSync(resolve(FEEDS_DIR, DOCS.cursor), 'utf8').slice(0, 900);

test.use({
  viewport: POPOVER,
  appOptions: {
    sources: [
      ...ALL_DOCUMENTS,
      { id: 'broken-json', path: '/broken/api/v2/summary.json', body: brokenJson, contentType: 'application/json', name: 'Broken JSON page' },
    ],
  },
});

// Thirty real documents make a heavy fixture: give each test room on a loaded two-core machine.
test.describe.configure({ timeout: 240_000 });

const row = (page: Page, id: string) => page.locator(`li.provider[data-source-id="${id}"]`);
const toggleOf = (page: Page, id: string) => row(page, id).locator('.row-toggle');

/**
 * Every source read once. Tests wait for this before opening a page: the first round of 30 polls pushes
 * some hundred snapshots, which a page would only have to catch up with.
 */
async function allChecked(app: AppHarness): Promise<void> {
  await expect
    .poll(() => app.controller.snapshot().engine.sources.every((s) => s.lastCheckedAt !== undefined && !s.polling), { timeout: 90_000 })
    .toBe(true);
}

/**
 * After a good first read: Slack starts answering 503, LambStatus 429 with Retry-After. A failure shows at
 * once (fail after 1 check): a page that asked to wait is not asked again by a second check.
 */
async function breakTwoPages(app: AppHarness): Promise<void> {
  expect((await app.controller.setFailAfterPolls(1)).ok).toBe(true);
  app.feeds.handle(SLACK_PATH, (_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('Service Unavailable');
  });
  app.feeds.handle(LAMBSTATUS_PATH, (_req, res) => {
    res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '3600' });
    res.end('Too Many Requests');
  });
  await app.engine.checkNow('slack');
  await app.engine.checkNow('lambstatus');
  await expect
    .poll(() => app.controller.snapshot().engine.sources.filter((s) => (s.id === 'slack' || s.id === 'lambstatus') && s.lastError).length)
    .toBe(2);
}

async function save(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const taken = testInfo.outputPath(name);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: taken, fullPage, animations: 'disabled' });
  const target = join(SCREENSHOT_DIR, name);
  if (process.env.STATUS_TRAY_UPDATE_SCREENSHOTS === '1' || !existsSync(target)) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(taken, target);
  }
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `axe violations ${what}`).toEqual([]);
}

/** Press `key` until `target` has focus (at most 30 times). @throws when it never does. */
async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`30 presses of ${key} did not reach ${target.toString()}`);
}

async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(sizes.scroll, `${what} scrolls horizontally (${sizes.scroll} > ${sizes.client})`).toBeLessThanOrEqual(sizes.client);
}

test('popover: trouble first as dense rows, healthy ones folded, one meaning per word', async ({ page, app }) => {
  await allChecked(app);
  await app.openPopover(page);
  await breakTwoPages(app);

  // Every enabled provider is either a row of its own or counted in the folded group.
  const sources = app.controller.snapshot().engine.sources;
  const group = page.locator('.group-toggle');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  const groupCount = Number((await group.innerText()).match(/(\d+) operational/)?.[1]);
  await expect(page.locator('li.provider')).toHaveCount(sources.length - groupCount);
  expect(groupCount).toBeGreaterThan(3);
  // GitHub's summary is healthy: folded, not a row.
  await expect(row(page, 'github')).toHaveCount(0);

  // Trouble first: no row before the group is healthier than one after it, and the worst comes first.
  await expect(page.locator('.provider-list > li').first()).not.toHaveAttribute('data-health', 'operational');

  // A failed check keeps the last known status, marked stale with the failure.
  const slack = row(page, 'slack');
  await expect(slack).toHaveAttribute('data-stale', 'true');
  await expect(slack).not.toHaveAttribute('data-health', 'unknown');
  await expect(slack.locator('.health-badge')).not.toContainText('Unknown');
  await expect(slack.locator('.row-detail')).toHaveText(/^could not check for .+: HTTP 503$/);
  await expect(slack.locator('.row-title')).toHaveCount(1);

  // "Unknown" only for a page never read, with what went wrong.
  const html = row(page, 'streamyard');
  await expect(html).toHaveAttribute('data-health', 'unknown');
  await expect(html.locator('.health-badge')).toHaveText(/^\W*Unknown$/);
  await expect(html.locator('.row-detail')).toHaveText('could not read: got a web page');

  // An open incident: latest update's first line and how long it has been going.
  const cursor = row(page, 'cursor');
  await expect(cursor.locator('.row-title')).toHaveText('Investigating service degradation — Grok Bot');
  await expect(cursor.locator('.row-line')).toHaveText(/^We are investigating a service degradation affecting Grok Bot\. · ongoing 1 h \d+ min$/);

  // A down component with no incident is named on the collapsed row.
  await expect(row(page, 'upptime').locator('.row-detail')).toContainText('RSSHub');

  // Expanded: impact as the incident's own fact, not a second health word.
  await toggleOf(page, 'cursor').click();
  await expect(cursor.locator('.incident-impact')).toHaveText('Incident impact: minor');
  await expect(cursor.locator('.incident-facts time')).toHaveText('updated 1 h ago');
  await expect(cursor.locator('.incident-facts time')).toHaveAttribute('title', /\d{4}.*\d{2}:\d{2}.*(UTC|GMT)/);

  // Stale failure: the engine's sentence once, no "(HTTP 503)" repeated; Retry names its provider.
  await toggleOf(page, 'slack').click();
  const message = slack.locator('.source-error-message');
  await expect(message).toContainText('503');
  expect(((await message.innerText()).match(/503/g) ?? []).length).toBe(1);
  await expect(slack.getByRole('button', { name: 'Retry Slack' })).toBeVisible();

  // The page asked to wait: no Retry, the next try instead.
  await toggleOf(page, 'lambstatus').click();
  const lamb = row(page, 'lambstatus');
  await expect(lamb.locator('.source-error-wait')).toContainText(/next try at .+ \(in \d+ (min|h)/);
  await expect(lamb.getByRole('button', { name: /^Retry/ })).toHaveCount(0);

  // Broken JSON is not called a web page.
  await toggleOf(page, 'broken-json').click();
  await expect(row(page, 'broken-json').locator('.source-error-advice')).not.toContainText('web page');

  // Old incidents are marked stale (GitHub's July incident, silent for over 14 days at the test's clock).
  await toggleOf(page, 'gh-2026-07').click();
  await expect(row(page, 'gh-2026-07').locator('.incident-stale')).toHaveText(/stale: no update for \d+ days/);

  // AWS's raw event keys become service and region names.
  await toggleOf(page, 'aws').click();
  const affects = row(page, 'aws').locator('.incident-components');
  await expect(affects.first()).toBeVisible();
  for (const text of await affects.allInnerTexts()) expect(text).not.toMatch(/\b[a-z]+-[a-z]{2}-[a-z]+-\d\b/);

  // Same-named providers are told apart (the healthy ones too, once their group is open).
  await page.locator('.group-toggle').click();
  const githubTags = await page.locator('li.provider:has(.provider-name:text-is("GitHub")) .provider-tag').allInnerTexts();
  expect(new Set(githubTags).size).toBe(githubTags.length);
  expect(githubTags.length).toBeGreaterThan(1);

  // Past scheduled maintenance is not "Scheduled".
  for (const status of await page.locator('.scheduled .incident-status').allInnerTexts()) expect(status).not.toBe('Scheduled');
});

test('popover and full window, light and dark: screenshots, axe finds nothing, nothing scrolls sideways', async ({ page, app }, testInfo) => {
  await allChecked(app);
  await app.openPopover(page);
  await breakTwoPages(app);
  await expect(row(page, 'slack')).toHaveAttribute('data-stale', 'true');

  await save(page, testInfo, 'popover-light.png');
  await expectNoAxeViolations(page, 'in the popover, light');
  await expectNoHorizontalScroll(page, 'the popover');
  await page.emulateMedia({ colorScheme: 'dark' });
  await save(page, testInfo, 'popover-dark.png');
  await expectNoAxeViolations(page, 'in the popover, dark');

  // Expanded: the group, an incident with many updates, a failure, AWS.
  await page.locator('.group-toggle').click();
  for (const id of ['cursor', 'slack', 'aws', 'lambstatus', 'broken-json', 'symantec-2020', 'openai']) await toggleOf(page, id).click();
  await expectNoAxeViolations(page, 'in the popover, expanded, dark');
  await expectNoHorizontalScroll(page, 'the expanded popover');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page, 'in the popover, expanded, light');
  await row(page, 'cursor').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, testInfo, 'popover-expanded-light.png');

  await page.setViewportSize(FULL);
  await app.openStatus(page);
  await expect(page.locator('.group-toggle')).toHaveAttribute('aria-expanded', 'true');
  await save(page, testInfo, 'full-window-light.png');
  await expectNoAxeViolations(page, 'in the full window, light');
  await expectNoHorizontalScroll(page, 'the full window');
  await page.emulateMedia({ colorScheme: 'dark' });
  await save(page, testInfo, 'full-window-dark.png');
  await expectNoAxeViolations(page, 'in the full window, dark');
});

test('no page scrolls horizontally at popover width: status and settings', async ({ page, app }) => {
  await allChecked(app);
  await app.openPopover(page);
  await expectNoHorizontalScroll(page, 'the popover');
  await app.openSettings(page);
  await expect(page.getByRole('heading', { name: 'Add a status page' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'the settings window at 380 px');
});

test('the settings window at popover width: axe finds nothing on any tab, light and dark, with rows open', async ({ page, app }) => {
  await allChecked(app);
  await app.openSettings(page);
  await expect(page.getByRole('heading', { name: 'Add a status page' })).toBeVisible();
  // Two rows open at once: their component forms are landmarks and must be told apart.
  const toggles = page.locator('li.source-row .source-toggle');
  await toggles.nth(0).click();
  await toggles.nth(1).click();
  await expect(page.locator('li.source-row form.components')).toHaveCount(2);
  const tabs = await page.getByRole('tab').allTextContents();
  expect(tabs.length).toBeGreaterThan(2);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      await expectNoAxeViolations(page, `in settings, ${name} tab, ${scheme}`);
    }
    await page.getByRole('tab', { name: tabs[0]! }).click();
  }
});

// Keyboard and "show this provider" need no thirty pages: a few, failing ones and a folded group included,
// keep each Check now round short on a loaded machine.
test.describe('with eight of the documents', () => {
  const FEW = ['cursor', 'github', 'slack', 'lambstatus', 'atlassian', 'do-2019-10-30', 'gh-2019', 'streamyard'];
  test.use({ appOptions: { sources: ALL_DOCUMENTS.filter((d) => FEW.includes(d.id)) } });

  test('keyboard only: Tab to the rows, arrows move, Enter expands, Retry keeps focus, Escape collapses then closes', async ({ page, app }) => {
    await allChecked(app);
    await app.openPopover(page);
    await breakTwoPages(app);

    // Tab reaches the first row; only one row is a Tab stop.
    const first = page.locator('.row-toggle').first();
    await pressUntilFocused(page, 'Tab', first);
    await expect(page.locator('.row-toggle[tabindex="0"]')).toHaveCount(1);

    // Arrow keys walk the rows down to the folded group, End/Home jump.
    await page.keyboard.press('End');
    await expect(page.locator('.group-toggle')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.group-toggle')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.operational-group + li.provider .row-toggle')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(first).toBeFocused();

    // Walk down to Slack (failing) and expand it.
    await pressUntilFocused(page, 'ArrowDown', toggleOf(page, 'slack'));
    await page.keyboard.press('Enter');
    await expect(toggleOf(page, 'slack')).toHaveAttribute('aria-expanded', 'true');

    // Tab into Retry; pressing it keeps focus there (the check fails again, the notice stays).
    const retry = row(page, 'slack').getByRole('button', { name: 'Retry Slack' });
    await pressUntilFocused(page, 'Tab', retry);
    const before = app.feeds.count(SLACK_PATH);
    await page.keyboard.press('Enter');
    await expect.poll(() => app.feeds.count(SLACK_PATH)).toBeGreaterThan(before);
    await expect(retry).toBeFocused();

    // Escape inside Slack's expanded row collapses it and puts focus on its toggle; the popover stays.
    await page.keyboard.press('Escape');
    await expect(toggleOf(page, 'slack')).toHaveAttribute('aria-expanded', 'false');
    await expect(toggleOf(page, 'slack')).toBeFocused();
    expect(app.popoverCalls.filter((c) => c.method === 'closePopover')).toEqual([]);

    // Back up to Check now by Shift+Tab; pressing it keeps focus there until (and after) the round ends.
    const checkNow = page.locator('button.check-now');
    await pressUntilFocused(page, 'Shift+Tab', checkNow);
    await page.keyboard.press('Enter');
    await expect(checkNow).toHaveText('Check now', { timeout: 60_000 });
    await expect(checkNow).toBeFocused();

    // On to the pin: a toggle main is told about.
    const pin = page.getByRole('button', { name: 'Pin window' });
    await pressUntilFocused(page, 'Tab', pin);
    await page.keyboard.press('Enter');
    await expect(pin).toHaveAttribute('aria-pressed', 'true');
    expect(app.popoverCalls).toContainEqual({ method: 'setPopoverPinned', args: [true] });

    // Escape outside any row folds what is open (the group); once nothing is open, Escape closes the popover.
    await page.keyboard.press('Escape');
    await expect(page.locator('.group-toggle')).toHaveAttribute('aria-expanded', 'false');
    expect(app.popoverCalls.filter((c) => c.method === 'closePopover')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => app.popoverCalls.filter((c) => c.method === 'closePopover').length).toBe(1);
  });

  test('main can show one provider: its group opens, its row expands and takes focus', async ({ page, app }) => {
    await allChecked(app);
    await app.openPopover(page);
    await expect(row(page, 'github')).toHaveCount(0);
    app.controller.focusProvider('github');
    await expect(toggleOf(page, 'github')).toHaveAttribute('aria-expanded', 'true');
    await expect(toggleOf(page, 'github')).toBeFocused();
    await expect(row(page, 'github').getByRole('button', { name: /Open GitHub’s status page/ })).toBeVisible();
  });
});
