/**
 * Issue 4 in the settings window against the real controller and engine: catalog search with one-click Add,
 * big-cloud entries narrowed to a service and region, discovery behind a pasted page URL, and OPML. Catalog
 * URLs name real hosts; the harness answers them from the local feed server (support/offline-fetch.ts).
 */
import type { Page } from '@playwright/test';
import { parseOpml } from '../../shared/opml/opml';
import { CURSOR, DIGITALOCEAN, DOCS, GITHUB, STREAMYARD_HTML } from './support/documents';
import { expect, test } from './support/harness';
import { SCALE_SOURCES } from './support/scale-sources';

const GITHUB_CATALOG_URL = 'https://www.githubstatus.com/api/v2/summary.json';
const CURSOR_CATALOG_URL = 'https://status.cursor.com/api/v2/summary.json';
const AWS_FEED_URL = 'https://status.aws.amazon.com/rss/all.rss';
const AWS_FEED = 'aws/aws-all-rss-2026-08-18.rss';

test.use({ appOptions: { sources: [DIGITALOCEAN] } });

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search services or paste a status page address' });
const provider = (page: Page, name: string) => page.locator('li.provider', { has: page.locator('.provider-name', { hasText: name }) });

test('search the catalog, add with the keyboard or one click, and see the providers in the status window', async ({ page, context, app }) => {
  app.serveAs(GITHUB_CATALOG_URL, DOCS.github);
  app.serveAs(CURSOR_CATALOG_URL, DOCS.cursor);
  await app.openStatus(page);
  await expect(page.locator('li.provider')).toHaveCount(1);
  const settings = await context.newPage();
  await app.openSettings(settings);

  const box = searchBox(settings);
  await expect(box).toHaveAttribute('placeholder', /^Search \d{1,2}(,\d)?00\+ services or paste a status page URL$/);
  await box.fill('githu');
  const github = settings.getByRole('option', { name: /^GitHub/ });
  await expect(github).toContainText('Statuspage');
  await expect(github).toContainText('code-hosting');
  await box.press('ArrowDown');
  await expect(github).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await github.getAttribute('id')) ?? 'missing');
  await box.press('Enter');
  await expect(settings.getByRole('status').filter({ hasText: 'Added GitHub' })).toBeVisible();
  await expect(box).toHaveValue('');
  const saved = app.controller.settings().sources.at(-1);
  expect(saved).toMatchObject({ url: GITHUB_CATALOG_URL, name: 'GitHub' });
  expect(saved).not.toHaveProperty('filter');
  await expect(provider(page, 'GitHub')).toHaveAttribute('data-health', 'operational');

  // One click adds; the status window shows the active incident the captured Cursor summary carries.
  await box.fill('cursor');
  await settings.getByRole('option', { name: /^Cursor/ }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Added Cursor' })).toBeVisible();
  await expect(provider(page, 'Cursor')).toHaveAttribute('data-health', 'degraded');
  await expect(page.locator('li.provider')).toHaveCount(3);

  // Already watched: said so, and neither a click nor Enter adds it again; both show the watched one instead.
  const githubRow = settings.locator('li.source-row', { has: settings.locator('.source-name', { hasText: 'GitHub' }) });
  await box.fill('github');
  const again = settings.getByRole('option', { name: /^GitHub/ });
  await expect(again.locator('.catalog-state')).toHaveText('Already watching · Show');
  await again.click();
  await expect(settings.getByRole('status').filter({ hasText: 'Already watching GitHub' })).toBeVisible();
  await expect(githubRow.locator('.source-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(githubRow.locator('.source-toggle')).toBeFocused();
  await githubRow.locator('.source-toggle').click();
  await box.fill('github');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(githubRow.locator('.source-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(githubRow.locator('.source-toggle')).toBeFocused();
  expect(app.controller.settings().sources).toHaveLength(3);
  expect(app.rewritten).toEqual(expect.arrayContaining([GITHUB_CATALOG_URL, CURSOR_CATALOG_URL]));
});

test('a big cloud: "ec2 us-east-1" watches one AWS service in one region of the shared feed', async ({ page, context, app }) => {
  app.serveAs(AWS_FEED_URL, AWS_FEED);
  await app.openStatus(page);
  const settings = await context.newPage();
  await app.openSettings(settings);

  await searchBox(settings).fill('ec2 us-east-1');
  const ec2 = settings.getByRole('option').first();
  await expect(ec2.locator('.catalog-name')).toHaveText('Amazon Elastic Compute Cloud (us-east-1)');
  await expect(ec2).toContainText('only Amazon Elastic Compute Cloud in us-east-1');
  await ec2.click();
  await expect(settings.getByRole('status').filter({ hasText: 'Added Amazon Elastic Compute Cloud (us-east-1)' })).toBeVisible();

  // The UAE region entry shares the feed: a different filter, so not a duplicate.
  await searchBox(settings).fill('AWS (UAE)');
  await settings.getByRole('option', { name: /^AWS \(UAE\)/ }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Added AWS (UAE)' })).toBeVisible();

  const [ec2Source, uaeSource] = app.controller.settings().sources.slice(1);
  expect(ec2Source).toMatchObject({ url: AWS_FEED_URL, filter: { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] } });
  expect(uaeSource).toMatchObject({ url: AWS_FEED_URL, filter: { regions: ['me-central-1', 'UAE'] } });
  await settings.locator(`li.source-row[data-source-id="${ec2Source?.id}"] .source-toggle`).click();
  await expect(settings.locator(`li.source-row[data-source-id="${ec2Source?.id}"] .source-filter`)).toHaveText('Only Amazon Elastic Compute Cloud in us-east-1');

  // The captured feed has open incidents in me-central-1 and me-south-1 only.
  await expect(provider(page, 'Amazon Elastic Compute Cloud (us-east-1)')).toHaveAttribute('data-health', 'operational');
  await expect(provider(page, 'AWS (UAE)')).toHaveAttribute('data-health', 'degraded');
});

test('a pasted status page URL is previewed through discovery, and Add saves the feed it found', async ({ page, context, app }) => {
  app.feeds.serveFile(STREAMYARD_HTML.path, DOCS.streamyardHtml, { contentType: 'text/html; charset=utf-8' });
  // The page advertises <link rel="alternate" href="https://status.streamyard.com/history.atom">.
  app.serveAs('https://status.streamyard.com/history.atom', DOCS.streamyardAtom);
  await app.openStatus(page);
  const settings = await context.newPage();
  await app.openSettings(settings);

  const pageUrl = app.feeds.url(STREAMYARD_HTML.path);
  const box = searchBox(settings);
  // A real paste through the system clipboard; no click on Preview: a paste starts discovery.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.web.origin });
  await box.focus();
  await settings.evaluate((text) => navigator.clipboard.writeText(text), pageUrl);
  await box.press('ControlOrMeta+V');
  await expect(box).toHaveValue(pageUrl);
  const preview = settings.locator('.preview-card');
  await expect(preview.locator('.preview-found-via')).toHaveText('Feed linked from the page (/history.atom)');
  await expect(settings.locator('.preview-provider')).toHaveText('StreamYard');
  await expect(preview.locator('.preview-url')).toHaveText('https://status.streamyard.com/history.atom');
  await expect(preview).toContainText('Statuspage Atom/RSS feed');
  // Recognised as Statuspage, so its JSON API was probed first (404 here) before the linked feed.
  expect(app.feeds.count('/api/v2/summary.json')).toBe(1);

  await settings.getByRole('button', { name: 'Add StreamYard' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Added StreamYard' })).toBeVisible();
  expect(app.controller.settings().sources.at(-1)?.url).toBe('https://status.streamyard.com/history.atom');
  await expect(provider(page, 'StreamYard')).toHaveAttribute('data-health', 'operational');
});

test('OPML: import adds the feeds, an invalid file changes nothing, export writes the list', async ({ page, context, app }) => {
  app.feeds.serveFile(CURSOR.path, DOCS.cursor);
  app.feeds.serveFile(GITHUB.path, DOCS.github);
  await app.openStatus(page);
  const settings = await context.newPage();
  await app.openSettings(settings);
  const result = settings.locator('.opml-result');

  app.opmlFiles.nextImport = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Feeds</title></head><body>
  <outline text="Status pages">
    <outline text="Cursor" type="rss" xmlUrl="${app.feeds.url(CURSOR.path)}"/>
    <outline text="GitHub" type="rss" xmlUrl="${app.feeds.url(GITHUB.path)}"/>
    <outline text="DigitalOcean" type="rss" xmlUrl="${app.feeds.url(DIGITALOCEAN.path)}"/>
  </outline>
  <outline text="Not a feed" xmlUrl="javascript:alert(1)"/>
</body></opml>`;
  await settings.getByRole('button', { name: 'Import OPML…' }).click();
  await expect(result).toHaveText('Added 2 status pages from the file. 1 was already in your list. 1 entry was not a web feed and skipped.');
  await expect(page.locator('li.provider .provider-name')).toHaveText(['Cursor', 'DigitalOcean', 'GitHub']);
  await expect(settings.locator('li.source-row')).toHaveCount(3);

  app.opmlFiles.nextImport = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>';
  await settings.getByRole('button', { name: 'Import OPML…' }).click();
  await expect(settings.locator('.inline-error')).toContainText('not OPML');
  await expect(settings.locator('.inline-error')).toContainText('Nothing was changed');
  await expect(result).toHaveCount(0);
  expect(app.controller.settings().sources).toHaveLength(3);

  await settings.getByRole('button', { name: 'Export OPML…' }).click();
  await expect(result).toHaveText('Exported 3 status pages to /e2e/status-tray-sources.opml.');
  const exported = parseOpml(app.opmlFiles.exported[0] ?? '');
  expect(exported.sources.map((s) => s.url).sort()).toEqual(app.controller.settings().sources.map((s) => s.url).sort());
  expect(app.rewritten).toEqual([]);
});

test.describe('with 27 sources watched', () => {
  test.use({ appOptions: { sources: [...SCALE_SOURCES] } });

  const rowOf = (page: Page, id: string) => page.locator(`li.source-row[data-source-id="${id}"]`);

  test('typos still find the service, and one already watched is shown in the list instead of added again', async ({ page, app }) => {
    await app.openSettings(page);
    const box = searchBox(page);
    await box.fill('githbu');
    const github = page.getByRole('option').first();
    await expect(github.locator('.catalog-name')).toHaveText('GitHub');
    await expect(github.locator('.catalog-state')).toHaveText('Already watching · Show');

    // The list is filtered to something else: showing Cursor clears the filter, opens its row and focuses it.
    await page.getByRole('searchbox', { name: 'Filter status pages' }).fill('slack');
    await expect(page.locator('li.source-row')).toHaveCount(1);
    await box.fill('cursor');
    await expect(page.getByRole('option', { name: /^Cursor/ }).locator('.catalog-state')).toHaveText('Already watching · Show');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(page.locator('li.source-row')).toHaveCount(27);
    await expect(rowOf(page, 'cursor').locator('.source-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(rowOf(page, 'cursor').locator('.source-toggle')).toBeFocused();
    await expect(rowOf(page, 'cursor').getByRole('textbox', { name: 'Name' })).toHaveValue('Cursor');
    await expect(page.getByRole('status').filter({ hasText: 'Already watching Cursor' })).toBeVisible();
    expect(app.controller.settings().sources).toHaveLength(27);
  });

  test('"aws ec2 us-east" offers EC2 in each US East region; nonsense says what to paste instead', async ({ page, app }) => {
    app.serveAs(AWS_FEED_URL, AWS_FEED);
    await app.openSettings(page);
    const box = searchBox(page);
    await box.fill('aws ec2 us-east');
    const names = page.getByRole('option').locator('.catalog-name');
    await expect(names.nth(0)).toHaveText('Amazon Elastic Compute Cloud (us-east-1)');
    await expect(names.nth(1)).toHaveText('Amazon Elastic Compute Cloud (us-east-2)');
    await page.getByRole('option').nth(1).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added Amazon Elastic Compute Cloud (us-east-2)' })).toBeVisible();
    expect(app.controller.settings().sources.at(-1)).toMatchObject({ url: AWS_FEED_URL, filter: { regions: ['us-east-2'] } });
    await expect(page.locator('li.source-row')).toHaveCount(28);

    await box.fill('qwertyuiop');
    await expect(page.locator('.catalog-empty')).toHaveText('No service matches “qwertyuiop” — paste its status page address (https://…) instead.');
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(box).toHaveAttribute('aria-expanded', 'false');
  });
});
