/**
 * Twenty-seven sources from the real captured documents in ../shared/feeds (see its MANIFEST.md), for tests
 * of the windows at the scale the issue was reviewed at. Each provider is saved under its own status host
 * (offline-fetch.ts answers those from the feed server), so rows show real hosts. Where the shelf holds
 * several captures of one provider, the extra captures are served from the feed server's own address under
 * a name the user might give them ("GitHub (May 2025 capture)"): two sources may not share one address.
 */
import type { SeedSource } from './harness';
import { hostedPath } from './offline-fetch';

/** A source saved as the provider's `url`, answered with the captured `feed`. */
function hosted(id: string, url: string, feed: string, extra: Partial<SeedSource> = {}): SeedSource {
  return { id, url, path: hostedPath(url), feed, ...extra };
}

/** A further capture of a provider already listed, on the feed server's address, named by the user. */
function capture(id: string, feed: string, name: string, extra: Partial<SeedSource> = {}): SeedSource {
  return { id, path: `/captures/${id}`, feed, name, ...extra };
}

export const SCALE_SOURCES: readonly SeedSource[] = [
  hosted('aws', 'https://status.aws.amazon.com/rss/all.rss', 'aws/aws-all-rss-2026-08-18.rss'),
  hosted('aws-legacy', 'https://status.aws.amazon.com/data.json', 'aws/aws-shd-data-2022-07.json', { name: 'AWS (legacy data.json)' }),
  hosted('azure', 'https://azure.status.microsoft/en-us/status/feed/', 'azure/azure-status-feed-2026-08-07-empty.xml'),
  hosted('gcp', 'https://status.cloud.google.com/incidents.json', 'gcp/gcp-incidents-2026-08-18-first2.json'),
  capture('gcp-march', 'gcp/gcp-incidents-2026-03-subset.json', 'Google Cloud (March 2026 capture)'),
  hosted('openai', 'https://status.openai.com/history.rss', 'incidentio/openai-history-rss-2026-10-01.rss'),
  hosted('lambstatus', 'https://lambstatus.github.io/demo-status/history.rss', 'other/lambstatus-demo-history-2017-10.rss', { name: 'LambStatus demo' }),
  hosted('ruzismart', 'https://ruzismartenterprise.statuspage.io/history.rss', 'other/ruzismart-demo-statuspage-history-2020-01.rss'),
  capture('upptime', 'other/upptime-summary-2024-01-19-one-down.json', 'Upptime hobby page'),
  hosted('yandex', 'https://status.yandex.cloud/api/incidents', 'other/yandexcloud-status-incidents-2024-12.json'),
  hosted('slack', 'https://slack-status.com/api/v2.0.0/history', 'slack/slack-history-2026-08-18.json'),
  hosted('atlassian', 'https://metastatuspage.com/history.atom', 'statuspage-feeds/atlassian-metastatuspage-history-2019-11-23.atom'),
  hosted('digitalocean', 'https://status.digitalocean.com/history.atom', 'statuspage-feeds/digitalocean-history-2019-10-31-active.atom'),
  hosted('digitalocean-rss', 'https://status.digitalocean.com/history.rss', 'statuspage-feeds/digitalocean-history-2020-01-11.rss', { name: 'DigitalOcean (RSS)' }),
  capture('digitalocean-before', 'statuspage-feeds/digitalocean-history-2019-10-30.atom', 'DigitalOcean (Oct 30 capture)'),
  hosted('github', 'https://www.githubstatus.com/api/v2/summary.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json'),
  hosted('github-incidents', 'https://www.githubstatus.com/api/v2/incidents.json', 'statuspage-json/githubstatus-incidents-2026-08-18-first5.json', { name: 'GitHub incidents' }),
  hosted('github-history', 'https://www.githubstatus.com/history.atom', 'statuspage-feeds/githubstatus-history-2026-07-09-active.atom', { name: 'GitHub history' }),
  capture('github-may-2025', 'statuspage-feeds/githubstatus-history-2025-05-26-scheduled.atom', 'GitHub (May 2025 capture)'),
  capture('github-aug-2026', 'statuspage-feeds/githubstatus-history-2026-08-22.atom', 'GitHub (Aug 2026 capture)'),
  hosted('parse', 'https://status.parse.com/history.rss', 'statuspage-feeds/parse-history-2014-01.rss'),
  hosted('streamyard', 'https://status.streamyard.com/history.atom', 'statuspage-feeds/streamyard-history-2024-06.atom'),
  hosted('streamyard-rss', 'https://status.streamyard.com/history.rss', 'statuspage-feeds/streamyard-history-2024-06.rss', { name: 'StreamYard (RSS)' }),
  hosted('streamyard-page', 'https://status.streamyard.com/history', 'malformed/streamyard-history-page-html-not-feed-2024-06.html', { name: 'StreamYard (page, not a feed)' }),
  hosted('symantec', 'https://wss.status.symantec.com/history.atom', 'statuspage-feeds/symantec-wss-history-2020-01-02.atom'),
  capture('symantec-dec', 'statuspage-feeds/symantec-wss-history-2019-12-10.atom', 'Symantec WSS (Dec 2019 capture)'),
  hosted('cursor', 'https://status.cursor.com/api/v2/summary.json', 'statuspage-json/cursor-summary-2026-09-25-active-incident.json'),
];
