/** incident.io RSS, AWS RSS, Azure RSS and the generic RSS adapter on LambStatus. */
import { describe, expect, it } from 'vitest';
import { byId, parseFeed } from './parse-feed';

describe('incidentio-feed', () => {
  it('OpenAI: exactly one active incident, "Elevated errors in ChatGPT Space Pages", monitoring', async () => {
    const s = await parseFeed('incidentio/openai-history-rss-2026-10-01.rss', 'https://status.openai.com/history.rss');
    expect([s.format, s.provider, s.coverage, s.health]).toEqual(['incidentio-feed', 'OpenAI status', 'history', 'degraded']);
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.status, i.impact, i.components])).toEqual([
      ['https://status.openai.com/incidents/01M3R1T4FCR1337FBBYY9K2RPB', 'Elevated errors in ChatGPT Space Pages', 'monitoring', 'minor', ['Space']],
    ]);
    const active = s.activeIncidents[0]!;
    expect(active.updates).toEqual([
      { status: 'monitoring', label: 'Status: Monitoring', text: 'We have applied mitigations and are monitoring the recovery.', at: '2026-09-30T15:00:05.000Z' },
    ]);
    expect(s.components.find((c) => c.name === 'Space')?.status).toBe('degraded_performance');
    expect(s.recentIncidents).toHaveLength(25); // 95 resolved, capped
  });

  it('normalises //incidents/ links, trims titles, dedupes duplicated components', async () => {
    const s = await parseFeed('incidentio/openai-history-rss-2026-10-01.rss', 'https://status.openai.com/history.rss');
    const all = [...s.activeIncidents, ...s.recentIncidents];
    expect(all.every((i) => i.url?.startsWith('https://status.openai.com/incidents/'))).toBe(true);
    expect(all.every((i) => i.title === i.title.trim())).toBe(true);
    expect(all.every((i) => new Set(i.components).size === i.components.length)).toBe(true);
    expect(all.some((i) => i.components.includes('Login'))).toBe(true);
  });
});

describe('aws-rss', () => {
  it('groups the 20-update Direct Connect chain into one incident closed by [RESOLVED]', async () => {
    const s = await parseFeed('aws/aws-all-rss-2026-08-18.rss', 'https://status.aws.amazon.com/rss/all.rss');
    expect([s.format, s.coverage, s.documentUpdatedAt]).toEqual(['aws-rss', 'history', '2026-08-18T12:20:30.000Z']);
    const dx = byId(s, 'https://status.aws.amazon.com/#directconnect-eu-central-1_1786765379');
    expect([dx.title, dx.status, dx.impact, dx.components]).toEqual(['Increased Packet loss', 'resolved', 'major', ['directconnect-eu-central-1']]);
    expect(dx.updates).toHaveLength(20);
    expect(dx.updates[0]!.label).toBe('Service is operating normally');
    expect(dx.updatedAt).toBe('2026-08-18T04:01:19.000Z'); // Mon, 17 Aug 2026 21:01:19 PDT
    expect(dx.createdAt).toBe('2026-08-15T03:42:59.000Z');
  });

  it('the unresolved Middle East chains stay open (stale), one per service+region', async () => {
    const s = await parseFeed('aws/aws-all-rss-2026-08-18.rss', 'https://status.aws.amazon.com/rss/all.rss');
    expect(s.activeIncidents.map((i) => [i.components[0], i.status, i.impact, i.stale, i.updates.length])).toEqual([
      ['multipleservices-me-central-1', 'investigating', 'critical', true, 17],
      ['multipleservices-me-south-1', 'investigating', 'critical', true, 13],
    ]);
    expect(s.health).toBe('degraded'); // stale incidents count at most as degraded
  });
});

describe('azure-rss', () => {
  it('empty channel (CR CR LF, "Z" zone): operational, active-only, no incidents', async () => {
    const s = await parseFeed('azure/azure-status-feed-2026-08-07-empty.xml', 'https://azure.status.microsoft/en-us/status/feed/');
    expect([s.format, s.provider, s.health, s.coverage]).toEqual(['azure-rss', 'Azure Status', 'operational', 'active-only']);
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents).toEqual([]);
    expect(s.documentUpdatedAt).toBe('2026-08-07T04:04:00.000Z');
  });
});

describe('rss (generic) on LambStatus', () => {
  it('reads Statuspage-style markup with years; one monitoring incident, one scheduled maintenance, one resolved', async () => {
    const s = await parseFeed('other/lambstatus-demo-history-2017-10.rss', 'https://lambstatus.github.io/demo-status/history.rss');
    expect([s.format, s.provider]).toEqual(['rss', 'MyService Status - Incident History']);
    expect(s.activeIncidents.map((i) => [i.title, i.status, i.updates.map((u) => u.label)])).toEqual([
      ['DNS resolution issues', 'monitoring', ['Monitoring', 'Monitoring', 'Investigating']],
    ]);
    expect(s.scheduledMaintenances.map((i) => [i.title, i.kind, i.scheduledFor])).toEqual([
      ['Network maintenance', 'maintenance', '2017-10-15T06:45:00.000Z'],
    ]);
    const done = s.recentIncidents.map((i) => [i.title, i.status, i.updates[0]!.at]);
    expect(done).toEqual([['Delayed webhook deliveries', 'resolved', '2017-05-13T06:41:00.000Z']]);
  });
});
