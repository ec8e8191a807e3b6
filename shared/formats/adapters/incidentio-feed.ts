/**
 * incident.io status page `history.rss` (`incidentio-feed`, `<generator>incident.io</generator>`), e.g.
 * status.openai.com/history.rss. One item per incident carrying only its latest update:
 *
 *   <b>Status: Monitoring</b><br/><br/>text<br/><br/><b>Affected components</b><ul><li>Space (Degraded performance)</li></ul>
 *
 * Quirks handled: `//incidents/` double slash in links and guids (normalised, so ids stay stable if incident.io
 * fixes it), trailing spaces in titles, duplicated component entries (deduplicated).
 * Impact is the worst affected-component status. Provider components: every component named in the feed,
 * with the status given by the newest item that names it.
 */
import type { FormatAdapter } from '../types';
import type { Component, Incident } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { parseDateMs, toIso } from '../read/dates';
import { feedTitle, feedUpdatedAt } from '../read/feed-common';
import { entryHtml } from '../read/feed-entry';
import { entryId } from '../read/ids';
import { componentStatusOfLabel, impactOfComponentStatus, worstImpact } from '../read/impact';
import { LIMITS } from '../read/limits';
import { safeHttpUrl } from '../read/links';
import { isRssHead } from '../sniff';
import { MAINTENANCE_STATUSES, statusOfLabel } from '../read/statuses';
import { htmlToText, toPlainTitle } from '../read/text';
import { parseFeedXml, str, type RawItem } from '../read/xml';

const STATUS_LINE = /^Status:\s*(.+)$/i;
const COMPONENT_LINE = /^(.+?)\s*\(([^()]+)\)$/;

interface ReadItem {
  incident: Incident;
  components: Component[];
  atMs: number;
}

function readItem(item: RawItem, baseUrl: string, fallback: string): ReadItem {
  const lines = htmlToText(entryHtml(item)).split('\n');
  let label: string | undefined;
  const body: string[] = [];
  const components = new Map<string, Component>();
  let inComponents = false;
  for (const line of lines) {
    const status = STATUS_LINE.exec(line);
    if (status && label === undefined && !inComponents) label = line;
    else if (/^Affected components$/i.test(line)) inComponents = true;
    else if (inComponents) {
      const m = COMPONENT_LINE.exec(line);
      const cs = m?.[2] ? componentStatusOfLabel(m[2]) : undefined;
      if (m?.[1] && cs) components.set(m[1], { name: m[1], status: cs });
      else if (line) components.set(line, { name: line, status: 'operational' });
    } else body.push(line);
  }
  const named = label ? statusOfLabel(label.replace(/^Status:\s*/i, '')) : undefined;
  const status = named ?? 'investigating';
  const kind = MAINTENANCE_STATUSES.has(status) ? 'maintenance' : 'incident';
  const atMs = parseDateMs(str(item.pubDate)) ?? parseDateMs(fallback) ?? 0;
  const at = toIso(atMs) ?? fallback;
  const title = toPlainTitle(str(item.title)) || 'Untitled incident';
  const link = safeHttpUrl(str(item.link), baseUrl);
  const list = [...components.values()];
  const incident: Incident = {
    id: entryId([safeHttpUrl(str(item.guid)) ?? str(item.guid), link], title, at),
    kind,
    title,
    status,
    impact: kind === 'maintenance' ? 'maintenance' : worstImpact(list.map((c) => impactOfComponentStatus(c.status))),
    createdAt: at,
    updatedAt: at,
    updates: [{ status, ...(label ? { label } : {}), text: body.join('\n'), at }],
    components: list.map((c) => c.name),
  };
  if (link) incident.url = link;
  return { incident, components: list, atMs };
}

export const incidentioFeedAdapter: FormatAdapter = {
  id: 'incidentio-feed',
  label: 'incident.io status page history (RSS)',
  sniff: ({ head }) => isRssHead(head) && /<generator>\s*incident\.io\s*<\/generator>/i.test(head),
  async parse(body, ctx) {
    const feed = await parseFeedXml(body);
    const fallback = feedUpdatedAt(feed) ?? new Date(ctx.now).toISOString();
    const items = feed.items.slice(0, LIMITS.entriesPerDocument).map((i) => readItem(i, ctx.url, fallback));
    const components = new Map<string, Component>();
    for (const r of [...items].sort((a, b) => b.atMs - a.atMs)) {
      for (const c of r.components) if (!components.has(c.name)) components.set(c.name, c);
    }
    return assembleStatus({
      provider: feedTitle(feed, ctx.url),
      format: 'incidentio-feed',
      pageUrl: safeHttpUrl(str(feed.link), ctx.url),
      components: [...components.values()],
      incidents: items.map((r) => r.incident),
      coverage: 'history',
      documentUpdatedAt: feedUpdatedAt(feed),
      now: ctx.now,
    });
  },
};
