/** Statuspage API v2, Google Cloud, Slack, Upptime, Yandex Cloud and AWS data.json captures. */
import { describe, expect, it } from 'vitest';
import { byId, parseFeed } from './parse-feed';

describe('statuspage-json', () => {
  it('Cursor summary: active minor incident on Grok Bot, indicator minor, components from position 7', async () => {
    const s = await parseFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json', 'https://status.cursor.com/api/v2/summary.json');
    expect(s.format).toBe('statuspage-json');
    expect(s.provider).toBe('Cursor');
    expect(s.coverage).toBe('active-only');
    expect([s.indicator, s.description]).toEqual(['minor', 'Partially Degraded Service']);
    expect(s.health).toBe('degraded');
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.status, i.impact, i.components])).toEqual([
      ['bfcck6qks18q', 'Investigating service degradation — Grok Bot', 'investigating', 'minor', ['Grok Bot']],
    ]);
    expect(s.activeIncidents[0]!.updates.map((u) => u.status)).toEqual(['investigating']);
    expect(s.activeIncidents[0]!.url).toBe('https://status.cursor.com/incidents/bfcck6qks18q');
    expect(s.activeIncidents[0]!.stale).toBeUndefined(); // 2026-09-25 is within 14 days of NOW
    expect(s.components).toHaveLength(8);
    expect(s.components.find((c) => c.name === 'Grok Bot')?.status).toBe('degraded_performance');
    expect(s.components[0]).toEqual({ name: 'Automations', status: 'operational' });
  });

  it('GitHub summary: all operational, 12 components including the showcase:false placeholder', async () => {
    const s = await parseFeed('statuspage-json/githubstatus-summary-2026-09-25-operational.json', 'https://www.githubstatus.com/api/v2/summary.json');
    expect([s.provider, s.health, s.indicator, s.description]).toEqual(['GitHub', 'operational', 'none', 'All Systems Operational']);
    expect(s.activeIncidents).toEqual([]);
    expect(s.scheduledMaintenances).toEqual([]);
    expect(s.components).toHaveLength(12);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
    expect(s.components.map((c) => c.name)).toContain('Visit www.githubstatus.com for more information');
    expect(s.documentUpdatedAt).toBe('2026-09-25T22:24:05.328Z');
  });

  it('GitHub incidents.json: 5 resolved incidents with impacts minor/major/critical/minor/minor, history coverage', async () => {
    const s = await parseFeed('statuspage-json/githubstatus-incidents-2026-08-18-first5.json', 'https://www.githubstatus.com/api/v2/incidents.json');
    expect(s.coverage).toBe('history');
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents.map((i) => i.impact).sort()).toEqual(['critical', 'major', 'minor', 'minor', 'minor']);
    expect(s.recentIncidents.every((i) => i.status === 'resolved')).toBe(true);
    const first = byId(s, 'bmpybhnrky3x');
    expect(first.title).toBe('Intermittent failures in runner group and runner-related permissions pages');
    expect(first.updates).toHaveLength(5);
    expect(first.updates[0]!.status).toBe('resolved');
    expect(first.updatedAt).toBe(first.updates[0]!.at);
  });

  it('coverage follows the endpoint: unresolved.json is active-only even without components', async () => {
    const s = await parseFeed('statuspage-json/githubstatus-incidents-2026-08-18-first5.json', 'https://www.githubstatus.com/api/v2/incidents/unresolved.json');
    expect(s.coverage).toBe('active-only');
  });
});

describe('gcp-json', () => {
  it('2026-08-18 first 2: both ended (resolved), SERVICE_DISRUPTION → major, products as components', async () => {
    const s = await parseFeed('gcp/gcp-incidents-2026-08-18-first2.json', 'https://status.cloud.google.com/incidents.json');
    expect([s.format, s.provider, s.coverage, s.health]).toEqual(['gcp-json', 'Google Cloud', 'history', 'operational']);
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents).toHaveLength(2);
    const gcve = byId(s, '3BvH3LVGcupoYqV6F4Nw');
    expect([gcve.status, gcve.impact]).toEqual(['resolved', 'major']);
    expect(gcve.url).toBe('https://status.cloud.google.com/incidents/3BvH3LVGcupoYqV6F4Nw');
    expect(gcve.components).toContain('Bare Metal Solution');
    expect(gcve.updates[0]!.status).toBe('resolved');
  });

  it('2026-03 subset: 5 ended incidents; SERVICE_OUTAGE → critical, SERVICE_INFORMATION → minor', async () => {
    const s = await parseFeed('gcp/gcp-incidents-2026-03-subset.json', 'https://status.cloud.google.com/incidents.json');
    expect(s.recentIncidents).toHaveLength(5);
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents.map((i) => i.impact).sort()).toEqual(['critical', 'critical', 'major', 'major', 'minor']);
  });
});

describe('slack-json', () => {
  it('history: #1576 active with 6 notes, 4 resolved', async () => {
    const s = await parseFeed('slack/slack-history-2026-08-18.json', 'https://slack-status.com/api/v2.0.0/history');
    expect([s.format, s.provider, s.coverage]).toEqual(['slack-json', 'Slack', 'history']);
    expect(s.activeIncidents.map((i) => [i.id, i.status, i.updates.length])).toEqual([['1576', 'investigating', 6]]);
    const active = s.activeIncidents[0]!;
    expect(active.title).toBe('Trouble Accessing Historical Messages With Custom Data Retention Policies Enabled');
    expect(active.components).toEqual(['Messaging', 'Workspace/Org Administration']);
    expect(active.updates.at(-1)!.text).toMatch(/^Users with custom data retention policies enabled/);
    expect(active.updates.every((u) => !u.text.includes('<p>'))).toBe(true);
    expect(active.stale).toBe(true);
    expect(s.recentIncidents.map((i) => i.id)).toEqual(['1575', '1574', '1573', '1572']);
    expect(s.health).toBe('degraded');
  });
});

describe('upptime-json', () => {
  it('one site down → that component major_outage, provider from the repository URL', async () => {
    const s = await parseFeed('other/upptime-summary-2024-01-19-one-down.json', 'https://raw.githubusercontent.com/Master-Hash/upptime-service/master/history/summary.json');
    expect([s.format, s.provider, s.coverage, s.health]).toEqual(['upptime-json', 'Master-Hash/upptime-service', 'active-only', 'major_outage']);
    expect(s.components).toHaveLength(10);
    expect(s.components.filter((c) => c.status !== 'operational')).toEqual([{ name: 'RSSHub', status: 'major_outage' }]);
  });
});

describe('yandex-json', () => {
  it('20 incidents; #1014 (status open, endDate set, newest comment "resolved") counts as resolved', async () => {
    const s = await parseFeed('other/yandexcloud-status-incidents-2024-12.json', 'https://status.yandex.cloud/api/incidents');
    expect([s.format, s.provider, s.health]).toEqual(['yandex-json', 'Yandex Cloud', 'operational']);
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents).toHaveLength(20);
    const open = byId(s, '1014');
    expect(open.title).toBe('Проблема с сетью у новых виртуальных машин');
    expect(open.status).toBe('resolved');
    expect(open.updates.map((u) => u.label)).toEqual(['resolved', 'update', 'investigation']);
    expect(open.components).toEqual(['Compute Cloud', 'Virtual Private Cloud']);
    expect(byId(s, '1011').impact).toBe('critical'); // level 2 "Unavailable"
  });
});

describe('aws-json', () => {
  it('legacy data.json: no current events, archive events resolved with epoch-second dates and HTML stripped', async () => {
    const s = await parseFeed('aws/aws-shd-data-2022-07.json', 'https://status.aws.amazon.com/data.json');
    expect([s.format, s.provider, s.health, s.pageUrl]).toEqual(['aws-json', 'Amazon Web Services', 'operational', 'https://status.aws.amazon.com']);
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents).toHaveLength(25);
    // Newest archive event; recentIncidents keeps the 25 newest of 86.
    const billing = byId(s, 'billingconsole_1655342154');
    expect([billing.title, billing.status, billing.createdAt, billing.components]).toEqual([
      'Incorrect Free Tier Email Alerts', 'resolved', '2022-06-16T01:15:54.000Z', ['AWS Billing Console'],
    ]);
    expect(billing.updates[0]!.text).toMatch(/^6:15 PM PDT We are investigating customers receiving email/);
    expect(s.recentIncidents.every((i) => i.updates.every((u) => !u.text.includes('<')))).toBe(true);
  });
});
