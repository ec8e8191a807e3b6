/**
 * Stands in for electron/preload.ts in a plain browser: every page of a Playwright context gets a
 * `window.statusTray` whose calls go through the real main-side guard (`dispatchInvoke`: sender check,
 * payload validation) to the real AppController in the test process, and whose `onSnapshot` and
 * `onFocusProvider` listeners receive the controller's pushes (`controller.focusProvider(id)` plays the tray
 * menu's provider items). Nothing is faked between the page and the controller but the transport.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { AppController } from '../../../shared/app/controller';
import { IPC_INVOKE, type AppSnapshot, fail } from '../../../shared/ipc/contract';
import { dispatchInvoke } from '../../../shared/ipc/dispatch';
import type { InvokeMethod } from '../../../shared/ipc/schemas';

const METHODS = new Set<string>(Object.keys(IPC_INVOKE));

/** A popover call a page made (pin, close, open the full window), as the harness's window port saw it. */
export interface PopoverCall {
  method: string;
  args: unknown[];
}

/** Runs in each page before its scripts: the page-side half of the bridge (same shape as the preload's API). */
function installPageApi(methods: string[]): void {
  const listeners = new Set<(snapshot: unknown) => void>();
  const focusListeners = new Set<(sourceId: string) => void>();
  // Looked up per call: Playwright defines the binding itself, and its order against init scripts is its business.
  const invoke = (method: string, args: unknown[]) =>
    (window as unknown as { __statusTrayInvoke: (m: string, a: unknown[]) => Promise<unknown> }).__statusTrayInvoke(method, args);
  const api: Record<string, unknown> = {
    onSnapshot(listener: (snapshot: unknown) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onFocusProvider(listener: (sourceId: string) => void) {
      focusListeners.add(listener);
      return () => void focusListeners.delete(listener);
    },
  };
  for (const method of methods) api[method] = (...args: unknown[]) => invoke(method, args);
  Object.defineProperty(window, 'statusTray', { value: Object.freeze(api), enumerable: true });
  Object.defineProperty(window, '__statusTrayPush', {
    value: (snapshot: unknown) => {
      for (const listener of listeners) listener(snapshot);
    },
  });
  Object.defineProperty(window, '__statusTrayFocusProvider', {
    value: (sourceId: string) => {
      for (const listener of focusListeners) listener(sourceId);
    },
  });
}

/**
 * Connect every page of `context` (now and later) to `controller`. `trustedOrigin` is the origin the pages
 * are served from; calls from any other origin are refused by the guard, as in the app.
 * @returns a function that stops pushing snapshots and focus requests.
 */
export async function bridgeContext(context: BrowserContext, controller: AppController, trustedOrigin: string): Promise<() => void> {
  await context.exposeBinding('__statusTrayInvoke', async (source, method: string, args: unknown[]) => {
    if (!METHODS.has(method)) return fail('invalid-payload', `Unknown method ${method}`);
    return dispatchInvoke(controller, method as InvokeMethod, source.frame.url(), Array.isArray(args) ? args : [], [trustedOrigin]);
  });
  await context.addInitScript(installPageApi, [...METHODS]);
  // One push in flight per page, and only the newest snapshot waits behind it: with dozens of sources a poll
  // round makes a hundred snapshots of half a megabyte each, and sending every one through the debugging
  // protocol would queue the test's own commands behind them for tens of seconds.
  const waiting = new Map<Page, AppSnapshot>();
  const sending = new Set<Page>();
  const send = (page: Page): void => {
    const snapshot = waiting.get(page);
    if (!snapshot || sending.has(page)) return;
    waiting.delete(page);
    sending.add(page);
    page
      .evaluate((s) => (window as unknown as { __statusTrayPush?: (s: unknown) => void }).__statusTrayPush?.(s), snapshot)
      // A page that is closing or navigating just misses this push; the next one carries the full picture.
      .catch(() => undefined)
      .finally(() => {
        sending.delete(page);
        send(page);
      });
  };
  const stopSnapshots = controller.onSnapshot((snapshot: AppSnapshot) => {
    for (const page of context.pages()) {
      // A page that has not loaded the app yet has no listener: sending it the snapshot would only slow this
      // process, which also runs the engine and the feed server.
      if (!page.url().startsWith(trustedOrigin)) continue;
      waiting.set(page, snapshot);
      send(page);
    }
  });
  const stopFocus = controller.onFocusProvider((sourceId) => {
    for (const page of context.pages()) {
      page.evaluate((id) => (window as unknown as { __statusTrayFocusProvider?: (id: string) => void }).__statusTrayFocusProvider?.(id), sourceId).catch(() => undefined);
    }
  });
  return () => {
    stopSnapshots();
    stopFocus();
  };
}
