/**
 * What the bench serves: real captured documents from ../shared/feeds (see its MANIFEST.md), grouped by
 * format, each with the headers its kind of server sends: gzip when asked (every provider here compresses),
 * a validator or two, `Cache-Control` and a `Content-Type`. The header values are representative of each
 * platform's stack (Rails for Statuspage, object storage behind a CDN for AWS and Google Cloud); they were
 * not captured with the bodies.
 *
 * The default set is a mix weighted like a team's watch list: mostly Statuspage pages (most of the catalog,
 * read as summary.json, or as history.atom / history.rss when added by feed URL), a few incident.io pages,
 * and the two big-cloud feeds. Each format can also be served alone, for its own figures.
 */

/** A served document and its headers. */
export interface BenchDoc {
  /** Path under ../shared/feeds. */
  file: string;
  contentType: string;
  /** `Cache-Control` as the platform sends it. */
  cacheControl: string;
  /** Whether the platform sends a weak ETag (`W/"…"`, Rails) or a strong one (object storage). */
  weakEtag: boolean;
  /** Whether the platform sends `Last-Modified`. */
  lastModified: boolean;
}

/** Formats the bench knows, in the order they are printed. */
export const FORMATS = ['statuspage-json', 'statuspage-feed', 'incidentio-rss', 'aws-rss', 'gcp-json'] as const;
export type BenchFormat = (typeof FORMATS)[number];
/** What one worker serves: the weighted mix, or one format alone. */
export type BenchSet = 'mix' | BenchFormat;

const RAILS = 'max-age=0, private, must-revalidate';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The documents of each format (a format alone cycles through its documents). */
export const DOCS: Record<BenchFormat, BenchDoc[]> = {
  'statuspage-json': [
    { file: 'statuspage-json/githubstatus-summary-2026-09-25-operational.json', contentType: JSON_TYPE, cacheControl: RAILS, weakEtag: true, lastModified: false },
    { file: 'statuspage-json/cursor-summary-2026-09-25-active-incident.json', contentType: JSON_TYPE, cacheControl: RAILS, weakEtag: true, lastModified: false },
  ],
  'statuspage-feed': [
    'statuspage-feeds/githubstatus-history-2026-07-09-active.atom',
    'statuspage-feeds/githubstatus-history-2026-08-22.atom',
    'statuspage-feeds/digitalocean-history-2020-01-11.rss',
    'statuspage-feeds/atlassian-metastatuspage-history-2019-11-23.atom',
    'statuspage-feeds/symantec-wss-history-2020-01-02.atom',
    'statuspage-feeds/streamyard-history-2024-06.rss',
  ].map((file) => ({
    file,
    contentType: file.endsWith('.atom') ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
    cacheControl: RAILS,
    weakEtag: true,
    lastModified: false,
  })),
  'incidentio-rss': [
    { file: 'incidentio/openai-history-rss-2026-10-01.rss', contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'public, max-age=60', weakEtag: true, lastModified: false },
  ],
  'aws-rss': [
    { file: 'aws/aws-all-rss-2026-08-18.rss', contentType: 'application/rss+xml', cacheControl: 'max-age=60', weakEtag: false, lastModified: true },
  ],
  'gcp-json': [
    { file: 'gcp/gcp-incidents-2026-08-18-first2.json', contentType: 'application/json', cacheControl: 'public, max-age=60', weakEtag: false, lastModified: true },
    { file: 'gcp/gcp-incidents-2026-03-subset.json', contentType: 'application/json', cacheControl: 'public, max-age=60', weakEtag: false, lastModified: true },
  ],
};

/** Sources of each format in every 20 of the mix. */
export const MIX_WEIGHTS: Readonly<Record<BenchFormat, number>> = {
  'statuspage-json': 8,
  'statuspage-feed': 6,
  'incidentio-rss': 3,
  'aws-rss': 2,
  'gcp-json': 1,
};

/** The format of source `i` in the mix: formats interleaved so any N holds them in about their weights. */
const MIX_PATTERN: BenchFormat[] = (() => {
  const pattern: BenchFormat[] = [];
  const left = { ...MIX_WEIGHTS };
  const total = Object.values(MIX_WEIGHTS).reduce((a, b) => a + b, 0);
  // Largest remaining share first, so no format waits until the end of the pattern.
  for (let k = 0; k < total; k++) {
    const next = FORMATS.reduce((best, f) => (left[f] / MIX_WEIGHTS[f] > left[best] / MIX_WEIGHTS[best] ? f : best));
    pattern.push(next);
    left[next]--;
  }
  return pattern;
})();

/**
 * The document served to source `i` (0-based) of a set.
 * @returns the document and its format.
 */
export function docFor(set: BenchSet, i: number): { format: BenchFormat; doc: BenchDoc } {
  const format = set === 'mix' ? MIX_PATTERN[i % MIX_PATTERN.length]! : set;
  const docs = DOCS[format];
  // Within a format, sources take its documents in turn.
  const nth = set === 'mix' ? Math.floor(i / MIX_PATTERN.length) * MIX_WEIGHTS[format] + MIX_PATTERN.slice(0, i % MIX_PATTERN.length).filter((f) => f === format).length : i;
  return { format, doc: docs[nth % docs.length]! };
}

/** Every document a set serves, once (for a description of the set). */
export function filesOf(set: BenchSet): string[] {
  return set === 'mix' ? FORMATS.flatMap((f) => DOCS[f].map((d) => d.file)) : DOCS[set].map((d) => d.file);
}

/** `Last-Modified` the bench server sends (a fixed instant: the bench never changes a document). */
export const BENCH_LAST_MODIFIED = 'Tue, 18 Aug 2026 12:20:30 GMT';
