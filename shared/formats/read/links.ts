/** Link hygiene: only absolute http(s) URLs leave an adapter (a `javascript:` or `data:` link is dropped). */
import { MAX_URL_LENGTH, parseHttpUrl } from '../../domain/url';

/**
 * An absolute http(s) URL that WHATWG URL parsing leaves exactly as written, which is how feeds write their
 * links: lower-case scheme and host of plain ASCII labels (the last one starting with a letter, so never an
 * IPv4 address), no port, no credentials, and a path, query and fragment of characters no parser step
 * rewrites. Dot segments (`.`, `..`, `%2e`) and punycode labels (`xn--`) are left to the parser.
 */
const PLAIN_HTTP_URL =
  /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(\/[\w\-.~!$&()*+,;=:@/%]*)(?:\?[\w\-.~!$&()*+,;=:@/?%]*)?(?:#[\w\-.~!$&()*+,;=:@/?%]*)?$/;
/** What keeps a plain-looking URL on the parser's path: a dot segment, `%2e`, or a punycode label. */
const PARSER_ONLY = /\/\.\.?(?:[/?#]|$)|%2e|xn--/i;

/** The last base seen and whether it parses (every link of a document shares its base). */
let lastBase: string | undefined;
let lastBaseParses = true;

/** Whether `new URL(x, base)` can succeed at all: an unparseable base makes it throw even for an absolute `x`. */
function baseParses(base: string | undefined): boolean {
  if (base === undefined) return true;
  if (base !== lastBase) {
    lastBase = base;
    try {
      new URL(base);
      lastBaseParses = true;
    } catch {
      lastBaseParses = false;
    }
  }
  return lastBaseParses;
}

/**
 * Resolve `raw` against `base` and return it only if it is http(s). Repeated slashes in the path are collapsed
 * (incident.io writes `https://status.openai.com//incidents/…`). Returns `undefined` for anything else.
 */
export function safeHttpUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!s || s.length > MAX_URL_LENGTH) return undefined;
  // Most feed links are already in their parsed form: answered without building a URL object (about a
  // microsecond each). tests/unit/formats/read/fast-paths.test.ts holds this to the parser's answers.
  const plain = PLAIN_HTTP_URL.exec(s);
  if (plain && !PARSER_ONLY.test(s) && baseParses(base || undefined)) {
    const path = plain[1]!;
    if (!path.includes('//')) return s;
    const start = s.indexOf('/', s.indexOf('//') + 2); // the host holds no slash: the path starts at the next one
    return s.slice(0, start) + path.replace(/\/{2,}/g, '/') + s.slice(start + path.length);
  }
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
