/**
 * Atlassian Statuspage `history.atom` / `history.rss` (`statuspage-feed`). Each entry is one incident or
 * maintenance; its content holds every update (see statuspage-markup.ts). The feed is a window of the last 25
 * incidents, so coverage is `history`. Impact is not in the feed: open incidents get `none` (which
 * domain/health counts as degraded), maintenances `maintenance`.
 */
import type { FormatAdapter } from '../types';
import { assembleStatus } from '../read/assemble';
import { fallbackAt, feedIncidents, feedTitle, feedUpdatedAt } from '../read/feed-common';
import { safeHttpUrl } from '../read/links';
import { isAtomHead, isRssHead } from '../sniff';
import { parseFeedXml, str, type RawFeed } from '../read/xml';

/** Statuspage titles feeds "<Name> Status - Incident History"; the Atom author is the page name. */
function providerName(feed: RawFeed, url: string): string {
  const author = feed.author as { name?: unknown } | undefined;
  const name = author && typeof author === 'object' ? str(author.name)?.trim() : undefined;
  if (name) return name;
  return feedTitle(feed, url).replace(/\s*-\s*Incident History$/i, '').replace(/\s+Status$/i, '') || feedTitle(feed, url);
}

export const statuspageFeedAdapter: FormatAdapter = {
  id: 'statuspage-feed',
  label: 'Atlassian Statuspage incident history (Atom/RSS)',
  sniff({ head }) {
    if (!isAtomHead(head) && !isRssHead(head)) return false;
    if (/,2005:\/history<\/id>/.test(head) || head.includes('data-var=')) return true;
    return /Incident History\s*<\/title>/i.test(head) && !/<generator>/i.test(head);
  },
  async parse(body, ctx) {
    const feed = await parseFeedXml(body);
    const incidents = feedIncidents(feed, {
      baseUrl: ctx.url,
      fallbackAt: fallbackAt(feed, ctx.now),
      unlabelledStatus: 'resolved',
      defaultImpact: 'none',
    });
    return assembleStatus({
      provider: providerName(feed, ctx.url),
      format: 'statuspage-feed',
      pageUrl: safeHttpUrl(str(feed.link), ctx.url),
      components: [],
      incidents,
      coverage: 'history',
      documentUpdatedAt: feedUpdatedAt(feed),
      now: ctx.now,
    });
  },
};
