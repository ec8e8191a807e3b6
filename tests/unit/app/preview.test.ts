import { describe, expect, it } from 'vitest';
import { createPreview, previewFromDiscovery } from '../../../shared/app/preview';
import { findCatalogEntry } from '../../../shared/catalog/index';
import type { DiscoveryFound } from '../../../shared/discovery/types';
import { parseDocument } from '../../../shared/formats/registry';
import type { FetchPort } from '../../../shared/engine/ports';
import { readFeed } from '../../support/feeds';

const NOW = Date.UTC(2026, 8, 26);
const UA = 'StatusTray/test';

/** A fetch port answering from a URL → document table (404 for anything else), recording what was asked. */
function site(pages: Record<string, { body: string; type: string }>): { fetch: FetchPort; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchPort = async (input) => {
    asked.push(input);
    const page = pages[input];
    return page ? new Response(page.body, { status: 200, headers: { 'content-type': page.type } }) : new Response('not found', { status: 404 });
  };
  return { fetch, asked };
}

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

describe('createPreview (discovery)', () => {
  it('summarises a direct Statuspage summary URL with one request', async () => {
    const url = 'https://status.cursor.example/api/v2/summary.json';
    const { fetch, asked } = site({ [url]: { body: readFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json'), type: JSON_TYPE } });
    const r = await createPreview({ fetch, userAgent: UA, now: () => NOW })(url);
    expect(r).toEqual({
      ok: true,
      value: { sourceUrl: url, format: 'statuspage-json', provider: 'Cursor', health: 'degraded', activeIncidents: 1, foundVia: 'The URL is itself a status document' },
    });
    expect(asked).toEqual([url]);
  });

  it('finds the JSON API of a pasted Statuspage page and returns that URL, not the page', async () => {
    const { fetch, asked } = site({
      'https://status.example.com/history': { body: readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html'), type: HTML_TYPE },
      'https://status.example.com/api/v2/summary.json': { body: readFeed('statuspage-json/githubstatus-summary-2026-09-25-operational.json'), type: JSON_TYPE },
    });
    const r = await createPreview({ fetch, userAgent: UA, now: () => NOW })('https://status.example.com/history');
    expect(r).toMatchObject({
      ok: true,
      value: { sourceUrl: 'https://status.example.com/api/v2/summary.json', provider: 'GitHub', format: 'statuspage-json', foundVia: 'Statuspage JSON API at /api/v2/summary.json, recognised from the page' },
    });
    expect(r.ok && r.value.catalog).toBeUndefined();
    expect(asked).toEqual(['https://status.example.com/history', 'https://status.example.com/api/v2/summary.json']);
  });

  it('tries the catalog source first for a known status page, and names the entry', async () => {
    const { fetch, asked } = site({
      'https://www.githubstatus.com/api/v2/summary.json': { body: readFeed('statuspage-json/githubstatus-summary-2026-09-25-operational.json'), type: JSON_TYPE },
    });
    const r = await createPreview({ fetch, userAgent: UA, now: () => NOW })('https://www.githubstatus.com');
    expect(r).toMatchObject({ ok: true, value: { sourceUrl: 'https://www.githubstatus.com/api/v2/summary.json', catalog: { id: 'github', name: 'GitHub' } } });
    expect(r.ok && r.value.catalog?.filter).toBeUndefined();
    expect(asked).toEqual(['https://www.githubstatus.com/api/v2/summary.json']);
  });

  it('returns fetch-failed with what was tried when nothing readable is found', async () => {
    const { fetch } = site({ 'https://nothing.example/': { body: '<!doctype html><html><body>Hi</body></html>', type: HTML_TYPE } });
    const r = await createPreview({ fetch, userAgent: UA, now: () => NOW })('https://nothing.example/');
    expect(r).toMatchObject({ ok: false, error: { code: 'fetch-failed', message: expect.stringContaining('No status feed or API found') } });
  });

  it('says the host could not be reached after a network failure, without probing further', async () => {
    let calls = 0;
    const refused: FetchPort = async () => {
      calls++;
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const r = await createPreview({ fetch: refused, userAgent: UA, now: () => NOW })('https://down.example/feed');
    expect(r).toMatchObject({ ok: false, error: { code: 'fetch-failed', message: expect.stringContaining('Could not reach https://down.example/feed') } });
    expect(calls).toBe(1);
  });

  it('resolves to an internal error, never a rejection, when discovery itself throws', async () => {
    const { fetch } = site({});
    const r = await createPreview({ fetch, userAgent: UA, now: () => NOW, fetchSource: () => Promise.reject(new Error('fetcher bug')) })('https://x.example/feed.json');
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'fetcher bug' } });
  });
});

describe('previewFromDiscovery', () => {
  async function awsFound(entryName: string): Promise<DiscoveryFound> {
    const url = 'https://status.aws.amazon.com/rss/all.rss';
    const status = await parseDocument(readFeed('aws/aws-all-rss-2026-08-18.rss'), { url, contentType: 'application/rss+xml', now: Date.UTC(2026, 7, 18, 12) });
    const catalogEntry = findCatalogEntry(entryName);
    if (!catalogEntry) throw new Error(`no catalog entry ${entryName}`);
    return {
      ok: true, sourceUrl: url, format: status.format, platform: 'aws', provider: status.provider, health: status.health,
      activeIncidents: status.activeIncidents.length, via: 'catalog', foundVia: 'Known service from the catalog', requests: 1, status, catalogEntry, tried: [],
    };
  }

  it('narrows health and open incidents to the entry filter, and passes the filter on', async () => {
    const whole = await awsFound('aws-all');
    expect(whole.activeIncidents).toBe(2);
    expect(previewFromDiscovery(whole)).toMatchObject({ activeIncidents: 2, health: 'degraded', catalog: { id: 'aws-all', name: 'AWS (All)' } });

    const uae = previewFromDiscovery(await awsFound('aws-uae'));
    expect(uae).toMatchObject({ activeIncidents: 1, health: 'degraded', catalog: { id: 'aws-uae', filter: { regions: ['me-central-1', 'UAE'] } } });

    const ec2 = previewFromDiscovery(await awsFound('amazon-elastic-compute-cloud@us-east-1'));
    expect(ec2.activeIncidents).toBe(0);
    expect(ec2.health).not.toBe('degraded');
    expect(ec2.catalog).toEqual({
      id: 'amazon-elastic-compute-cloud@us-east-1',
      name: 'Amazon Elastic Compute Cloud (us-east-1)',
      filter: { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] },
    });
  });
});
