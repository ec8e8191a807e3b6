/**
 * Token checks for the headless server, in constant time: both sides are hashed to SHA-256 first, so
 * `timingSafeEqual` compares equal lengths and the time taken says nothing about the length or any prefix of
 * the expected token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True when `given` equals `expected`. An empty or missing `given` is false. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/** True for addresses only this machine can reach (IPv4 127/8, IPv6 ::1, `localhost`). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
