/**
 * Content-Security-Policy of the app's pages. The renderer's HTML carries the same policy in a `<meta>`;
 * main also sends it as a header (both apply; the stricter wins). No inline script, no eval, no remote
 * anything: the UI talks to the world only through the preload API.
 */

/** Strict policy for the built renderer (`app://status-tray/`). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Looser policy for the Vite dev server only (`npm run dev`): its client injects inline styles and talks to
 * the server over a WebSocket.
 * @param devOrigin e.g. `http://localhost:5173`.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    // The React refresh preamble is an inline module script.
    `script-src 'self' 'unsafe-inline' ${devOrigin}`,
    `style-src 'self' 'unsafe-inline' ${devOrigin}`,
    `img-src 'self' data: ${devOrigin}`,
    `font-src 'self' ${devOrigin}`,
    `connect-src 'self' ${devOrigin} ${ws}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
