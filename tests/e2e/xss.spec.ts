/**
 * docs/http-and-faults.md row 37: a feed whose title, content and link carry `<script>`, `<img onerror>` and `javascript:`.
 * Built from the real DigitalOcean feed with its open incident's title, text and link replaced.
 */
import { readFeed } from '../support/feeds';
import { DOCS } from './support/documents';
import { expect, test } from './support/harness';

const TITLE = `<script>window.__xss='title-script';alert('title')</script><img src=x onerror="window.__xss='title-img';alert('img')"> Droplet images`;
const TEXT = `<img src=x onerror="window.__xss='content-img';alert('content')"><script>window.__xss='content-script'</script>`;

function evilFeed(): string {
  const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const real = readFeed(DOCS.digitalOceanActive);
  const patched = real
    .replace('<title>Issues affecting custom Droplet images</title>', `<title>${xmlEscape(TITLE)}</title>`)
    .replace('href="https://status.digitalocean.com/incidents/2440tjssv61q"', `href="javascript:window.__xss='link'"`)
    // Inside the HTML content: markup (escaped once) and the same markup as literal text (escaped twice).
    .replace('Our Engineering team has identified the cause', `${xmlEscape(TEXT)} ${xmlEscape(xmlEscape(TEXT))} Our Engineering team has identified the cause`);
  if (patched === real || !patched.includes('javascript:')) throw new Error('the DigitalOcean feed changed; update the patch');
  return patched;
}

test.use({
  appOptions: { sources: [{ id: 'evil', path: '/evil/history.atom', body: evilFeed(), contentType: 'application/atom+xml' }] },
});

test('markup in a feed is shown as text and runs nothing', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.openStatus(page);
  const card = page.locator('li.provider[data-source-id="evil"]');
  await expect(card.locator('.incident-title')).toHaveCount(1);
  await card.locator('.provider-toggle').click();
  await expect(card.locator('.timeline-entry').first()).toBeVisible();

  const incident = app.controller.snapshot().engine.sources[0]?.status?.activeIncidents[0];
  expect(incident).toBeDefined();
  // Whatever text the engine kept, the page shows exactly that text.
  await expect(card.locator('.incident-title')).toHaveText(incident!.title);
  expect(incident!.title).toContain('Droplet images');
  await expect(card.locator('.timeline-text').first()).toHaveText(incident!.updates[0]!.text);

  for (const button of await card.getByRole('button', { name: /Open/ }).all()) await button.click();
  expect(app.openedExternally.every((url) => /^https?:\/\//.test(url))).toBe(true);

  expect(await page.locator('#root script, #root img, #root [onerror], #root a[href^="javascript:"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/index.html');
});
