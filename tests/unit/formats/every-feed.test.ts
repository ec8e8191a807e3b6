/**
 * Every captured document in ../shared/feeds must be covered by a format test. The list below is the set the
 * other test files assert on; a new capture fails here until someone writes a test for what it contains.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/formats/registry';
import { FEEDS_DIR, readFeed } from '../../support/feeds';
import { NOW } from './parse-feed';

const TESTED = [
  'aws/aws-all-rss-2026-08-18.rss',
  'aws/aws-shd-data-2022-07.json',
  'azure/azure-status-feed-2026-08-07-empty.xml',
  'gcp/gcp-incidents-2026-03-subset.json',
  'gcp/gcp-incidents-2026-08-18-first2.json',
  'incidentio/openai-history-rss-2026-10-01.rss',
  'malformed/streamyard-history-page-html-not-feed-2024-06.html',
  'other/lambstatus-demo-history-2017-10.rss',
  'other/ruzismart-demo-statuspage-history-2020-01.rss',
  'other/upptime-summary-2024-01-19-one-down.json',
  'other/yandexcloud-status-incidents-2024-12.json',
  'slack/slack-history-2026-08-18.json',
  'statuspage-feeds/atlassian-metastatuspage-history-2019-11-23.atom',
  'statuspage-feeds/digitalocean-history-2019-10-30.atom',
  'statuspage-feeds/digitalocean-history-2019-10-31-active.atom',
  'statuspage-feeds/digitalocean-history-2020-01-11.rss',
  'statuspage-feeds/digitalocean-history-2020-01-13.atom',
  'statuspage-feeds/githubstatus-history-2019-11-22.atom',
  'statuspage-feeds/githubstatus-history-2024-06-26-misordered-updates.atom',
  'statuspage-feeds/githubstatus-history-2025-05-26-scheduled.atom',
  'statuspage-feeds/githubstatus-history-2026-07-09-active.atom',
  'statuspage-feeds/githubstatus-history-2026-08-22.atom',
  'statuspage-feeds/parse-history-2014-01.rss',
  'statuspage-feeds/streamyard-history-2024-06.atom',
  'statuspage-feeds/streamyard-history-2024-06.rss',
  'statuspage-feeds/symantec-wss-history-2019-12-10.atom',
  'statuspage-feeds/symantec-wss-history-2020-01-02.atom',
  'statuspage-json/cursor-summary-2026-09-25-active-incident.json',
  'statuspage-json/githubstatus-incidents-2026-08-18-first5.json',
  'statuspage-json/githubstatus-summary-2026-09-25-operational.json',
];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

describe('captured feeds', () => {
  const onDisk = walk(FEEDS_DIR)
    .map((p) => relative(FEEDS_DIR, p).split('\\').join('/'))
    .filter((p) => !p.endsWith('.md'))
    .sort();

  it('every file in the feeds folder has a test', () => {
    expect(onDisk).toEqual([...TESTED].sort());
  });

  it('every feed except the HTML page parses, and its incidents are well-formed', async () => {
    for (const rel of onDisk.filter((p) => !p.startsWith('malformed/'))) {
      const s = await parseDocument(readFeed(rel), { url: 'https://status.example.com/feed', now: NOW });
      for (const i of [...s.activeIncidents, ...s.recentIncidents, ...s.scheduledMaintenances]) {
        expect(Number.isNaN(Date.parse(i.createdAt)), `${rel} ${i.id}`).toBe(false);
        expect(i.updatedAt.endsWith('Z') && i.createdAt.endsWith('Z'), `${rel} ${i.id}`).toBe(true);
        expect(i.title.length, rel).toBeGreaterThan(0);
        expect(i.updates.length, `${rel} ${i.id}`).toBeLessThanOrEqual(20);
      }
    }
  });
});
