/**
 * The request side of the Node FetchPort's fast path (node-fetch.ts): decide whether a fetch call is the
 * plain GET that `fetchSource` makes, and if so, build the header list undici's `fetch` would have put on
 * the wire for it — same names, same order, same defaults (Fetch spec "fetching" and "HTTP-network-or-cache
 * fetch" steps as undici 7 implements them) — so servers see byte-identical requests either way.
 */

/** What the fast path sends: a parsed URL and the header list as flat name/value pairs. */
export interface WireRequest {
  url: URL;
  /** Path and query as sent on the request line (a bare trailing `?` kept, as fetch keeps it). */
  path: string;
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

/** Headers undici's dispatcher manages itself or refuses; a caller setting one goes through undici's fetch. */
const MANAGED_HEADERS = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length', 'te', 'trailer'];
/** Conditional request headers: with cache mode "default" they turn the request into a no-store fetch. */
const CONDITIONAL_HEADERS = ['if-modified-since', 'if-none-match', 'if-unmodified-since', 'if-match', 'if-range'];

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

  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  if (url.port && BAD_PORTS.has(Number(url.port))) return undefined;

  const pairs = headerPairs(init.headers);
  if (!pairs) return undefined;
  const { headers, names } = pairs;
  for (const name of MANAGED_HEADERS) if (names.has(name)) return undefined;

  // The order below is the order in which undici's fetch appends its defaults.
  if (!names.has('accept')) headers.push('accept', '*/*');
  if (!names.has('accept-language')) headers.push('accept-language', '*');
  headers.push('sec-fetch-mode', 'cors');
  if (!names.has('user-agent')) headers.push('user-agent', DEFAULT_USER_AGENT);
  let mode: CacheMode = cache;
  if (mode === 'default' && CONDITIONAL_HEADERS.some((h) => names.has(h))) mode = 'no-store';
  if (mode === 'no-cache' && !names.has('cache-control')) headers.push('cache-control', 'max-age=0');
  if (mode === 'no-store' || mode === 'reload') {
    if (!names.has('pragma')) headers.push('pragma', 'no-cache');
    if (!names.has('cache-control')) headers.push('cache-control', 'no-cache');
  }
  if (names.has('range')) headers.push('accept-encoding', 'identity');
  if (!names.has('accept-encoding')) headers.push('accept-encoding', url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate');
  const bareQuestionMark = url.search === '' && url.href[url.href.length - url.hash.length - 1] === '?';
  return { url, path: url.pathname + url.search + (bareQuestionMark ? '?' : ''), method, headers };
}

/**
 * `HeadersInit` → flat pairs with values normalised as the Fetch spec does (leading/trailing HTTP whitespace
 * removed), plus the set of lower-cased names. Returns `undefined` for shapes the fast path leaves to undici
 * (a name given twice, which Headers would combine into one line).
 */
function headerPairs(init: RequestInit['headers']): { headers: string[]; names: Set<string> } | undefined {
  const headers: string[] = [];
  const names = new Set<string>();
  let repeated = false;
  const add = (name: string, value: string): void => {
    if (!TOKEN.test(name)) throw new TypeError(`Invalid header name: "${name}"`);
    const v = LEADING_OR_TRAILING_WS.test(value) ? value.replace(EDGE_WS, '') : value;
    if (FORBIDDEN_IN_VALUE.test(v)) throw new TypeError(`Invalid value for header "${name}"`);
    const lower = name.toLowerCase();
    if (names.has(lower)) repeated = true;
    names.add(lower);
    headers.push(name, v);
  };
  if (init === undefined) return { headers, names };
  if (init instanceof Headers) init.forEach((value, name) => add(name, value));
  else if (Array.isArray(init)) for (const [name, value] of init) add(String(name), String(value));
  else for (const name of Object.keys(init)) add(name, String((init as Record<string, string>)[name]));
  return repeated ? undefined : { headers, names };
}
