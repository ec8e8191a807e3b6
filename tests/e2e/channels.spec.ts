/**
 * Alert channels from the settings window against the real controller, channel manager and dispatcher: a
 * webhook channel added in the UI delivers "Send test" to a local receiver on 127.0.0.1, signed with the
 * secret typed once (which main keeps and never sends back), and a broken channel's test says what to do.
 */
import { createHmac } from 'node:crypto';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { GITHUB } from './support/documents';
import { expect, test } from './support/harness';

test.use({ appOptions: { sources: [GITHUB] } });

let receiver: WebhookReceiver;
test.beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
test.afterEach(() => receiver.close());

test('add a webhook channel, Send test reaches the local receiver and the log shows it delivered', async ({ page, app }) => {
  await app.openSettings(page);
  await page.getByRole('tab', { name: 'Channels' }).click();
  const card = page.locator('section.channels');
  await expect(card.locator('.channels-empty')).toBeVisible();
  await card.getByRole('button', { name: 'New channel…' }).click();
  const form = card.getByRole('form', { name: 'New alert channel' });
  await form.getByLabel('Kind').selectOption('webhook');
  await form.getByLabel('Name').fill('Ops hook');
  await form.getByLabel('Receiver URL').fill(receiver.url('/hook'));
  await form.getByLabel('Signing secret (optional)').fill('e2e-signing-key');
  await form.getByRole('button', { name: 'Add channel' }).click();

  const row = card.locator('li.channel-row', { hasText: 'Ops hook' });
  await expect(row).toBeVisible();
  await expect(row.locator('.channel-filter-summary')).toHaveText('Everything · every provider');
  const [channel] = app.channels.channels();
  expect(channel).toMatchObject({ kind: 'webhook', name: 'Ops hook', url: receiver.url('/hook') });
  const id = channel!.id;
  // Main holds the secret; the window only learns that it is set.
  expect(app.channels.peekSecrets(id)).toEqual({ signingSecret: 'e2e-signing-key' });
  await row.getByRole('button', { name: 'Edit Ops hook' }).click();
  await expect(card.getByText('Saved in the system keychain')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('e2e-signing-key');
  expect(await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).not.toContain('e2e-signing-key');
  await card.getByRole('button', { name: 'Cancel' }).click();

  await row.getByRole('button', { name: 'Send test to Ops hook' }).click();
  await expect(row.getByRole('status')).toHaveText('Test delivered to Ops hook. Check that it arrived.');
  const got = receiver.received('/hook');
  expect(got).toHaveLength(1);
  expect(JSON.parse(got[0]!.body)).toMatchObject({ type: 'test' });
  expect(got[0]!.headers['x-status-tray-signature']).toBe(`sha256=${createHmac('sha256', 'e2e-signing-key').update(got[0]!.body).digest('hex')}`);
  await expect(row.locator('.delivery-log tbody tr')).toHaveCount(1);
  await expect(row.locator('.delivery-log tbody tr').first()).toContainText('Test');
  await expect(row.locator('.delivery-log tbody tr').first()).toContainText('Delivered');
});

test('a chat channel whose webhook is gone: Send test says what went wrong and what to do', async ({ page, app }) => {
  receiver.reply('/gone', { status: 404 });
  await app.openSettings(page);
  await page.getByRole('tab', { name: 'Channels' }).click();
  const card = page.locator('section.channels');
  await card.getByRole('button', { name: 'New channel…' }).click();
  const form = card.getByRole('form', { name: 'New alert channel' });
  await form.getByLabel('Kind').selectOption('discord');
  await form.getByLabel('Name').fill('Team Discord');
  // Saving without the webhook URL is refused in the window, before anything reaches main.
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(form.locator('.field-error')).toHaveText('Paste the Discord webhook URL.');
  await form.getByLabel('Webhook URL').fill(receiver.url('/gone'));
  await form.getByLabel('Least impact').selectOption('major');
  await form.getByLabel('GitHub').check();
  await form.getByRole('button', { name: 'Add channel' }).click();

  const row = card.locator('li.channel-row', { hasText: 'Team Discord' });
  await expect(row.locator('.channel-filter-summary')).toHaveText('Major and critical · GitHub');
  await row.getByRole('button', { name: 'Send test to Team Discord' }).click();
  await expect(row.getByRole('alert')).toContainText('Test failed: The webhook answered HTTP 404.');
  await expect(row.getByRole('alert')).toContainText('No webhook exists at that address any more');
  await expect(row.locator('.delivery-log tbody tr').first()).toContainText('Failed — The webhook answered HTTP 404.');
  // The secret URL never appears in the window.
  await expect(page.locator('body')).not.toContainText('/gone');
});
