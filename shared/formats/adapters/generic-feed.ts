/**
 * Any other RSS 2.0 / RSS 1.0 (`rss`) or Atom 1.0 (`atom`) feed, e.g. LambStatus or a self-hosted page.
 * Each entry is one incident. Its status comes from Statuspage-style update markup when present, else from a
 * status word in the title or text ("[RESOLVED] …", "Monitoring - …", "Status: Scheduled").
 *
 * Rule for an entry with no status word: it is taken as `resolved`. A plain feed cannot say an incident is
 * open, and these feeds keep months of items; counting each unlabelled item as open would keep the tray red
 * forever. New entries are still detected (newness is decided by id, not status), so nothing is missed — it is
 * just not shown as an ongoing outage. Age is never used to decide.
 */
import type { FormatAdapter, ParseContext } from '../types';
import type { FormatId, ProviderStatus } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { fallbackAt, feedIncidents, feedTitle, feedUpdatedAt } from '../read/feed-common';
import { safeHttpUrl } from '../read/links';
import { isAtomHead, isRssHead } from '../sniff';
import { parseFeedXml, str } from '../read/xml';

async function parseGeneric(format: FormatId, body: string, ctx: ParseContext): Promise<ProviderStatus> {
  const feed = await parseFeedXml(body);
  return assembleStatus({
    provider: feedTitle(feed, ctx.url),
    format,
    pageUrl: safeHttpUrl(str(feed.link), ctx.url),
    components: [],
    incidents: feedIncidents(feed, {
      baseUrl: ctx.url,
      fallbackAt: fallbackAt(feed, ctx.now),
      unlabelledStatus: 'resolved',
      defaultImpact: 'none',
    }),
    coverage: 'history',
    documentUpdatedAt: feedUpdatedAt(feed),
    now: ctx.now,
  });
}

export const rssAdapter: FormatAdapter = {
  id: 'rss',
  label: 'RSS feed (generic)',
  sniff: ({ head }) => isRssHead(head),
  parse: (body, ctx) => parseGeneric('rss', body, ctx),
};

export const atomAdapter: FormatAdapter = {
  id: 'atom',
  label: 'Atom feed (generic)',
  sniff: ({ head }) => isAtomHead(head),
  parse: (body, ctx) => parseGeneric('atom', body, ctx),
};
