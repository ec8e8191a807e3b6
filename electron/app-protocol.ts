/**
 * The app's pages are served from a custom `app://status-tray/` scheme rather than `file://` (Electron
 * security checklist: "Use a custom protocol instead of file://"), so they have a real origin that IPC and
 * CSP can check, and only files under `dist/renderer/` can be reached.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Scheme and host of the app's pages. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'status-tray';
/** Origin of the app's pages, as `validateSender` compares it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Map a request URL to a file under `rootDir`.
 * @returns the absolute path, or `undefined` for another scheme or host, or a path escaping `rootDir`
 *   (`..`, encoded `%2e%2e`, backslashes, NUL).
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | undefined {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const root = resolve(rootDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(root + sep) ? file : undefined;
}

/** Content-Type for a file name (by extension); `application/octet-stream` when unknown. */
export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Declare the scheme as standard and secure. Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true, supportFetchAPI: false } }]);
}

/** Serve `rootDir` on the scheme, every response with the strict CSP. Call after `app` is ready. */
export function serveAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
