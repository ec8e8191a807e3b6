/**
 * `Cache-Control` response directives (RFC 9111 §5.2). Only `max-age` matters to us: the engine treats it as
 * a floor on the next poll (docs/http-and-faults.md, "When the server says wait").
 */

/** RFC 9111 §1.2.2: delta-seconds larger than this are read as this value. */
const MAX_DELTA_SECONDS = 2_147_483_648;

/**
 * Read `max-age` from a `Cache-Control` header value.
 * @param header e.g. `public, max-age=300, stale-while-revalidate=60` (several field lines joined by commas).
 * @returns seconds (0 … 2³¹), or `undefined` when there is no valid `max-age`. When `max-age` appears more
 *   than once the first one wins (RFC 9111 §4.2.1). `s-maxage` is for shared caches and is ignored.
 */
export function parseMaxAge(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  // A server sends the same Cache-Control on every response, so most polls find their answer here.
  if (maxAges.has(header)) return maxAges.get(header);
  const seconds = readMaxAge(header);
  if (maxAges.size >= MAX_AGES_MAX) maxAges.clear();
  maxAges.set(header, seconds);
  return seconds;
}

/** `parseMaxAge` answers by header value (a bounded map of short strings). */
const maxAges = new Map<string, number | undefined>();
const MAX_AGES_MAX = 256;

function readMaxAge(header: string): number | undefined {
  for (const directive of splitDirectives(header)) {
    const eq = directive.indexOf('=');
    const name = (eq < 0 ? directive : directive.slice(0, eq)).trim().toLowerCase();
    if (name !== 'max-age') continue;
    if (eq < 0) return undefined;
    let value = directive.slice(eq + 1).trim();
    // The quoted form is not allowed for max-age but is seen in the wild; RFC 9111 §5.2 asks to accept it.
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!/^\d+$/.test(value)) return undefined;
    return Math.min(Number(value), MAX_DELTA_SECONDS);
  }
  return undefined;
}

/** Split on commas that are not inside a quoted string (e.g. `private="set-cookie, x"`). */
function splitDirectives(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && quoted) {
      current += ch + (header[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}
