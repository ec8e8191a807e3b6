/** The status window against the real engine and controller, fed real captured status documents. */
import { CURSOR, CURSOR_INCIDENT, DIGITALOCEAN, DIGITALOCEAN_INCIDENT, DOCS, GITHUB, STREAMYARD_HTML } from './support/documents';
import { expect, test } from './support/harness';

const provider = (page: import('@playwright/test').Page, id: string) => page.locator(`li.provider[data-source-id="${id}"]`);

test.describe('with Cursor (active incident) and GitHub (operational)', () => {
  test.use({ appOptions: { sources: [GITHUB, CURSOR] } });

  test('shows each provider with the health its document gives, worst first', async ({ page, app }) => {
    await app.openStatus(page);
    const cursor = provider(page, 'cursor');
    const github = provider(page, 'github');
    await expect(cursor).toHaveAttribute('data-health', 'degraded');
    await expect(cursor.locator('.provider-toggle .health-badge')).toHaveText(/Degraded/);
    await expect(cursor.locator('.incident-title')).toHaveText(CURSOR_INCIDENT);
    // Expanded, the incident gives its status, its impact as its own fact, and times.
    await cursor.locator('.provider-toggle').click();
    await expect(cursor.locator('.incident-status')).toHaveText('Investigating');
    await expect(cursor.locator('.incident-impact')).toHaveText('Incident impact: minor');
    await expect(cursor.locator('.incident-facts time')).toHaveText('updated 1 h ago');
    await expect(cursor.locator('.provider-meta')).toHaveText(/Checked (just now|\d+ min ago)/);

    await expect(github).toHaveAttribute('data-health', 'operational');
    await expect(github.locator('.health-badge')).toHaveText(/Operational/);
    await expect(github.locator('.incident')).toHaveCount(0);

    await expect(page.locator('li.provider .provider-name')).toHaveText(['Cursor', 'GitHub']);
    await expect(page.locator('.overall-title')).toHaveText('Degraded service');
  });

  test('Tab reaches a provider, Enter expands its timeline and components, links open outside, Space collapses', async ({ page, app }) => {
    await app.openStatus(page);
    const cursor = provider(page, 'cursor');
    const toggle = cursor.locator('.provider-toggle');
    await expect(cursor).toHaveAttribute('data-health', 'degraded');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await toggle.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'the Cursor provider is reachable with Tab').toBe(true);

    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const timeline = cursor.locator('.timeline-entry');
    await expect(timeline).toHaveCount(1);
    await expect(timeline.first().locator('strong')).toHaveText('Investigating');
    await expect(timeline.first().locator('.timeline-text')).toHaveText('We are investigating a service degradation affecting Grok Bot.');
    await expect(cursor.locator('.components')).toContainText('Grok Bot');
    await expect(cursor.locator('.components')).toContainText('Degraded performance');

    // Links open in the user's browser through main, never in the window.
    await cursor.getByRole('button', { name: 'Open incident page' }).click();
    await expect.poll(() => app.openedExternally).toEqual(['https://status.cursor.com/incidents/bfcck6qks18q']);
    expect(new URL(page.url()).pathname).toBe('/index.html');

    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(cursor.locator('.timeline-entry')).toHaveCount(0);
  });

  test('the filter narrows the list by provider, incident or component', async ({ page, app }) => {
    await app.openStatus(page);
    await expect(provider(page, 'cursor')).toHaveAttribute('data-health', 'degraded');
    const filter = page.getByLabel('Filter');
    await filter.fill('grok');
    await expect(page.locator('li.provider .provider-name')).toHaveText(['Cursor']);
    await filter.fill('git');
    await expect(page.locator('li.provider .provider-name')).toHaveText(['GitHub']);
    await filter.fill('no such thing');
    await expect(page.locator('.no-match')).toBeVisible();
    await filter.press('Escape');
    await expect(page.locator('li.provider')).toHaveCount(2);
  });
});

test.describe('with DigitalOcean history.atom', () => {
  test.use({ appOptions: { sources: [DIGITALOCEAN] } });

  test('a changed document on the server shows up without reloading the page', async ({ page, app }) => {
    await app.openStatus(page);
    const card = provider(page, 'digitalocean');
    await expect(card).toHaveAttribute('data-health', 'operational');
    await expect(card.locator('.incident')).toHaveCount(0);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    app.feeds.swap(DIGITALOCEAN.path, DOCS.digitalOceanActive);
    await app.engine.checkNow('digitalocean');

    await expect(card.locator('.incident-title')).toHaveText(DIGITALOCEAN_INCIDENT);
    await card.locator('.provider-toggle').click();
    await expect(card.locator('.incident-status')).toHaveText('Identified');
    await expect(card).not.toHaveAttribute('data-health', 'operational');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});

test.describe('with a URL that serves an HTML page', () => {
  test.use({ appOptions: { sources: [{ ...STREAMYARD_HTML, contentType: 'text/html; charset=utf-8' }] } });

  test('shows the error with what to do, and Retry checks again', async ({ page, app }) => {
    await app.openStatus(page);
    const card = provider(page, 'streamyard');
    await expect(card.locator('.row-detail')).toHaveText('could not read: got a web page');
    await card.locator('.provider-toggle').click();
    const notice = card.locator('.source-error');
    await expect(notice).toBeVisible();
    await expect(card).toHaveAttribute('data-health', 'unknown');
    await expect(card.locator('.provider-toggle .health-badge')).toHaveText(/Unknown/);
    await expect(notice.locator('.source-error-message')).not.toBeEmpty();
    await expect(notice.locator('.source-error-advice')).not.toBeEmpty();
    const requestsBefore = app.feeds.count(STREAMYARD_HTML.path);

    // The site fixed its URL: the same path now serves the real feed.
    app.feeds.serveFile(STREAMYARD_HTML.path, DOCS.streamyardAtom);
    await notice.getByRole('button', { name: 'Retry' }).click();

    await expect(card.locator('.source-error')).toHaveCount(0);
    await expect(card).toHaveAttribute('data-health', 'operational');
    expect(app.feeds.count(STREAMYARD_HTML.path)).toBeGreaterThan(requestsBefore);
  });
});

test.describe('first run', () => {
  test('the empty state leads to the settings window', async ({ page, app }) => {
    await app.openStatus(page);
    await expect(page.getByRole('heading', { name: 'No status pages yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Add your first status page' }).click();
    await expect.poll(() => app.settingsPages.length).toBe(1);
    const settings = app.settingsPages[0]!;
    await expect(settings.getByRole('heading', { name: 'Add a status page' })).toBeVisible();
  });
});

test.describe('when the state cannot be saved', () => {
  test.use({ appOptions: { sources: [GITHUB], saveFailure: 'ENOSPC' } });

  test('a banner names the path and the reason', async ({ page, app }) => {
    await app.openStatus(page);
    await expect(page.getByRole('alert')).toContainText('Cannot save to /e2e/state.json: the disk is full');
    await expect(page.getByRole('alert')).toContainText('keeps checking');
  });
});

test.describe('after the state store recovered', () => {
  test.use({ appOptions: { sources: [GITHUB], recoveryReason: 'state.json was truncated; started from the backup.' } });

  test('a banner says so', async ({ page, app }) => {
    await app.openStatus(page);
    await expect(page.getByRole('status').filter({ hasText: 'Saved state was repaired.' })).toContainText(
      'state.json was truncated; started from the backup.',
    );
  });
});
