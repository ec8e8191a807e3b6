/**
 * Noise control in both windows against the real engine and controller: choosing components after adding,
 * snoozing one provider from its status row, "Tell me when it's fixed", and quiet hours.
 */
import type { Page } from '@playwright/test';
import { CURSOR, CURSOR_INCIDENT, DOCS } from './support/documents';
import { expect, test, type AppHarness } from './support/harness';

test.use({ appOptions: { sources: [CURSOR] } });

const HOUR = 3_600_000;
const provider = (page: Page) => page.locator('li.provider[data-source-id="cursor"]');

async function checked(app: AppHarness): Promise<void> {
  await expect.poll(() => app.controller.snapshot().engine.sources.every((s) => s.lastCheckedAt !== undefined && !s.polling)).toBe(true);
}

test('choosing components after adding narrows health and incidents, without announcing anything', async ({ page, context, app }) => {
  await app.openStatus(page);
  await checked(app);
  await expect(provider(page)).toHaveAttribute('data-health', 'degraded');
  // The first poll's baseline summary ("1 open incident at Cursor") is not what this test is about.
  const baselineToasts = app.toasts.length;
  const settings = await context.newPage();
  await app.openSettings(settings);

  await settings.locator('li.source-row[data-source-id="cursor"] .source-toggle').click();
  const chooser = settings.locator('li.source-row[data-source-id="cursor"] form.components');
  await chooser.locator('summary').click();
  await expect(chooser.locator('summary')).toHaveText('Components that count: all 8');
  for (const name of ['Grok Bot', 'Automations', 'Review Agents', 'CLI', 'Cloud Agents', 'cursor.com', 'Origin']) {
    await chooser.getByRole('checkbox', { name, exact: true }).uncheck();
  }
  await expect(chooser.locator('summary')).toHaveText('Components that count: 1 of 8');
  await chooser.getByRole('button', { name: 'Save components' }).click();
  await expect.poll(() => app.source('cursor').filter).toEqual({ components: ['IDE'] });

  // The page is read again at once; its only incident concerns Grok Bot, so Cursor is operational now.
  await expect(provider(page)).toHaveAttribute('data-health', 'operational');
  // No incident on its row (a collapsed row shows an open incident's title).
  await expect(provider(page).locator('.incident-title')).toHaveCount(0);

  // Choosing Grok Bot again brings the incident back into view, but it is not news: no notification.
  await chooser.getByRole('checkbox', { name: 'Grok Bot', exact: true }).check();
  await chooser.getByRole('button', { name: 'Save components' }).click();
  await expect.poll(() => app.source('cursor').filter).toEqual({ components: ['IDE', 'Grok Bot'] });
  await expect(provider(page)).toHaveAttribute('data-health', 'degraded');
  await expect(provider(page).locator('.incident-title')).toHaveText([CURSOR_INCIDENT]);
  expect(app.toasts.slice(baselineToasts)).toEqual([]);

  // All components again: the whole page, no filter kept.
  await chooser.getByRole('button', { name: 'All' }).click();
  await chooser.getByRole('button', { name: 'Save components' }).click();
  await expect.poll(() => app.source('cursor').filter).toBeUndefined();
});

test('snooze one provider from its row: shown with when it ends, until resolved, and ended', async ({ page, app }) => {
  await app.openStatus(page);
  await checked(app);
  // Snooze lives in the expanded row.
  await provider(page).locator('.row-toggle').click();
  const snooze = provider(page).getByRole('combobox', { name: 'Snooze Cursor' });
  const started = app.clock.now();
  await snooze.selectOption({ label: 'For 8 h' });
  await expect(provider(page).locator('.snooze-state')).toHaveText(/^Snoozed until /);
  const until = (app.source('cursor').snooze as { until: number }).until;
  expect(until - started).toBeGreaterThanOrEqual(8 * HOUR - 60_000);
  expect(until - started).toBeLessThanOrEqual(8 * HOUR + 60_000);

  await snooze.selectOption({ label: 'Until resolved' });
  await expect(provider(page).locator('.snooze-state')).toHaveText('Snoozed until its incident resolves');
  expect(app.source('cursor').snooze).toEqual({ untilResolved: [app.controller.snapshot().engine.sources[0]!.status!.activeIncidents[0]!.id] });

  // Collapsed, the row still says it is snoozed.
  await provider(page).locator('.row-toggle').click();
  await expect(provider(page).locator('.row-snoozed')).toHaveText('Snoozed until its incident resolves');
  await provider(page).locator('.row-toggle').click();
  await provider(page).getByRole('button', { name: 'End snooze' }).click();
  await expect(provider(page).locator('.snooze-state')).toHaveCount(0);
  expect(app.source('cursor').snooze).toBeUndefined();
});

test('"Tell me when it\'s fixed" notifies once when the incident resolves, though the provider is muted', async ({ page, app }) => {
  await app.openStatus(page);
  await checked(app);
  await app.controller.updateSource('cursor', { notify: 'none' });
  const baselineToasts = app.toasts.length;
  await provider(page).locator('.row-toggle').click();
  const button = provider(page).getByRole('button', { name: 'Tell me when it’s fixed' });
  await button.click();
  await expect(provider(page).getByRole('button', { name: 'I’ll tell you when it’s fixed' })).toHaveAttribute('aria-pressed', 'true');
  expect(app.source('cursor').fixWatches).toHaveLength(1);

  // The summary no longer lists the incident: on an active-only document that means it ended.
  app.feeds.swap(CURSOR.path, { file: DOCS.github, etag: '"cursor-2"' });
  await app.engine.checkNow('cursor');
  await expect.poll(() => app.toasts.slice(baselineToasts).map((t) => t.body)).toEqual([expect.stringMatching(/^Resolved: Investigating service degradation — Grok Bot/)]);
  expect(app.source('cursor').fixWatches).toBeUndefined();
});

test('quiet hours are saved from settings', async ({ page, app }) => {
  await app.openSettings(page);
  await page.getByRole('tab', { name: 'Notifications' }).click();
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Quiet hours' }) });
  await card.getByRole('checkbox', { name: 'Hold notifications every day from' }).check();
  await card.getByLabel('Quiet hours start').fill('21:30');
  await card.getByRole('checkbox', { name: 'Sun' }).uncheck();
  await card.getByRole('button', { name: 'Save quiet hours' }).click();
  await expect
    .poll(() => app.controller.settings().quietHours)
    .toEqual({ enabled: true, start: '21:30', end: '07:00', days: [1, 2, 3, 4, 5, 6], criticalAlwaysNotifies: true });
});
