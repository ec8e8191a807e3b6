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
/** AWS's all-services RSS: open incidents with 17 and 13 updates (../shared/feeds/MANIFEST.md). */
export const AWS: SeedSource = { id: 'aws', path: '/aws/rss/all.rss', feed: 'aws/aws-all-rss-2026-08-18.rss' };

/** The active incident of the Cursor summary, as Statuspage titled it. */
export const CURSOR_INCIDENT = 'Investigating service degradation — Grok Bot';
/** The incident that opens between the two DigitalOcean feeds. */
export const DIGITALOCEAN_INCIDENT = 'Issues affecting custom Droplet images';

/**
 * Every captured document in ../shared/feeds (29; see its MANIFEST.md), one source each, for the popover
 * tests: ids and paths name the capture, so same-named providers (six GitHub documents) differ by path.
 */
export const ALL_DOCUMENTS: readonly SeedSource[] = [
  CURSOR,
  GITHUB,
  { id: 'github-incidents', path: '/github-incidents/api/v2/incidents.json', feed: 'statuspage-json/githubstatus-incidents-2026-08-18-first5.json' },
  { id: 'openai', path: '/openai/history.rss', feed: 'incidentio/openai-history-rss-2026-10-01.rss' },
  { id: 'atlassian', path: '/atlassian/history.atom', feed: 'statuspage-feeds/atlassian-metastatuspage-history-2019-11-23.atom' },
  { id: 'do-2019-10-30', path: '/do-2019-10-30/history.atom', feed: DOCS.digitalOceanBefore },
  { id: 'do-2019-10-31', path: '/do-2019-10-31/history.atom', feed: DOCS.digitalOceanActive },
  { id: 'do-2020-01-11', path: '/do-2020-01-11/history.rss', feed: 'statuspage-feeds/digitalocean-history-2020-01-11.rss' },
  { id: 'do-2020-01-13', path: '/do-2020-01-13/history.atom', feed: 'statuspage-feeds/digitalocean-history-2020-01-13.atom' },
  { id: 'gh-2019', path: '/gh-2019/history.atom', feed: 'statuspage-feeds/githubstatus-history-2019-11-22.atom' },
  { id: 'gh-2024', path: '/gh-2024/history.atom', feed: 'statuspage-feeds/githubstatus-history-2024-06-26-misordered-updates.atom' },
  { id: 'gh-2025', path: '/gh-2025/history.atom', feed: 'statuspage-feeds/githubstatus-history-2025-05-26-scheduled.atom' },
  { id: 'gh-2026-07', path: '/gh-2026-07/history.atom', feed: 'statuspage-feeds/githubstatus-history-2026-07-09-active.atom' },
  { id: 'gh-2026-08', path: '/gh-2026-08/history.atom', feed: 'statuspage-feeds/githubstatus-history-2026-08-22.atom' },
  { id: 'parse', path: '/parse/history.rss', feed: 'statuspage-feeds/parse-history-2014-01.rss' },
  { id: 'streamyard-atom', path: '/streamyard-atom/history.atom', feed: DOCS.streamyardAtom },
  { id: 'streamyard-rss', path: '/streamyard-rss/history.rss', feed: 'statuspage-feeds/streamyard-history-2024-06.rss' },
  { id: 'symantec-2019', path: '/symantec-2019/history.atom', feed: 'statuspage-feeds/symantec-wss-history-2019-12-10.atom' },
  { id: 'symantec-2020', path: '/symantec-2020/history.atom', feed: 'statuspage-feeds/symantec-wss-history-2020-01-02.atom' },
  AWS,
  { id: 'aws-json', path: '/aws-json/data.json', feed: 'aws/aws-shd-data-2022-07.json' },
  { id: 'gcp-2026-03', path: '/gcp-2026-03/incidents.json', feed: 'gcp/gcp-incidents-2026-03-subset.json' },
  { id: 'gcp-2026-08', path: '/gcp-2026-08/incidents.json', feed: 'gcp/gcp-incidents-2026-08-18-first2.json' },
  { id: 'azure', path: '/azure/feed/', feed: 'azure/azure-status-feed-2026-08-07-empty.xml' },
  { id: 'slack', path: '/slack/api/v2.0.0/history', feed: 'slack/slack-history-2026-08-18.json' },
  { id: 'lambstatus', path: '/lambstatus/history.rss', feed: 'other/lambstatus-demo-history-2017-10.rss' },
  { id: 'ruzismart', path: '/ruzismart/history.rss', feed: 'other/ruzismart-demo-statuspage-history-2020-01.rss' },
  { id: 'upptime', path: '/upptime/history/summary.json', feed: 'other/upptime-summary-2024-01-19-one-down.json' },
  { id: 'yandex', path: '/yandex/incidents.json', feed: 'other/yandexcloud-status-incidents-2024-12.json' },
  { ...STREAMYARD_HTML, contentType: 'text/html; charset=utf-8', name: 'StreamYard' },
];
