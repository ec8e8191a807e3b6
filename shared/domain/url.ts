/**
 * What counts as a watchable address, in one place: an absolute `http:` or `https:` URL of at most
 * `MAX_URL_LENGTH` characters. The IPC schemas, the settings window, feed link hygiene, the CLI and
 * "open in browser" all ask these functions. Pure (WHATWG `URL` only); safe for the renderer.
 */

/** Longest URL accepted anywhere (settings, IPC payloads, feed links, OPML), characters. */
export const MAX_URL_LENGTH = 2048;

/**
 * Parse `text` (resolved against `base` when given) and keep it only when its scheme is http or https.
 * No length check: callers that store the URL check `MAX_URL_LENGTH` first.
 * @returns the parsed URL, or `undefined` for junk, relative input without a base, or any other scheme
 *   (`javascript:`, `file:`, `data:` …).
 */
export function parseHttpUrl(text: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** True for an absolute `http:` or `https:` URL; false for anything else (javascript:, file:, relative, junk). */
export function isHttpUrl(text: string): boolean {
  return parseHttpUrl(text) !== undefined;
}

/** Why a typed address cannot be watched. `scheme` (without the colon) is set for `not-http`. */
export type HttpUrlProblem =
  | { problem: 'empty' }
  | { problem: 'too-long' }
  | { problem: 'not-a-url' }
  | { problem: 'not-http'; scheme: string };

/**
 * Check an address someone typed or sent: trimmed, non-empty, at most `MAX_URL_LENGTH` characters,
 * an absolute http(s) URL. Callers turn the problem into their own words.
 * @returns `{ ok: true, url }` with the trimmed text, or `{ ok: false, ... }` naming the first problem.
 */
export function checkHttpUrl(text: string): ({ ok: true; url: string }) | ({ ok: false } & HttpUrlProblem) {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'empty' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, problem: 'too-long' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, problem: 'not-http', scheme: parsed.protocol.replace(/:$/, '') };
  }
  return { ok: true, url: trimmed };
}
