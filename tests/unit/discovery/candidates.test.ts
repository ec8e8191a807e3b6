import { describe, expect, it } from 'vitest';
import { candidatesFromPage, dedupeCandidates, fallbackCandidates, interpretInput } from '../../../shared/discovery/candidates';
import { readFeed } from '../../support/feeds';

describe('interpretInput', () => {
  it('takes http(s) URLs and bare hosts as URLs', () => {
    const a = interpretInput('https://status.example.com/x#frag');
    expect(a.kind === 'url' && a.url.toString()).toBe('https://status.example.com/x');
    const b = interpretInput('status.example.com');
    expect(b.kind === 'url' && b.url.toString()).toBe('https://status.example.com/');
    const c = interpretInput('http://127.0.0.1:8080/page');
    expect(c.kind === 'url' && c.url.toString()).toBe('http://127.0.0.1:8080/page');
  });

  it('looks names up in the catalog, including hosts and @region', () => {
    const a = interpretInput('github');
    expect(a.kind === 'catalog' && a.entry.id).toBe('github');
    const b = interpretInput('githubstatus.com');
    expect(b.kind === 'catalog' && b.entry.id).toBe('github');
    const c = interpretInput('amazon-elastic-compute-cloud@us-east-1');
    expect(c.kind === 'catalog' && c.entry.filter?.regions).toEqual(['us-east-1']);
  });

  it('marks a pasted URL of a catalog page with its entry', () => {
    const a = interpretInput('https://www.githubstatus.com/');
    expect(a.kind === 'url' && a.catalogEntry?.id).toBe('github');
  });

  it('says what is wrong with unusable input', () => {
    expect(interpretInput('  ')).toMatchObject({ kind: 'invalid' });
    expect(interpretInput('ftp://example.com/feed')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/http/) });
    expect(interpretInput('file:///etc/passwd')).toMatchObject({ kind: 'invalid' });
    expect(interpretInput('https://user:pw@example.com/')).toMatchObject({ kind: 'invalid' });
    expect(interpretInput('no-such-service-xyz')).toEqual({ kind: 'unknown-name', name: 'no-such-service-xyz' });
  });
});

describe('candidatesFromPage', () => {
  const html = readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html');

  it('puts the Statuspage API first for a Statuspage page, then its feed links, then probes, without duplicates', () => {
    const plan = candidatesFromPage(html, 'http://127.0.0.1:9/history');
    expect(plan.platform).toBe('statuspage');
    expect(plan.candidates).toEqual([
      { url: 'http://127.0.0.1:9/api/v2/summary.json', via: 'platform-page' },
      { url: 'https://status.streamyard.com/history.atom', via: 'link-alternate' },
      { url: 'https://status.streamyard.com/history.rss', via: 'link-alternate' },
      { url: 'http://127.0.0.1:9/feed.atom', via: 'common-path' },
      { url: 'http://127.0.0.1:9/history.atom', via: 'common-path' },
      { url: 'http://127.0.0.1:9/rss', via: 'common-path' },
      { url: 'http://127.0.0.1:9/feed', via: 'common-path' },
    ]);
  });

  it('probes Statuspage and common paths at the site root for an unknown page', () => {
    const plan = candidatesFromPage('<html><head></head></html>', 'https://example.com/deep/page');
    expect(plan.platform).toBeUndefined();
    expect(plan.candidates.map((c) => c.url)).toEqual([
      'https://example.com/api/v2/summary.json',
      'https://example.com/feed.atom',
      'https://example.com/history.atom',
      'https://example.com/rss',
      'https://example.com/feed',
    ]);
    expect(plan.candidates[0]?.via).toBe('statuspage-probe');
  });
});

describe('dedupeCandidates', () => {
  it('keeps the first of each URL and drops excluded ones', () => {
    const list = [...fallbackCandidates(new URL('https://a.example/')), { url: 'https://a.example/rss', via: 'link-alternate' as const }];
    const out = dedupeCandidates(list, ['https://a.example/feed']);
    expect(out.map((c) => c.url)).toEqual([
      'https://a.example/api/v2/summary.json',
      'https://a.example/feed.atom',
      'https://a.example/history.atom',
      'https://a.example/rss',
    ]);
    expect(out.find((c) => c.url.endsWith('/rss'))?.via).toBe('common-path');
  });
});
