/**
 * OPML import and export of the user's sources. Format: OPML 2.0 (http://opml.org/spec2.opml): feeds are
 * `<outline>` elements with an `xmlUrl` attribute, optionally nested in category outlines; RSS readers
 * (NetNewsWire, Feedly, Miniflux, …) and status monitors export this shape. Parsing uses fast-xml-parser after
 * a strict pre-check: OPML never needs a DTD, so any `<!DOCTYPE`/`<!ENTITY` is refused (no entity expansion
 * attacks, no external entities). References are decoded by the XML library: the five predefined entities and
 * numeric character references (`&#65;`, `&#x41;`; XML 1.0 §4.1), never HTML names. Credentials written into
 * a feed address (`https://user:password@host/…`) are removed on import and counted, so a password in a
 * shared subscription list is neither stored nor sent. Pure: no I/O; nothing is changed when an error is thrown.
 */
import { EntityDecoder } from '@nodable/entities';
import type { SourceFilter } from '../domain/source';
import { hasFilter, sourceKey } from '../domain/source-key';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Largest OPML accepted, in characters (a subscription list of thousands of feeds is well under 1 MB). */
export const MAX_OPML_CHARS = 5 * 1024 * 1024;
/** Deepest outline nesting accepted (folders within folders). */
export const MAX_OUTLINE_DEPTH = 32;
/** Most sources one import may return. */
export const MAX_OPML_SOURCES = 5000;

/** Why an OPML file was refused. `message` is one sentence for the user. */
export class OpmlError extends Error {
  constructor(
    readonly code: 'empty' | 'too-large' | 'dtd' | 'not-xml' | 'not-opml' | 'too-deep' | 'too-many',
    message: string,
  ) {
    super(message);
    this.name = 'OpmlError';
  }
}

/** One feed from or for an OPML file. */
export interface OpmlSource {
  /** http(s) URL of the feed or API document (`xmlUrl`). */
  url: string;
  /** Display name (`title`, else `text`), whitespace collapsed. */
  name?: string;
  /** Human page (`htmlUrl`), http(s) only. */
  pageUrl?: string;
  /** The slice of a big cloud's shared feed this source watches (`statusTray:filter`, our extension). */
  filter?: SourceFilter;
}

/**
 * Namespace of our one OPML extension: `statusTray:filter` on an outline holds a source's catalog filter as
 * JSON (`{"components":[…],"regions":[…]}`). OPML has no place for it, and without it an "AWS us-east-1 EC2"
 * source would come back as all of AWS. Other readers ignore attributes in foreign namespaces.
 */
export const STATUS_TRAY_OPML_NS = 'https://github.com/status-tray/status-tray/opml';
const FILTER_ATTR = 'statusTray:filter';
const MAX_FILTER_NAMES = 500;
const MAX_FILTER_NAME_LENGTH = 100;

/** A `statusTray:filter` value: the filter, `undefined` when absent or empty, `'invalid'` when unreadable. */
function readFilter(raw: unknown): SourceFilter | undefined | 'invalid' {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch {
    return 'invalid';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'invalid';
  const filter: SourceFilter = {};
  for (const [key, list] of Object.entries(value)) {
    if (key !== 'components' && key !== 'regions') return 'invalid';
    const names = Array.isArray(list) ? list : [];
    const ok = names.length > 0 && names.length <= MAX_FILTER_NAMES && names.every((n) => typeof n === 'string' && n.trim() && n.length <= MAX_FILTER_NAME_LENGTH);
    if (!ok) return 'invalid';
    filter[key] = names as string[];
  }
  return filter.components || filter.regions ? filter : undefined;
}

/** What `parseOpml` found. */
export interface ParsedOpml {
  /** In document order, unique by URL and filter (first kept). */
  sources: OpmlSource[];
  /** The file's `<head><title>`, if any. */
  title?: string;
  /** Outlines skipped: an `xmlUrl` that was not http(s) or not a URL (`javascript:`, `file:`, …), or an unreadable `statusTray:filter`. */
  skipped: number;
  /** Outlines whose `xmlUrl` or `htmlUrl` carried a user name or password, which was removed. */
  credentialsRemoved: number;
}

type Node = Record<string, unknown>;

// Attributes get a prefix so names like "constructor" or "__proto__" stay ordinary keys (the library refuses
// them unprefixed) and can never collide with element names.
const ATTR_PREFIX = '@_';

function httpUrl(value: unknown): string | undefined {
  return readUrl(value)?.url;
}

/** The userinfo of an absolute URL as written: `scheme://` then everything up to the last `@` of the authority. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\]*@/i;

/**
 * An http(s) URL kept as written (only trimmed), so an export and re-import give back the user's exact URL —
 * except for credentials, which are cut out of the text (`hadCredentials` says so).
 */
function readUrl(value: unknown): { url: string; hadCredentials: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  try {
    let u = new URL(text);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const hadCredentials = Boolean(u.username || u.password);
    if (hadCredentials) {
      const host = u.host;
      text = text.replace(USERINFO, '$1');
      u = new URL(text);
      // Not cut out cleanly (or the cut changed where it points): skip it rather than keep a password.
      if (u.username || u.password || u.host !== host) return undefined;
    }
    return /\s/.test(text) ? undefined : { url: text, hadCredentials };
  } catch {
    return undefined;
  }
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** Attribute by name, case-insensitively (`xmlUrl`, `xmlurl`, `XMLURL` all occur in the wild). */
function attr(node: Node, name: string): unknown {
  const lower = ATTR_PREFIX + name.toLowerCase();
  for (const key of Object.keys(node)) if (key.toLowerCase() === lower) return node[key];
  return undefined;
}

function children(node: Node): Node[] {
  const kids = node.outline;
  if (!Array.isArray(kids)) return [];
  return kids.filter((k): k is Node => typeof k === 'object' && k !== null);
}

/**
 * Parse an OPML document.
 * @param xml the file's text.
 * @returns the feeds it lists (`sources`), its title, and how many entries were skipped.
 * @throws OpmlError `empty`, `too-large`, `dtd` (DOCTYPE/ENTITY present), `not-xml` (not well-formed, with the
 *   line), `not-opml` (no `<opml><body>`), `too-deep` or `too-many`.
 */
export function parseOpml(xml: string): ParsedOpml {
  if (typeof xml !== 'string' || xml.trim() === '') throw new OpmlError('empty', 'The file is empty.');
  if (xml.length > MAX_OPML_CHARS) throw new OpmlError('too-large', 'The file is too large to be an OPML subscription list (over 5 MB).');
  const text = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new OpmlError('dtd', 'The file declares a DOCTYPE or entities, which OPML does not use; it was not read.');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new OpmlError('not-xml', `The file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  }
  let doc: Node;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: ATTR_PREFIX,
      parseAttributeValue: false,
      parseTagValue: false,
      processEntities: true,
      // XML's own entities plus numeric character references; unsafe code points (NUL, surrogates, C0
      // controls) are dropped by the decoder. A fresh decoder per parse: it counts expansions.
      entityDecoder: new EntityDecoder({ numericAllowed: true }),
      isArray: (name) => name === 'outline',
      maxNestedTags: MAX_OUTLINE_DEPTH + 8,
    }).parse(text) as Node;
  } catch (err) {
    const deep = err instanceof RangeError || /nest/i.test(String((err as Error)?.message));
    throw deep
      ? new OpmlError('too-deep', 'The file nests outlines too deeply to be a subscription list.')
      : new OpmlError('not-xml', `The file could not be read as XML (${(err as Error)?.message ?? String(err)}).`);
  }
  const opml = doc.opml;
  // An empty <body></body> parses as "", so only its presence is required.
  if (typeof opml !== 'object' || opml === null || !Object.prototype.hasOwnProperty.call(opml, 'body')) {
    throw new OpmlError('not-opml', 'The file is XML but not OPML (no <opml> with a <body>).');
  }
  const head = (opml as Node).head;
  const title = typeof head === 'object' && head !== null ? clean((head as Node).title) : undefined;

  const sources: OpmlSource[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let credentialsRemoved = 0;
  const walk = (nodes: Node[], depth: number): void => {
    if (depth > MAX_OUTLINE_DEPTH) throw new OpmlError('too-deep', 'The file nests outlines too deeply to be a subscription list.');
    for (const node of nodes) {
      const rawUrl = attr(node, 'xmlUrl');
      if (rawUrl !== undefined) {
        const feed = readUrl(rawUrl);
        const url = feed?.url;
        const filter = readFilter(attr(node, FILTER_ATTR));
        if (!url || filter === 'invalid') skipped++;
        else if (!seen.has(sourceKey({ url, filter }))) {
          seen.add(sourceKey({ url, filter }));
          if (sources.length >= MAX_OPML_SOURCES) throw new OpmlError('too-many', `The file lists more than ${MAX_OPML_SOURCES} feeds.`);
          const named = clean(attr(node, 'title')) ?? clean(attr(node, 'text'));
          // Exporters that have no name repeat the URL as the required `text`; that is not a name.
          const name = named === url ? undefined : named;
          const page = readUrl(attr(node, 'htmlUrl'));
          const pageUrl = page?.url;
          if (feed?.hadCredentials || page?.hadCredentials) credentialsRemoved++;
          sources.push({ url, ...(name ? { name } : {}), ...(pageUrl ? { pageUrl } : {}), ...(filter ? { filter } : {}) });
        }
      }
      walk(children(node), depth + 1);
    }
  };
  const body = (opml as Node).body;
  walk(typeof body === 'object' && body !== null ? children(body as Node) : [], 1);
  return { sources, ...(title ? { title } : {}), skipped, credentialsRemoved };
}

/** Escape text for a double-quoted XML attribute; control characters other than tab are dropped. */
function escapeAttr(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * Write sources as an OPML 2.0 document (UTF-8 text).
 * @param sources feeds to export; entries whose URL is not http(s) are left out.
 * @param options `title` of the list; `now` in ms since epoch for `<dateCreated>` (RFC 822, UTC).
 */
export function toOpml(sources: readonly OpmlSource[], options: { title: string; now: number }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:statusTray="${STATUS_TRAY_OPML_NS}">`,
    '  <head>',
    `    <title>${escapeAttr(options.title)}</title>`,
    `    <dateCreated>${new Date(options.now).toUTCString()}</dateCreated>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  for (const s of sources) {
    const url = httpUrl(s.url);
    if (!url) continue;
    const name = clean(s.name) ?? url;
    const page = s.pageUrl ? httpUrl(s.pageUrl) : undefined;
    const pageAttr = page ? ` htmlUrl="${escapeAttr(page)}"` : '';
    const filterAttr = hasFilter(s.filter) ? ` ${FILTER_ATTR}="${escapeAttr(JSON.stringify(s.filter))}"` : '';
    lines.push(`    <outline type="rss" text="${escapeAttr(name)}" title="${escapeAttr(name)}" xmlUrl="${escapeAttr(url)}"${pageAttr}${filterAttr}/>`);
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
