/**
 * Reads Atom 1.0 (RFC 4287) and RSS 2.0 documents with rss-parser (xml2js/sax underneath, strict mode).
 * One parser instance, built once. Safety: sax in strict mode does not expand DTD entities, so billion-laughs
 * and XXE (`<!ENTITY x SYSTEM "file:///etc/passwd">`) fail as "Invalid character entity" without reading any
 * file; nesting deeper than MAX_XML_DEPTH is refused during the parse, at the element that passes it (one pass
 * over the document, not a scan before it). Every failure is a `FormatError('parse')`.
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

/** Thrown from inside the parse when an element opens deeper than MAX_XML_DEPTH. */
class TooDeep extends Error {}

/** The parts of rss-parser's xml2js parser and its sax parser the depth guard hooks into. */
interface SaxTag {
  isSelfClosing?: boolean;
}
interface XmlParserInternals {
  reset(): void;
  saxParser: { tags: unknown[]; onopentag: (tag: SaxTag) => unknown };
}

// The depth guard rides on the parse: sax keeps the open elements in `tags` (the one opening included) and
// xml2js builds a fresh sax parser on every reset (after each document), so each new one gets the check.
// Self-closing elements do not nest, as before. On refusal the parser is reset first, which drops the
// half-read document and this parse's listeners; the throw then leaves xml2js's parseString (an 'error'
// with no listener is thrown as is), rss-parser rejects with it, and parseFeedXml reports the depth.
const xmlParser = (parser as unknown as { xmlParser: XmlParserInternals }).xmlParser;
{
  const reset = xmlParser.reset.bind(xmlParser);
  xmlParser.reset = () => {
    reset();
    const sax = xmlParser.saxParser;
    const onopentag = sax.onopentag;
    sax.onopentag = (tag) => {
      if (sax.tags.length > MAX_XML_DEPTH && !tag.isSelfClosing) {
        xmlParser.reset();
        throw new TooDeep();
      }
      return onopentag(tag);
    };
  };
  xmlParser.reset();
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
 * Parse an Atom or RSS document. Throws `FormatError('parse')` on malformed XML, refused entities, excessive
 * nesting, or a document that is XML but neither RSS nor Atom.
 */
export async function parseFeedXml(xml: string): Promise<RawFeed> {
  let feed: unknown;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    if (err instanceof TooDeep) throw new FormatError('parse', `XML nested deeper than ${MAX_XML_DEPTH} levels`);
    const first = String(err instanceof Error ? err.message : err).split('\n', 1)[0] ?? '';
    throw new FormatError('parse', `Unreadable feed XML: ${first.slice(0, 160)}`);
  }
  if (!feed || typeof feed !== 'object') throw new FormatError('parse', 'Empty feed');
  const out = feed as RawFeed;
  if (!Array.isArray(out.items)) out.items = [];
  return out;
}
