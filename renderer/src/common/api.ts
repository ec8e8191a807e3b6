/**
 * Access to the preload API (`window.statusTray`, typed by shared/ipc/contract.ts) — the renderer's only
 * way to reach the main process. Components get it from `ApiContext` so tests and the dev fake can swap it.
 */
import { createContext, useContext } from 'react';
import type { StatusTrayApi } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the preload script (contextBridge); absent when a page is opened outside the app. */
    statusTray?: StatusTrayApi;
  }
}

/**
 * The API the page should use: the preload's, else (dev server only) an in-memory fake so the UI can be
 * worked on in a plain browser. Production builds never contain the fake.
 * @throws Error when neither exists (a built page opened outside Status Tray).
 */
export async function resolveApi(): Promise<StatusTrayApi> {
  if (window.statusTray) return window.statusTray;
  if (import.meta.env.DEV) {
    const { createFakeApi } = await import('./fake-api');
    return createFakeApi();
  }
  throw new Error('Status Tray API not available: this page must be opened by the Status Tray app.');
}

/** Context carrying the API to every component; `null` only before the root provides it. */
export const ApiContext = createContext<StatusTrayApi | null>(null);

/** The API from context. @throws Error when used outside `<ApiContext value={…}>`. */
export function useApi(): StatusTrayApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() used outside ApiContext');
  return api;
}
