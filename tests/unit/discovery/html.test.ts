import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFeedLinks, looksLikeHtml, recognisePlatform } from '../../../shared/discovery/html';
import { readFeed, REPO_ROOT } from '../../support/feeds';

const fixture = (name: string): string => readFileSync(resolve(REPO_ROOT, 'tests/fixtures/discovery', name), 'utf8');
// A real Statuspage HTML page (StreamYard's /history, captured June 2024).
const statuspageHtml = readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html');

describe('extractFeedLinks', () => {
  it('reads the Atom and RSS links of a real Statuspage page, once each, in document order', () => {
    expect(extractFeedLinks(statuspageHtml, 'https://status.streamyard.com/history')).toEqual([
      { url: 'https://status.streamyard.com/history.atom', type: 'application/atom+xml', title: 'StreamYard Status History - Atom Feed' },
      { url: 'https://status.streamyard.com/history.rss', type: 'application/rss+xml', title: 'StreamYard Status History - RSS Feed' },
    ]);
  });

  it('resolves relative hrefs against <base href>, and ignores non-feed alternates', () => {
    expect(extractFeedLinks(fixture('rss-blog-page.html'), 'http://127.0.0.1:9/blog')).toEqual([
      { url: 'http://127.0.0.1:9/news/notices.rss', type: 'application/rss+xml', title: 'Service notices (RSS)' },
    ]);
  });

  it('accepts rel lists, upper case, type parameters and entities; drops non-http schemes', () => {
    const html = `<html><head>
      <LINK REL="Alternate Feed" TYPE="application/atom+xml; charset=utf-8" HREF="/a.atom?x=1&amp;y=2#top">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="ftp://example.com/feed">
      <link rel="stylesheet" type="text/css" href="/s.css">
      <link rel="alternate" type="application/feed+json" href="https://other.example/feed.json">
    </head></html>`;
    expect(extractFeedLinks(html, 'https://status.example.com/').map((l) => l.url)).toEqual([
      'https://status.example.com/a.atom?x=1&y=2',
      'https://other.example/feed.json',
    ]);
  });

  it('finds nothing in a page without feeds, and survives broken markup', () => {
    expect(extractFeedLinks(fixture('no-feed-page.html'), 'https://example.com/')).toEqual([]);
    expect(extractFeedLinks('<link rel="alternate" type="application/rss+xml" href="/x.rss"<<<>', 'https://e.example/')).toEqual([
      { url: 'https://e.example/x.rss', type: 'application/rss+xml' },
    ]);
  });
});

describe('recognisePlatform', () => {
  it('recognises a real Statuspage page', () => {
    expect(recognisePlatform(statuspageHtml)).toBe('statuspage');
  });

  it('recognises an incident.io page', () => {
    expect(recognisePlatform(fixture('incidentio-page.html'))).toBe('incidentio');
  });

  it('recognises neither on ordinary pages', () => {
    expect(recognisePlatform(fixture('no-feed-page.html'))).toBeUndefined();
    expect(recognisePlatform(fixture('rss-blog-page.html'))).toBeUndefined();
    // Mentioning a platform in prose is not a marker.
    expect(recognisePlatform('<p>We moved from Statuspage to incident dot io.</p>')).toBeUndefined();
  });
});

describe('looksLikeHtml', () => {
  it('trusts Content-Type first', () => {
    expect(looksLikeHtml('{"page":{}}', 'text/html; charset=utf-8')).toBe(true);
    expect(looksLikeHtml('<!DOCTYPE html><html>', 'application/json')).toBe(false);
  });

  it('falls back to the start of the body', () => {
    expect(looksLikeHtml(statuspageHtml)).toBe(true);
    expect(looksLikeHtml(fixture('incidentio-page.html'), 'text/plain')).toBe(true);
    expect(looksLikeHtml(readFeed('incidentio/openai-history-rss-2026-10-01.rss'))).toBe(false);
    expect(looksLikeHtml(readFeed('statuspage-json/githubstatus-summary-2026-09-25-operational.json'))).toBe(false);
  });
});
