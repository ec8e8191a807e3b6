/** Document-level helpers shared by the Atom/RSS adapters. */
import type { Incident } from '../../domain/types';
import { isoOf } from './dates';
import { incidentFromEntry, type EntryOptions } from './feed-entry';
import { LIMITS } from './limits';
import { hostOf } from '../sniff';
import { toPlainTitle } from './text';
import { str, type RawFeed } from './xml';

/** When the document says it was updated (Atom `updated`, RSS `lastBuildDate`/`pubDate`), ISO UTC. */
export function feedUpdatedAt(feed: RawFeed): string | undefined {
  return isoOf(str(feed.lastBuildDate)) ?? isoOf(str(feed.pubDate));
}

/** The feed title as one line of plain text, or the URL's host when it has none. */
export function feedTitle(feed: RawFeed, url: string): string {
  return toPlainTitle(str(feed.title)) || hostOf(url) || 'Unnamed feed';
}

/** Convert the first LIMITS.entriesPerDocument entries (feeds list newest first). */
export function feedIncidents(feed: RawFeed, opts: EntryOptions): Incident[] {
  return feed.items.slice(0, LIMITS.entriesPerDocument).map((item) => incidentFromEntry(item, opts));
}

/** `EntryOptions.fallbackAt`: the document's date, else `now`. */
export function fallbackAt(feed: RawFeed, now: number): string {
  return feedUpdatedAt(feed) ?? new Date(now).toISOString();
}
