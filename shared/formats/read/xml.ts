/**
 * Reads Atom 1.0 (RFC 4287) and RSS 2.0 documents with rss-parser (xml2js/sax underneath, strict mode).
 * One parser instance, built once. Safety: sax in strict mode does not expand DTD entities, so billion-laughs
 * and XXE (`<!ENTITY x SYSTEM "file:///etc/passwd">`) fail as "Invalid character entity" without reading any
 * file; nesting deeper than MAX_XML_DEPTH is refused before parsing. Every failure is a `FormatError('parse')`.
 */
import Parser from 'rss-parser';
import { FormatError } from '../types';

/** Deepest element nesting accepted (real feeds nest 5 levels; escaped HTML content does not count). */
export const MAX_XML_DEPTH = 100;

/** A feed-level view of what rss-parser returns, fields optional and unchecked (read with `str`). */
export interface RawFeed {
  title?: unknown;
  link?: unknown;
  description?: unknown;
  generator?: unknown;
  lastBuildDate?: unknown;
  pubDate?: unknown;
  author?: unknown;
  items: RawItem[];
}

/** One RSS item or Atom entry as rss-parser returns it (plus `updated`, `published`, `content:encoded`). */
export interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  pubDate?: unknown;
  isoDate?: unknown;
  updated?: unknown;
  published?: unknown;
  content?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
  categories?: unknown;
}

const parser = new Parser({
  customFields: {
    feed: ['generator', 'author', 'subtitle'] as never[],
    item: ['updated', 'published', 'summary'] as never[],
  },
});

// rss-parser converts Atom `published` with `new Date(x).toISOString()`, which throws on a bad date and would
// fail the whole feed. Retry such an entry without its dates: a bad date must cost one field, not the document.
{
  const target = parser as unknown as { parseItemAtom(entry: Record<string, unknown>): Record<string, unknown> };
  const original = target.parseItemAtom.bind(parser);
  target.parseItemAtom = (entry) => {
    try {
      return original(entry);
    } catch {
      const { published, updated, ...rest } = entry;
      const item = original(rest);
      item.published = firstText(published);
      item.updated = firstText(updated);
      return item;
    }
  };
}

function firstText(v: unknown): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as { _?: unknown })._ === 'string') return (first as { _: string })._;
  return undefined;
}

/** A string field of a parsed feed (xml2js may give `{_: text, $: attrs}` objects); `undefined` otherwise. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return firstText(v);
}

/**
 * Element nesting depth of an XML document, stopping early once it passes `limit`. Skips comments, CDATA,
 * processing instructions and the DOCTYPE; self-closing tags do not nest. A linear scan with `indexOf`.
 */
export function xmlDepthExceeds(xml: string, limit: number): boolean {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1 && i < xml.length - 1) {
    const next = xml.charCodeAt(i + 1);
    let end: number;
    if (next === 47 /* / */) {
      depth--;
      end = xml.indexOf('>', i);
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<![CDATA[', i)) end = xml.indexOf(']]>', i);
      else if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i);
      else end = xml.indexOf('>', i);
    } else if (next === 63 /* ? */) {
      end = xml.indexOf('?>', i);
    } else {
      end = xml.indexOf('>', i);
      if (end !== -1 && xml.charCodeAt(end - 1) !== 47) {
        depth++;
        if (depth > limit) return true;
      }
    }
    if (end === -1) return false;
    i = xml.indexOf('<', end);
  }
  return false;
}

/**
 * Parse an Atom or RSS document. Throws `FormatError('parse')` on malformed XML, refused entities, excessive
 * nesting, or a document that is XML but neither RSS nor Atom.
 */
export async function parseFeedXml(xml: string): Promise<RawFeed> {
  if (xmlDepthExceeds(xml, MAX_XML_DEPTH)) throw new FormatError('parse', `XML nested deeper than ${MAX_XML_DEPTH} levels`);
  let feed: unknown;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    const first = String(err instanceof Error ? err.message : err).split('\n', 1)[0] ?? '';
    throw new FormatError('parse', `Unreadable feed XML: ${first.slice(0, 160)}`);
  }
  if (!feed || typeof feed !== 'object') throw new FormatError('parse', 'Empty feed');
  const out = feed as RawFeed;
  if (!Array.isArray(out.items)) out.items = [];
  return out;
}
