/**
 * The bench's baseline: what a plain poller does with the same documents. Node's own `fetch`, a
 * conditional GET with the validators of the last answer, `rss-parser` for XML and `JSON.parse` for JSON,
 * and the set of incident ids kept per source (the least a poller needs to tell new incidents from seen
 * ones). Same concurrency as the engine's default. No change detection, no state file, no limits: it
 * shows what fetching and parsing alone cost, so the engine's figures can be read as a ratio to it.
 */
import pLimit from 'p-limit';
import Parser from 'rss-parser';

/** Validators and seen ids of one source. */
interface Memory {
  etag?: string;
  lastModified?: string;
  ids: Set<string>;
}

/** Ids of the incidents in a JSON status document: Statuspage's `incidents`, or a top-level array (GCP). */
function jsonIds(doc: unknown): string[] {
  const list = Array.isArray(doc) ? doc : (doc as { incidents?: unknown[] } | null)?.incidents;
  return Array.isArray(list) ? list.map((x) => String((x as { id?: unknown })?.id)) : [];
}

/**
 * A poller over `urls`.
 * @param concurrency requests in flight at most.
 * @returns `cycle()`, which polls every URL once and resolves with the number that failed.
 */
export function createBaseline(urls: string[], concurrency: number): { cycle(): Promise<number> } {
  const parser = new Parser();
  const limit = pLimit(concurrency);
  const memory = new Map<string, Memory>();

  async function poll(url: string): Promise<void> {
    const known = memory.get(url);
    const headers: Record<string, string> = {};
    if (known?.etag) headers['If-None-Match'] = known.etag;
    if (known?.lastModified) headers['If-Modified-Since'] = known.lastModified;
    const res = await fetch(url, { headers });
    if (res.status === 304) return;
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    const ids = json ? jsonIds(JSON.parse(text)) : (await parser.parseString(text)).items.map((item) => item.guid ?? item.link ?? item.title ?? '');
    memory.set(url, {
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      ids: new Set(ids),
    });
  }

  return {
    async cycle() {
      const results = await Promise.allSettled(urls.map((url) => limit(() => poll(url))));
      return results.filter((r) => r.status === 'rejected').length;
    },
  };
}
