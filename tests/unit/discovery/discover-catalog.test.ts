import { describe, expect, it } from 'vitest';
import { discoverSource, type DiscoveryDeps } from '../../../shared/discovery/discover';
import type { FetchOutcome, FetchSourceRequest } from '../../../shared/engine/http/types';
import { getCatalogEntry } from '../../../shared/catalog/index';
import { readFeed } from '../../support/feeds';
import { readPlatformFixture } from '../../support/platform-fixtures';
import { parseDocument } from '../../../shared/formats/registry';

/** A fetchSource double that answers from a map and records every URL; nothing touches the network. */
function fakeFetch(answers: Record<string, string>) {
  const urls: string[] = [];
  const fetchSource = async (req: FetchSourceRequest): Promise<FetchOutcome> => {
    urls.push(req.url);
    const body = answers[req.url];
    if (body === undefined) {
      return { kind: 'error', error: { code: 'gone', message: 'HTTP 404 Not Found', httpStatus: 404, at: 0 } };
    }
    return { kind: 'body', body, finalUrl: req.url, contentHash: 'x', bytes: body.length, wireBytes: body.length };
  };
  const deps: DiscoveryDeps = {
    fetchSource,
    parseDocument,
    fetchDeps: { fetch: () => Promise.reject(new Error('unused')), userAgent: 'test', now: () => 0 },
  };
  return { deps, urls };
}

const githubSummary = readFeed('statuspage-json/githubstatus-summary-2026-09-25-operational.json');

describe('discoverSource with catalog names', () => {
  it('fetches a catalog service’s source first and says so', async () => {
    const { deps, urls } = fakeFetch({ 'https://www.githubstatus.com/api/v2/summary.json': githubSummary });
    const r = await discoverSource('github', deps);
    expect(r).toMatchObject({ ok: true, via: 'catalog', platform: 'statuspage', provider: 'GitHub', requests: 1, catalogEntry: { id: 'github' } });
    expect(urls).toEqual(['https://www.githubstatus.com/api/v2/summary.json']);
  });

  it('uses the catalog for a pasted catalog page URL too', async () => {
    const { deps, urls } = fakeFetch({ 'https://www.githubstatus.com/api/v2/summary.json': githubSummary });
    const r = await discoverSource('https://www.githubstatus.com', deps);
    expect(r).toMatchObject({ ok: true, via: 'catalog', sourceUrl: 'https://www.githubstatus.com/api/v2/summary.json' });
    expect(urls).toHaveLength(1);
  });

  it('keeps a big-cloud entry’s filter and platform', async () => {
    const { deps } = fakeFetch({ 'https://status.aws.amazon.com/rss/all.rss': readFeed('aws/aws-all-rss-2026-08-18.rss') });
    const r = await discoverSource('amazon-elastic-compute-cloud@us-east-1', deps);
    expect(r).toMatchObject({ ok: true, platform: 'aws', catalogEntry: { filter: { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] } } });
  });

  it('falls back to discovering from the page when the catalog source fails', async () => {
    const { deps, urls } = fakeFetch({ 'https://www.githubstatus.com/history.atom': readFeed('statuspage-feeds/githubstatus-history-2026-08-22.atom') });
    const r = await discoverSource('github', deps);
    expect(r).toMatchObject({ ok: true, via: 'common-path', sourceUrl: 'https://www.githubstatus.com/history.atom' });
    expect(urls.slice(0, 2)).toEqual(['https://www.githubstatus.com/api/v2/summary.json', 'https://www.githubstatus.com']);
    expect(urls.length).toBeLessThanOrEqual(6);
  });

  it('a presumed Statuspage entry whose guess is wrong is found on its real platform from the page', async () => {
    const entry = getCatalogEntry('apify');
    expect(entry).toMatchObject({ presumed: true, sourceUrl: 'https://status.apify.com/api/v2/summary.json' });
    const { deps, urls } = fakeFetch({
      'https://status.apify.com': readPlatformFixture('pages/stts-whereby-good.html'),
      'https://status.apify.com/summary.json': readPlatformFixture('instatus/instatus-help-summary-example.json'),
    });
    const r = await discoverSource('apify', deps);
    expect(r).toMatchObject({ ok: true, via: 'platform-page', platform: 'instatus', format: 'instatus-json', sourceUrl: 'https://status.apify.com/summary.json', requests: 3 });
    expect(urls).toEqual(['https://status.apify.com/api/v2/summary.json', 'https://status.apify.com', 'https://status.apify.com/summary.json']);
  });

  it('answers an unknown name with suggestions and no requests', async () => {
    const { deps, urls } = fakeFetch({});
    const r = await discoverSource('githb', deps);
    expect(r.ok).toBe(false);
    expect(urls).toEqual([]);
    expect(!r.ok && r.message).toMatch(/not a known service/);
    const r2 = await discoverSource('cloudfl', deps);
    expect(!r2.ok && r2.suggestions?.[0]?.id).toBe('cloudflare');
  });

  it('rejects non-http input before any request', async () => {
    const { deps, urls } = fakeFetch({});
    const r = await discoverSource('file:///etc/passwd', deps);
    expect(r).toMatchObject({ ok: false, requests: 0 });
    expect(urls).toEqual([]);
  });
});
