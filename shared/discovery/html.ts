/**
 * Reading a status page's HTML for discovery: feed links it advertises and the status platform it runs on.
 * Pure; uses htmlparser2's streaming parser (tolerant of broken markup, entities decoded in attributes).
 */
import { Parser } from 'htmlparser2';

/** A feed a page advertises with `<link rel="alternate" type="…" href="…">`. */
export interface FeedLink {
  /** Absolute http(s) URL, resolved against `<base href>` or the page URL. */
  url: string;
  /** The link's `type`, lower-cased (`application/atom+xml`, …). */
  type: string;
  title?: string;
}

/** Link types that point at machine-readable documents, in the order RSS readers usually prefer them. */
const FEED_TYPES = new Set([
  'application/atom+xml',
  'application/rss+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
]);

/** Platforms discovery recognises from a page's HTML. */
export type RecognisedPlatform =
  | 'statuspage'
  | 'incidentio'
  | 'instatus'
  | 'betterstack'
  | 'statusio'
  | 'statuspal'
  | 'sorry'
  | 'site24x7'
  | 'cachet'
  | 'uptimekuma'
  | 'gatus'
  | 'cstate'
  | 'hund'
  | 'freshstatus';

function resolveHttp(href: string, base: string): string | undefined {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.toString();
  } catch {
    return undefined;
  }
}

/**
 * Feed links in `html`, in document order, deduplicated, http(s) only.
 * @param pageUrl the URL the page was served from (after redirects), for relative hrefs.
 */
export function extractFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let base = pageUrl;
  const raw: Array<{ href: string; type: string; title?: string }> = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'base' && attribs.href && raw.length === 0) {
          base = resolveHttp(attribs.href, pageUrl) ?? base;
          return;
        }
        if (name !== 'link' || !attribs.href) return;
        const rels = (attribs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attribs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
        if (!rels.includes('alternate') || !FEED_TYPES.has(type)) return;
        raw.push({ href: attribs.href, type, ...(attribs.title ? { title: attribs.title } : {}) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const seen = new Set<string>();
  const links: FeedLink[] = [];
  for (const r of raw) {
    const url = resolveHttp(r.href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    links.push({ url, type: r.type, ...(r.title !== undefined ? { title: r.title } : {}) });
  }
  return links;
}

// Statuspage serves its assets from its own CloudFront host and links "Powered by Atlassian Statuspage";
// hosted pages live on *.statuspage.io (seen in the captured StreamYard /history page).
const STATUSPAGE_MARKERS = /dka575ofm4ao0\.cloudfront\.net|atlassian\.com\/software\/statuspage|\/\/[a-z0-9-]+\.statuspage\.io\b/i;
// incident.io pages credit "incident.io" in their footer link and load assets from incident.io hosts.
const INCIDENTIO_MARKERS = /\/\/(?:[a-z0-9-]+\.)*incident\.io\b|powered by(?:\s|<[^>]*>)*incident\.io/i;

/**
 * Markers of each platform in its pages' HTML, tried in this order (the first match wins). Statuspage and
 * incident.io come first: their markers are asset hosts no other platform uses, while the later ones (a
 * generator name, a "powered by" link) could appear on any page as plain text.
 */
const PLATFORM_MARKERS: ReadonlyArray<readonly [RecognisedPlatform, RegExp]> = [
  ['statuspage', STATUSPAGE_MARKERS],
  ['incidentio', INCIDENTIO_MARKERS],
  // Instatus pages are Next.js apps serving logos from instatus.com/user-content (captured: Whereby, mastodon.social).
  ['instatus', /instatus\.com(?:\/|%2F)(?:user-content|api\/og)|powered by(?:\s|<[^>]*>)*instatus/i],
  // Better Stack pages load fonts, packs and assets from (uptime.)betterstack.com (captured: BuildJet, Eyloo).
  ['betterstack', /\/\/(?:uptime\.)?betterstack\.com\/(?:assets|packs|fonts)\/|\/\/[a-z0-9-]+\.betteruptime\.com\b/i],
  // Status.io pages link their history by page id (status.gitlab.com/pages/history/<id>) or the public API.
  ['statusio', /api\.status\.io\/1\.0\/status\/[0-9a-f]{24}|\/pages\/(?:history|incident|maintenance)\/[0-9a-f]{24}|\/\/cdn\.status\.io\//i],
  ['statuspal', /statuspal\.(?:io|eu)\b/i],
  ['sorry', /sorryapp\.com/i],
  ['site24x7', /summary_details\/statuspages\/|statusiq|site24x7\.com\/(?:app|sp)\//i],
  ['cachet', /cachethq\.io|<meta[^>]+content=["']Cachet/i],
  ['uptimekuma', /uptime[\s-]?kuma/i],
  ['gatus', /\bgatus\b/i],
  ['cstate', /\bcstate\b/i],
  // Hund pages are hosted on <page>.hund.io (or a CNAME to it) and its live widget loads from libraries.hund.io.
  ['hund', /\/\/[a-z0-9-]+\.hund\.io\b|libraries\.hund\.io\/|powered by(?:\s|<[^>]*>)*hund\b/i],
  // Freshstatus pages and widgets read public-api.freshstatus.io and load cdn.freshstatus.io.
  ['freshstatus', /(?:public-api|cdn)\.freshstatus\.io\b|\/\/[a-z0-9-]+\.freshstatus\.io\b/i],
];

/**
 * The status platform a page runs on, from markers in its HTML, or `undefined`. A false positive costs one
 * probe request; it never decides the result on its own (the probed document must still parse).
 */
export function recognisePlatform(html: string): RecognisedPlatform | undefined {
  return PLATFORM_MARKERS.find(([, re]) => re.test(html))?.[0];
}

/** True when a response is an HTML page rather than a feed or API document (by Content-Type, else by its start). */
export function looksLikeHtml(body: string, contentType?: string): boolean {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('text/html') || type.includes('application/xhtml')) return true;
  if (type.includes('json') || type.includes('xml')) return false;
  const head = body.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<!--[\s\S]*?-->\s*<(!doctype html|html)/.test(head);
}
