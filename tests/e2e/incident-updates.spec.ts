/**
 * "Show all N updates" of a long open incident, on a real status.db: AWS's RSS lists 17 updates of an open
 * incident in me-central-1. The engine keeps only an incident's newest three and says how many there were
 * (`Incident.updateCount`); the window reads the rest from status.db when the button is pressed
 * (`getIncidentUpdates`) and lists all 17 in the order status.db holds them (docs/popover.md, "Incident
 * timeline").
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fail, type StatusTrayApi } from '../../shared/ipc/contract';
import { AWS } from './support/documents';
import { expect, test, type AppHarness } from './support/harness';

test.use({ appOptions: { sources: [AWS], database: {} } });

const INCIDENT_ID = 'https://status.aws.amazon.com/#multipleservices-me-central-1_1772396043';
const TITLE = 'Increased Error Rates';

/** Open the status window with AWS read and its row expanded; returns the incident's item. */
async function openIncident(page: Page, app: AppHarness) {
  await expect.poll(() => app.controller.snapshot().engine.sources.find((s) => s.id === 'aws')?.lastSuccessAt).toBeDefined();
  await app.openStatus(page);
  const row = page.locator('li.provider[data-source-id="aws"]');
  await row.locator('.row-toggle').click();
  return row.locator(`li.incident[data-incident-id="${INCIDENT_ID}"]`);
}

/** The incident as the snapshot carries it: the newest three of its 17 updates. */
function keptIncident(app: AppHarness) {
  const aws = app.controller.snapshot().engine.sources.find((s) => s.id === 'aws');
  const incident = aws?.status?.activeIncidents.find((i) => i.id === INCIDENT_ID);
  expect(incident?.updates).toHaveLength(3);
  expect(incident?.updateCount).toBe(17);
  return incident!;
}

/** axe-core finds nothing on the page in light and in dark mode. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `axe ${what}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Count the page's `getIncidentUpdates` calls (the bridge looks the method up on the controller per call). */
function countCalls(app: AppHarness, wrap?: (real: () => ReturnType<StatusTrayApi['getIncidentUpdates']>, call: number) => ReturnType<StatusTrayApi['getIncidentUpdates']>) {
  const real = app.controller.getIncidentUpdates.bind(app.controller);
  const calls: [string, string][] = [];
  app.controller.getIncidentUpdates = (sourceId, incidentId) => {
    calls.push([sourceId, incidentId]);
    return wrap ? wrap(() => real(sourceId, incidentId), calls.length) : real(sourceId, incidentId);
  };
  return calls;
}

test('"Show all 17 updates" lists every update status.db recorded, newest first, and folds back by keyboard', async ({ page, app }) => {
  const incident = await openIncident(page, app);
  const kept = keptIncident(app);
  const recorded = await app.controller.getIncidentUpdates('aws', INCIDENT_ID);
  expect(recorded.ok).toBe(true);
  const texts = recorded.ok ? recorded.value.map((u) => u.text) : [];
  expect(texts).toHaveLength(17);
  const calls = countCalls(app);
  const entries = incident.locator('.timeline-entry');
  await expect(entries).toHaveCount(3);

  const showAll = incident.getByRole('button', { name: `Show all 17 updates of ${TITLE}` });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(17);

  // The list is status.db's, in its order: every text, the newest first.
  await expect(incident.locator('.timeline-text')).toHaveText(texts.filter(Boolean));
  await expectAccessible(page, 'with all 17 updates listed');
  await expect(entries.first().locator('.timeline-text')).toHaveText(kept.updates[0]!.text);
  // Main was asked once, for this incident.
  expect(calls).toEqual([['aws', INCIDENT_ID]]);

  const fold = incident.getByRole('button', { name: `Show the newest 3 of ${TITLE}` });
  await expect(fold).toBeFocused();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(3);
  await expect(showAll).toBeFocused();
  // Shown again from the list already read: main is not asked a second time.
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(17);
  expect(calls).toHaveLength(1);
});

test('a failed read keeps the newest three, says what went wrong, and "Try again" shows "Loading updates…" then all 17', async ({ page, app }) => {
  const incident = await openIncident(page, app);
  keptIncident(app);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The first read fails; the second waits for the test, so the busy state can be seen without timing.
  const calls = countCalls(app, async (real, call) => {
    if (call === 1) return fail('internal', 'The status database is busy.');
    await held;
    return real();
  });
  const entries = incident.locator('.timeline-entry');
  await incident.getByRole('button', { name: `Show all 17 updates of ${TITLE}` }).click();

  const alert = incident.getByRole('alert');
  await expect(alert).toContainText('Could not load all 17 updates. The status database is busy.');
  await expect(alert).toContainText('Try again');
  await expect(entries).toHaveCount(3);
  await expectAccessible(page, 'with the error shown');

  await alert.getByRole('button', { name: `Try again to load every update of ${TITLE}` }).click();
  const showAll = incident.getByRole('button', { name: `Show all 17 updates of ${TITLE}` });
  await expect(incident.getByRole('status')).toHaveText('Loading updates…');
  await expect(incident.locator('ol.timeline')).toHaveAttribute('aria-busy', 'true');
  await expect(showAll).toHaveAttribute('aria-disabled', 'true');
  await expect(showAll).toBeFocused();
  await expect(incident.getByRole('alert')).toHaveCount(0);
  await expect(entries).toHaveCount(3);

  release();
  await expect(entries).toHaveCount(17);
  await expect(incident.locator('ol.timeline')).not.toHaveAttribute('aria-busy', 'true');
  await expect(incident.getByRole('status')).toHaveText('');
  expect(calls).toEqual([
    ['aws', INCIDENT_ID],
    ['aws', INCIDENT_ID],
  ]);
});
