/**
 * The captured documents the e2e tests serve (paths relative to FEEDS_DIR; see ../shared/feeds/MANIFEST.md
 * for what each really contains), and where on the feed server each is served.
 */
import type { SeedSource } from './harness';

export const DOCS = {
  /** Statuspage summary: indicator minor, ACTIVE minor incident 'Investigating service degradation — Grok Bot'. */
  cursor: 'statuspage-json/cursor-summary-2026-09-25-active-incident.json',
  /** Statuspage summary: everything operational. */
  github: 'statuspage-json/githubstatus-summary-2026-09-25-operational.json',
  /** DigitalOcean history.atom: all resolved. */
  digitalOceanBefore: 'statuspage-feeds/digitalocean-history-2019-10-30.atom',
  /** The next day's feed: 'Issues affecting custom Droplet images' open (latest update 'Identified'). */
  digitalOceanActive: 'statuspage-feeds/digitalocean-history-2019-10-31-active.atom',
  /** StreamYard history.atom: all resolved. */
  streamyardAtom: 'statuspage-feeds/streamyard-history-2024-06.atom',
  /** StreamYard's /history HTML page: what a client gets polling the page instead of its feed. */
  streamyardHtml: 'malformed/streamyard-history-page-html-not-feed-2024-06.html',
} as const;

export const CURSOR: SeedSource = { id: 'cursor', path: '/cursor/api/v2/summary.json', feed: DOCS.cursor };
export const GITHUB: SeedSource = { id: 'github', path: '/github/api/v2/summary.json', feed: DOCS.github };
export const DIGITALOCEAN: SeedSource = { id: 'digitalocean', path: '/digitalocean/history.atom', feed: DOCS.digitalOceanBefore };
export const STREAMYARD_HTML: SeedSource = { id: 'streamyard', path: '/streamyard/history', feed: DOCS.streamyardHtml };

/** The active incident of the Cursor summary, as Statuspage titled it. */
export const CURSOR_INCIDENT = 'Investigating service degradation — Grok Bot';
/** The incident that opens between the two DigitalOcean feeds. */
export const DIGITALOCEAN_INCIDENT = 'Issues affecting custom Droplet images';
