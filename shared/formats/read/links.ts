/** Link hygiene: only absolute http(s) URLs leave an adapter (a `javascript:` or `data:` link is dropped). */
import { MAX_URL_LENGTH, parseHttpUrl } from '../../domain/url';

/**
 * Resolve `raw` against `base` and return it only if it is http(s). Repeated slashes in the path are collapsed
 * (incident.io writes `https://status.openai.com//incidents/…`). Returns `undefined` for anything else.
 */
export function safeHttpUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!s || s.length > MAX_URL_LENGTH) return undefined;
  const url = parseHttpUrl(s, base || undefined);
  if (!url) return undefined;
  // Credentials in a feed link are either a leak or a trick to disguise the host; drop the link.
  if (url.username || url.password) return undefined;
  if (url.pathname.includes('//')) url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url.href;
}

/** `scheme://host` of an http(s) URL, or `undefined`. */
export function originOf(raw: string | undefined): string | undefined {
  const safe = safeHttpUrl(raw);
  return safe ? new URL(safe).origin : undefined;
}
