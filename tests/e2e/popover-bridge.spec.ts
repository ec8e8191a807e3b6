/**
 * The popover's side of the IPC contract, end to end through the real guard (`dispatchInvoke`) and
 * controller: the page loaded as `index.html?view=popover` knows it is the popover, its pin / close /
 * full-window requests reach the app's window port with payloads validated, and a tray menu item's "show
 * this provider" (`controller.focusProvider`) reaches its `onFocusProvider` listeners. The popover's own UI
 * (rows, keyboard) is tested by the status window specs.
 */
import { CURSOR, GITHUB } from './support/documents';
import { expect, test } from './support/harness';

test.use({ viewport: { width: 380, height: 600 }, appOptions: { sources: [CURSOR, GITHUB] } });

type PageApi = {
  statusTray: {
    setPopoverPinned(p: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
    closePopover(): Promise<{ ok: boolean }>;
    openFullWindow(): Promise<{ ok: boolean }>;
    onFocusProvider(cb: (id: string) => void): () => void;
  };
  __focused?: string[];
  __unsubscribe?: () => void;
};

test('pin, close and open-full reach the app; focus requests reach the page until it unsubscribes', async ({ page, app }) => {
  await app.openPopover(page);
  expect(await page.evaluate(() => new URLSearchParams(location.search).get('view'))).toBe('popover');

  const results = await page.evaluate(async () => {
    const api = (window as unknown as PageApi).statusTray;
    return [await api.setPopoverPinned(true), await api.setPopoverPinned('yes'), await api.closePopover(), await api.openFullWindow()];
  });
  expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
  expect(results[1]).toMatchObject({ error: { code: 'invalid-payload' } });
  expect(app.popoverCalls).toEqual([
    { method: 'setPopoverPinned', args: [true] },
    { method: 'closePopover', args: [] },
    { method: 'openFullWindow', args: [] },
  ]);

  await page.evaluate(() => {
    const w = window as unknown as PageApi;
    w.__focused = [];
    w.__unsubscribe = w.statusTray.onFocusProvider((id) => w.__focused!.push(id));
  });
  app.controller.focusProvider('github');
  await expect.poll(() => page.evaluate(() => (window as unknown as PageApi).__focused)).toEqual(['github']);
  await app.focusProvider(page, 'cursor');
  expect(await page.evaluate(() => (window as unknown as PageApi).__focused)).toEqual(['github', 'cursor']);
  await page.evaluate(() => (window as unknown as PageApi).__unsubscribe!());
  app.controller.focusProvider('cursor');
  // A second, still-subscribed probe proves the push was delivered, so the first list staying put means something.
  await page.evaluate(() => {
    const w = window as unknown as PageApi & { __probe?: string[] };
    w.__probe = [];
    w.statusTray.onFocusProvider((id) => w.__probe!.push(id));
  });
  app.controller.focusProvider('cursor');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __probe?: string[] }).__probe)).toEqual(['cursor']);
  expect(await page.evaluate(() => (window as unknown as PageApi).__focused)).toEqual(['github', 'cursor']);
});
