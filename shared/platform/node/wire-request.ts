/**
 * The request side of the Node FetchPort's fast path (node-fetch.ts): decide whether a fetch call is the
 * plain GET that `fetchSource` makes, and if so, build the header list undici's `fetch` would have put on
 * the wire for it — same names, same order, same defaults (Fetch spec "fetching" and "HTTP-network-or-cache
 * fetch" steps as undici 7 implements them) — so servers see byte-identical requests either way.
 */

/** What the fast path sends: a parsed URL and the header list as flat name/value pairs. */
export interface WireRequest {
  /** `scheme://host[:port]` to dispatch to. */
  origin: string;
  /** Path and query as sent on the request line (a bare trailing `?` kept, as fetch keeps it). */
  path: string;
  /** The request URL without its fragment (the response's `url`). */
  href: string;
  method: 'GET' | 'HEAD';
  /** Flat `[name, value, name, value, …]`, names as given by the caller, defaults lower-cased. */
  headers: string[];
}

/** Ports the Fetch spec blocks ("bad port", Fetch §2.9); undici's fetch refuses them, so the fast path does not try. */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Header names the defaults below depend on, as bits, so one pass over the caller's headers finds them. */
const ACCEPT = 1;
const ACCEPT_LANGUAGE = 2;
const USER_AGENT = 4;
const CACHE_CONTROL = 8;
const PRAGMA = 16;
const RANGE = 32;
const ACCEPT_ENCODING = 64;
/** Conditional request headers: with cache mode "default" they turn the request into a no-store fetch. */
const CONDITIONAL = 128;
/** Headers undici's dispatcher manages itself or refuses; a caller setting one goes through undici's fetch. */
const MANAGED = 256;
const NAME_BITS: ReadonlyMap<string, number> = new Map([
  ['accept', ACCEPT], ['accept-language', ACCEPT_LANGUAGE], ['user-agent', USER_AGENT], ['cache-control', CACHE_CONTROL],
  ['pragma', PRAGMA], ['range', RANGE], ['accept-encoding', ACCEPT_ENCODING],
  ...['if-modified-since', 'if-none-match', 'if-unmodified-since', 'if-match', 'if-range'].map((n) => [n, CONDITIONAL] as const),
  ...['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length', 'te', 'trailer'].map((n) => [n, MANAGED] as const),
]);

/** Lower-cased header names by the spelling callers use; the same few names come with every poll. */
const lowerNames = new Map<string, string>();
const LOWER_NAMES_MAX = 256;

/** The lower-cased form of a valid header name. @throws TypeError for a name that is not an HTTP token. */
function lowerName(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    if (!TOKEN.test(name)) throw new TypeError(`Invalid header name: "${name}"`);
    lower = name.toLowerCase();
    if (lowerNames.size >= LOWER_NAMES_MAX) lowerNames.clear();
    lowerNames.set(name, lower);
  }
  return lower;
}

/** Fetch cache modes (Node's RequestInit typings leave `cache` out). */
type CacheMode = 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const LEADING_OR_TRAILING_WS = /^[\t\n\r ]|[\t\n\r ]$/;
const EDGE_WS = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const FORBIDDEN_IN_VALUE = /[\0\r\n]/;

/** undici's fetch default `User-Agent` when the caller sends none. */
const DEFAULT_USER_AGENT = 'undici';

/**
 * The wire request for `fetch(input, init)`, or `undefined` when the call needs something the fast path does
 * not do (another method, a body, redirects followed, credentials in the URL, a managed header, …): the
 * caller then hands it to undici's full `fetch`, which gives the exact spec behaviour, errors included.
 * @throws TypeError for an invalid header name or value, as `new Headers()` would.
 */
export function wireRequest(input: string, init: RequestInit | undefined): WireRequest | undefined {
  if (typeof input !== 'string' || !init || init.redirect !== 'manual') return undefined;
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  if (init.body != null || (init.mode !== undefined && init.mode !== 'cors') || init.integrity || init.window != null) return undefined;
  const cache = (init as { cache?: CacheMode }).cache ?? 'default';
  if (cache === 'only-if-cached' || cache === 'force-cache') return undefined;

  const target = wireTarget(input);
  if (!target) return undefined;

  const headers: string[] = [];
  const seen = headerPairs(init.headers, headers);
  if (seen === undefined || seen & MANAGED) return undefined;

  // The order below is the order in which undici's fetch appends its defaults.
  if (!(seen & ACCEPT)) headers.push('accept', '*/*');
  if (!(seen & ACCEPT_LANGUAGE)) headers.push('accept-language', '*');
  headers.push('sec-fetch-mode', 'cors');
  if (!(seen & USER_AGENT)) headers.push('user-agent', DEFAULT_USER_AGENT);
  let mode: CacheMode = cache;
  if (mode === 'default' && seen & CONDITIONAL) mode = 'no-store';
  if (mode === 'no-cache' && !(seen & CACHE_CONTROL)) headers.push('cache-control', 'max-age=0');
  if (mode === 'no-store' || mode === 'reload') {
    if (!(seen & PRAGMA)) headers.push('pragma', 'no-cache');
    if (!(seen & CACHE_CONTROL)) headers.push('cache-control', 'no-cache');
  }
  if (seen & RANGE) headers.push('accept-encoding', 'identity');
  if (!(seen & ACCEPT_ENCODING)) headers.push('accept-encoding', target.https ? 'br, gzip, deflate' : 'gzip, deflate');
  return { origin: target.origin, path: target.path, href: target.href, method, headers };
}

/** Where a URL string sends a request, as the fast path needs it. */
interface WireTarget {
  origin: string;
  path: string;
  href: string;
  https: boolean;
}

/** Targets of URL strings already parsed: the engine requests the same few hundred URLs every cycle. */
const targets = new Map<string, WireTarget | null>();
const TARGETS_MAX = 4096;

/** The target of `input`, or null when the fast path does not handle it (see wireRequest). */
function wireTarget(input: string): WireTarget | null {
  let target = targets.get(input);
  if (target !== undefined) return target;
  target = parseTarget(input);
  if (targets.size >= TARGETS_MAX) targets.clear();
  targets.set(input, target);
  return target;
}

function parseTarget(input: string): WireTarget | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (url.port && BAD_PORTS.has(Number(url.port))) return null;
  const bareQuestionMark = url.search === '' && url.href[url.href.length - url.hash.length - 1] === '?';
  const path = url.pathname + url.search + (bareQuestionMark ? '?' : '');
  if (url.hash) url.hash = '';
  return { origin: url.origin, path, href: url.href, https: url.protocol === 'https:' };
}

/**
 * Append the caller's headers to `out` as flat pairs, values normalised as the Fetch spec does (leading and
 * trailing HTTP whitespace removed).
 * @returns the NAME_BITS of the names present, or `undefined` when a name is given twice (Headers would
 *   combine them into one line; that is left to undici's fetch).
 * @throws TypeError for an invalid name or value, as `new Headers()` would.
 */
function headerPairs(init: RequestInit['headers'], out: string[]): number | undefined {
  if (init === undefined) return 0;
  if (init instanceof Headers) {
    const pairs: Array<[string, string]> = [];
    init.forEach((value, name) => pairs.push([name, value]));
    return headerPairs(pairs, out);
  }
  const lowers: string[] = [];
  let bits = 0;
  const add = (name: string, value: string): boolean => {
    const lower = lowerName(name);
    if (lowers.includes(lower)) return false;
    lowers.push(lower);
    bits |= NAME_BITS.get(lower) ?? 0;
    const v = LEADING_OR_TRAILING_WS.test(value) ? value.replace(EDGE_WS, '') : value;
    if (FORBIDDEN_IN_VALUE.test(v)) throw new TypeError(`Invalid value for header "${name}"`);
    out.push(name, v);
    return true;
  };
  if (Array.isArray(init)) {
    for (const [name, value] of init) if (!add(String(name), String(value))) return undefined;
  } else {
    const record = init as Record<string, string>;
    for (const name of Object.keys(record)) if (!add(name, String(record[name]))) return undefined;
  }
  return bits;
}
