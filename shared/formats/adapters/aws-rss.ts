/**
 * AWS Service Health Dashboard RSS (`aws-rss`), status.aws.amazon.com/rss/all.rss. Every item is one update;
 * its guid is `…#<service>-<region>_<epoch seconds>`. Updates are grouped into one incident per
 * service+region chain: items of the same key in time order belong together until one is resolved
 * ("[RESOLVED]" / "Service is operating normally"); the next item of that key starts a new chain.
 * Incident id = the chain's first guid (AWS publishes no event id). When that item leaves the 50-item window
 * the id changes; each update keeps its guid as `IncidentUpdate.id`, so the change detector still knows the
 * incident by its later updates. Impact = the worst class in the chain. Coverage `history`.
 */
import type { FormatAdapter } from '../types';
import type { Impact, Incident } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { cleanAwsTitle, impactOfAwsClass, isAwsResolved } from './aws-common';
import { parseDateMs, toIso } from '../read/dates';
import { feedTitle, feedUpdatedAt } from '../read/feed-common';
import { entryHtml } from '../read/feed-entry';
import { entryId } from '../read/ids';
import { worstImpact } from '../read/impact';
import { LIMITS } from '../read/limits';
import { safeHttpUrl } from '../read/links';
import { isRssHead } from '../sniff';
import { htmlToText, toPlainTitle } from '../read/text';
import { buildTimeline, type RawUpdate } from '../read/timeline';
import { parseFeedXml, str, type RawItem } from '../read/xml';

interface AwsUpdate {
  key: string;
  guid: string | undefined;
  title: string;
  link: string | undefined;
  impact: Impact;
  resolved: boolean;
  raw: RawUpdate;
  atMs: number;
}

function readItem(item: RawItem, index: number, baseUrl: string): AwsUpdate {
  const title = toPlainTitle(str(item.title));
  const guid = str(item.guid)?.trim();
  const key = /#(.+)_\d+$/.exec(guid ?? '')?.[1] ?? cleanAwsTitle(title);
  const colon = title.indexOf(':');
  const prefix = colon !== -1 ? title.slice(0, colon) : '';
  const resolved = isAwsResolved(title);
  const atMs = parseDateMs(str(item.pubDate));
  const raw: RawUpdate = { status: resolved ? 'resolved' : null, text: htmlToText(entryHtml(item)), atMs };
  if (prefix) raw.label = prefix;
  if (guid) raw.id = guid;
  return {
    key,
    guid,
    title,
    link: safeHttpUrl(str(item.link), baseUrl),
    impact: impactOfAwsClass(prefix) ?? 'none',
    resolved,
    raw,
    // Unknown dates sort by listing position (the feed lists newest first).
    atMs: atMs ?? -index,
  };
}

function chainToIncident(chain: AwsUpdate[], fallback: string): Incident {
  const first = chain[0] as AwsUpdate;
  const last = chain[chain.length - 1] as AwsUpdate;
  const timeline = buildTimeline(chain.map((u) => u.raw).reverse(), 'investigating', fallback);
  const title = cleanAwsTitle(last.title) || 'AWS event';
  const incident: Incident = {
    id: entryId([first.guid], title, toIso(first.raw.atMs)),
    kind: 'incident',
    title,
    status: timeline.status,
    impact: worstImpact(chain.map((u) => u.impact)),
    createdAt: toIso(timeline.firstMs) ?? fallback,
    updatedAt: toIso(timeline.lastMs) ?? fallback,
    updates: timeline.updates,
    components: [first.key],
  };
  if (last.link) incident.url = last.link;
  return incident;
}

export const awsRssAdapter: FormatAdapter = {
  id: 'aws-rss',
  label: 'AWS Service Health Dashboard (RSS)',
  sniff: ({ head, url }) =>
    isRssHead(head) && (/AWS Service Health Dashboard/i.test(head) || /(^|\/\/)(status|health)\.aws\.amazon\.com\//.test(url)),
  async parse(body, ctx) {
    const feed = await parseFeedXml(body);
    const fallback = feedUpdatedAt(feed) ?? new Date(ctx.now).toISOString();
    const updates = feed.items.slice(0, LIMITS.entriesPerDocument).map((item, i) => readItem(item, i, ctx.url));
    updates.sort((a, b) => a.atMs - b.atMs);
    const open = new Map<string, AwsUpdate[]>();
    const chains: AwsUpdate[][] = [];
    for (const u of updates) {
      let chain = open.get(u.key);
      if (!chain) {
        chain = [];
        open.set(u.key, chain);
        chains.push(chain);
      }
      chain.push(u);
      if (u.resolved) open.delete(u.key);
    }
    return assembleStatus({
      provider: feedTitle(feed, ctx.url),
      format: 'aws-rss',
      pageUrl: safeHttpUrl(str(feed.link), ctx.url),
      components: [],
      incidents: chains.map((c) => chainToIncident(c, fallback)),
      coverage: 'history',
      documentUpdatedAt: feedUpdatedAt(feed),
      now: ctx.now,
    });
  },
};
