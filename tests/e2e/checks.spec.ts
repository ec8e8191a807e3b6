/**
 * Endpoint checks from the settings window against the real engine and controller: a check added in the UI
 * is stored in the settings, polled by the engine's check path (like the CLI's --check) against a local
 * endpoint on 127.0.0.1, and appears in the status window like any provider — up, or down with the reason.
 */
import { GITHUB } from './support/documents';
import { expect, test } from './support/harness';

test.use({ appOptions: { sources: [GITHUB] } });

test('add an endpoint check in settings: it is polled and shows in the status list', async ({ page, context, app }) => {
  app.feeds.serveBody('/health', '{"status":"ok"}', { contentType: 'application/json' });
  await app.openStatus(page);
  await expect(page.locator('li.provider')).toHaveCount(1);
  const settings = await context.newPage();
  await app.openSettings(settings);
  await settings.getByRole('tab', { name: 'Endpoint checks' }).click();
  const card = settings.locator('section.checks');
  await card.getByRole('button', { name: 'New endpoint check…' }).click();
  const form = card.getByRole('form', { name: 'New endpoint check' });
  await form.getByLabel('Endpoint URL').fill(app.feeds.url('/health'));
  await form.getByLabel('Name').fill('Our API');
  await form.getByLabel('Expected status codes').fill('200, 204');
  await form.getByLabel('Response body').selectOption('contains');
  await form.getByLabel('Text').fill('"ok"');
  await form.getByLabel('Retries before down').fill('0');
  await form.getByRole('button', { name: 'Add check' }).click();
  await expect(card.getByRole('status')).toContainText('Added Our API.');

  const stored = app.controller.settings().sources.find((s) => s.name === 'Our API');
  expect(stored).toMatchObject({ url: app.feeds.url('/health'), check: { expectStatus: [200, 204], contains: '"ok"', retries: 0 } });
  // Not listed again among the status pages.
  await settings.getByRole('tab', { name: 'Sources' }).click();
  await expect(settings.locator('li.source-row')).toHaveCount(1);
  await settings.getByRole('tab', { name: 'Endpoint checks' }).click();

  const row = page.locator(`li.provider[data-source-id="${stored!.id}"]`);
  await expect(row.locator('.provider-name')).toHaveText('Our API');
  await expect(row).toHaveAttribute('data-health', 'operational');
  await expect(card.locator(`li.check-row[data-source-id="${stored!.id}"] .health-badge`)).toHaveAttribute('data-health', 'operational');

  // Tighten the rule so the same answer fails it: the check goes down and says why.
  await card.getByRole('button', { name: 'Edit Our API' }).click();
  const edit = card.getByRole('form', { name: 'Edit check Our API' });
  await edit.getByLabel('Text').fill('"degraded"');
  await edit.getByRole('button', { name: 'Save check' }).click();
  await expect(card.getByRole('status')).toContainText('Saved Our API.');
  await app.controller.checkNow(stored!.id);
  await expect(row).toHaveAttribute('data-health', 'major_outage');
  await expect(card.locator(`li.check-row[data-source-id="${stored!.id}"]`)).toContainText('the response does not contain ""degraded""');
});

test('a bad rule is explained in the form and nothing is saved', async ({ page, app }) => {
  await app.openSettings(page);
  await page.getByRole('tab', { name: 'Endpoint checks' }).click();
  const card = page.locator('section.checks');
  await card.getByRole('button', { name: 'New endpoint check…' }).click();
  const form = card.getByRole('form', { name: 'New endpoint check' });
  await form.getByLabel('Endpoint URL').fill('ftp://example.com/health');
  await form.getByRole('button', { name: 'Add check' }).click();
  await expect(form.locator('.field-error')).toHaveText('Enter the http:// or https:// address of your endpoint.');
  await form.getByLabel('Endpoint URL').fill(app.feeds.url('/health'));
  await form.getByLabel('Response body').selectOption('matches');
  await form.getByLabel('Regular expression').fill('(unclosed');
  await form.getByRole('button', { name: 'Add check' }).click();
  await expect(form.locator('.field-error')).toContainText('Not a valid regular expression');
  expect(app.controller.settings().sources).toHaveLength(1);
});
