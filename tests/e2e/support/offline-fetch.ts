/**
 * Keeps every request of the e2e app on 127.0.0.1. The catalog's source URLs name real hosts
 * (`https://www.githubstatus.com/api/v2/summary.json`) that do not resolve here and must never be contacted,
 * so the engine's and the preview's FetchPort rewrites any other host to the local feed server under
 * `/hosts/<host><path>`: a test serves a captured document there (`hostedPath`) and the app behaves as if
 * the real host answered. Unserved paths answer 404 from the local server, so nothing leaves the machine.
 */
import type { FetchPort } from '../../../shared/engine/ports';
import type { FeedServer } from '../../support/feed-server';

/** The feed-server path standing in for an external URL: `https://h.example/a?b` → `/hosts/h.example/a?b`. */
export function hostedPath(url: string): string {
  const u = new URL(url);
  return `/hosts/${u.host}${u.pathname}${u.search}`;
}

/** A FetchPort that rewrites external URLs to `feeds` and records them (as requested) in `rewritten`. */
export function offlineFetch(inner: FetchPort, feeds: FeedServer): { fetch: FetchPort; rewritten: string[] } {
  const local = new URL(feeds.origin).host;
  const rewritten: string[] = [];
  const fetch: FetchPort = (input, init) => {
    const url = new URL(input);
    if (url.host === local) return inner(input, init);
    rewritten.push(input);
    return inner(feeds.url(hostedPath(input)), init);
  };
  return { fetch, rewritten };
}
