/**
 * Azure status RSS (`azure-rss`), azure.status.microsoft/en-us/status/feed/. The feed lists only incidents that
 * are active now, so an empty channel means "no active incidents" (operational) and coverage is `active-only`.
 * Items carry no lifecycle labels; an item without a status word is `investigating`, and since Azure posts only
 * broad incidents with no severity field, an open one has impact `minor` (health degraded).
 * Handles CR CR LF line endings and the non-RFC 822 `Z` zone in dates (dates.parseDateMs).
 */
import type { FormatAdapter } from '../types';
import { assembleStatus } from '../read/assemble';
import { fallbackAt, feedIncidents, feedTitle, feedUpdatedAt } from '../read/feed-common';
import { safeHttpUrl } from '../read/links';
import { hostOf, isRssHead } from '../sniff';
import { parseFeedXml, str } from '../read/xml';

const AZURE_HOSTS = /(^|\.)(azure\.status\.microsoft|status\.azure\.com|azurestatuscdn\.azureedge\.net)$/;

export const azureRssAdapter: FormatAdapter = {
  id: 'azure-rss',
  label: 'Microsoft Azure status (RSS)',
  sniff: ({ head, url }) => isRssHead(head) && (AZURE_HOSTS.test(hostOf(url)) || /<title>\s*Azure Status\s*<\/title>/i.test(head)),
  async parse(body, ctx) {
    const feed = await parseFeedXml(body);
    return assembleStatus({
      provider: feedTitle(feed, ctx.url),
      format: 'azure-rss',
      pageUrl: safeHttpUrl(str(feed.link), ctx.url),
      components: [],
      incidents: feedIncidents(feed, {
        baseUrl: ctx.url,
        fallbackAt: fallbackAt(feed, ctx.now),
        unlabelledStatus: 'investigating',
        defaultImpact: 'minor',
      }),
      coverage: 'active-only',
      documentUpdatedAt: feedUpdatedAt(feed),
      now: ctx.now,
    });
  },
};
