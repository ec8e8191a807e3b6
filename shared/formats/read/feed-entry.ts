/**
 * One Atom entry / RSS item → one `Incident`, shared by the Statuspage-feed, generic RSS/Atom and Azure
 * adapters. When the content carries Statuspage update markup (statuspage-markup.ts), the timeline comes from
 * it; otherwise the entry is a single update whose status is found in the title or text (statuses.ts).
 */
import type { Impact, Incident, IncidentStatus } from '../../domain/types';
import { parseDateMs, parseUpdateStamp, toIso } from './dates';
import { entryId } from './ids';
import { safeHttpUrl } from './links';
import { readStatuspageMarkup } from './statuspage-markup';
import { MAINTENANCE_STATUSES, findStatusLabel, statusOfLabel } from './statuses';
import { htmlToText, toPlainTitle } from './text';
import { buildTimeline, type RawUpdate } from './timeline';
import { str, type RawItem } from './xml';

/** How to read entries that have no Statuspage markup. */
export interface EntryOptions {
  /** Base for relative links (the document URL). */
  baseUrl: string;
  /** ISO time used when an entry has no readable date at all (the document's date, else `now`). */
  fallbackAt: string;
  /** Status of an unlabelled single-update entry (see each adapter for its rule). */
  unlabelledStatus: IncidentStatus;
  /** Impact of an open incident whose feed states none. */
  defaultImpact: Impact;
}

/** The HTML body of an item: `content:encoded`, else Atom `content`/RSS `description`, else `summary`. */
export function entryHtml(item: RawItem): string {
  return str(item['content:encoded']) ?? str(item.content) ?? str(item.summary) ?? '';
}

/** The entry's own dates, ms: `published` (RSS pubDate) and `updated` (Atom only). */
export function entryDates(item: RawItem): { publishedMs?: number; updatedMs?: number } {
  const publishedMs = parseDateMs(str(item.published) ?? str(item.pubDate));
  const updatedMs = parseDateMs(str(item.updated));
  return { publishedMs, updatedMs };
}

/**
 * Read a maintenance window from a lead such as "THIS IS A SCHEDULED EVENT Jan 9, 14:00 - 18:00 UTC" or
 * "… May 28, 16:30 UTC - May 29, 16:30 UTC". Returns ISO start/end or nothing.
 */
export function readWindow(lead: string | undefined, anchorMs: number | undefined): { from?: string; until?: string } {
  if (!lead || !/scheduled event/i.test(lead)) return {};
  const body = lead.replace(/^.*?scheduled event\s*/i, '');
  const [left = '', right = ''] = body.split(/\s+[-–]\s+/, 2);
  const zone = /([A-Z]{2,5})\s*$/.exec(right)?.[1] ?? /([A-Z]{2,5})\s*$/.exec(left)?.[1] ?? 'UTC';
  const leftStamp = /[A-Z]{2,5}\s*$/.test(left) ? left : `${left} ${zone}`;
  const fromMs = parseUpdateStamp(leftStamp, anchorMs);
  let untilMs: number | undefined;
  if (/^[A-Za-z]{3}/.test(right.trim())) untilMs = parseUpdateStamp(right, anchorMs);
  else {
    const datePart = /^([A-Za-z]{3,}\.?\s+\d{1,2}(?:,\s*\d{4})?),/.exec(left.trim())?.[1];
    if (datePart) untilMs = parseUpdateStamp(`${datePart}, ${right}`, fromMs ?? anchorMs);
    if (untilMs !== undefined && fromMs !== undefined && untilMs < fromMs) untilMs += 24 * 60 * 60 * 1000;
  }
  const out: { from?: string; until?: string } = {};
  const from = toIso(fromMs);
  const until = toIso(untilMs);
  if (from) out.from = from;
  if (until) out.until = until;
  return out;
}

/**
 * An incident's entry is dated by its latest post (RSS `pubDate`, Atom `updated`), so no update in it can be
 * later than that. A stamp beyond it is an edited display time (Statuspage lets authors change them; the
 * ruzismart capture has "Investigating 04:08" in an entry published at 03:42:34 whose updates read
 * Resolved 03:42, Monitoring 03:32, Identified 03:38): it is held to the entry's minute, where the timeline's
 * tie-breaks (lifecycle, then listing order) place it. Maintenance entries are left alone: they are dated by
 * their window, which can lie after the posts.
 */
function boundUpdateTimes(raw: RawUpdate[], entryMs: number): void {
  const bound = Math.floor(entryMs / 60_000) * 60_000; // stamps have minute resolution
  for (const u of raw) if (u.atMs !== undefined && u.atMs > bound) u.atMs = bound;
}

/** Convert one entry. Never throws; fields it cannot read fall back as documented in EntryOptions. */
export function incidentFromEntry(item: RawItem, opts: EntryOptions): Incident {
  const title = toPlainTitle(str(item.title)) || 'Untitled incident';
  const html = entryHtml(item);
  const { publishedMs, updatedMs } = entryDates(item);
  const anchorMs = updatedMs !== undefined && publishedMs !== undefined ? Math.max(updatedMs, publishedMs) : (updatedMs ?? publishedMs);
  const link = safeHttpUrl(str(item.link), opts.baseUrl);

  const markup = html.includes('<small') ? readStatuspageMarkup(html) : undefined;
  let raw: RawUpdate[];
  if (markup && markup.updates.length > 0) {
    raw = markup.updates.map((u) => {
      const status = u.label ? statusOfLabel(u.label) : null;
      const update: RawUpdate = { status: status ?? null, text: u.text, atMs: parseUpdateStamp(u.stamp, anchorMs) };
      if (u.label) update.label = u.label;
      return update;
    });
  } else {
    const text = htmlToText(html);
    const found = findStatusLabel(title) ?? findStatusLabel(text);
    const update: RawUpdate = { status: found ? found.status : opts.unlabelledStatus, text, atMs: updatedMs ?? publishedMs };
    if (found) update.label = found.label;
    raw = [update];
  }

  const isMaintenance =
    raw.some((u) => u.status !== null && MAINTENANCE_STATUSES.has(u.status)) || /scheduled event/i.test(markup?.lead ?? '');
  const kind = isMaintenance ? 'maintenance' : 'incident';
  if (!isMaintenance && anchorMs !== undefined) boundUpdateTimes(raw, anchorMs);
  const fallbackAt = toIso(anchorMs) ?? opts.fallbackAt;
  const timeline = buildTimeline(raw, isMaintenance ? 'scheduled' : 'investigating', fallbackAt);

  const incident: Incident = {
    id: entryId([str(item.guid), str(item.id), link], title, toIso(publishedMs)),
    kind,
    title,
    status: timeline.status,
    impact: isMaintenance ? 'maintenance' : opts.defaultImpact,
    createdAt: toIso(timeline.firstMs) ?? toIso(publishedMs) ?? fallbackAt,
    updatedAt: toIso(timeline.lastMs) ?? fallbackAt,
    updates: timeline.updates,
    components: markup?.affected ?? [],
  };
  if (link) incident.url = link;
  if (isMaintenance) {
    const window = readWindow(markup?.lead, anchorMs);
    // Without a window, a maintenance's `published` (Atom) / pubDate (RSS) is its planned start when it lies
    // after every update: Statuspage and LambStatus date maintenance entries by the window, not by the post.
    const lastPost = Math.max(timeline.lastMs ?? -Infinity, updatedMs ?? -Infinity);
    const plannedStart = window.from ?? (publishedMs !== undefined && publishedMs > lastPost ? toIso(publishedMs) : undefined);
    if (plannedStart) incident.scheduledFor = plannedStart;
    if (window.until) incident.scheduledUntil = window.until;
  }
  return incident;
}
