/**
 * Issue 13 platform adapters on their documents: every fixture under tests/fixtures/platforms is parsed through
 * the real dispatcher (so detection is tested too) and checked for what it really contains. Documents that no
 * public source holds (see each MANIFEST.md) are written inline here, marked as shaped after the platform's
 * documentation, and test behaviour only.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../../shared/domain/types';
import { detectFormat, parseDocument } from '../../../shared/formats/registry';
import { readPlatformFixture } from '../../support/platform-fixtures';
import { NOW } from './parse-feed';

const parse = (body: string, url: string, now = NOW): Promise<ProviderStatus> => parseDocument(body, { url, now });
const fixture = (path: string, url: string, now = NOW): Promise<ProviderStatus> => parse(readPlatformFixture(path), url, now);

describe('instatus-json', () => {
  const url = 'https://instat.us/summary.json';
  const docNow = Date.parse('2022-06-11T19:30:00Z');

  it('the help-centre summary.json: one open MAJOROUTAGE incident, one maintenance not started yet', async () => {
    const s = await fixture('instatus/instatus-help-summary-example.json', url, docNow);
    expect([s.format, s.provider, s.pageUrl, s.coverage, s.indicator]).toEqual(['instatus-json', 'Instatus', 'https://instat.us/', 'active-only', 'minor']);
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.status, i.impact, i.createdAt])).toEqual([
      ['cl4a8n3070721qtmzvts760c4', "We're facing an issue with our API", 'investigating', 'critical', '2022-06-11T18:55:50.000Z'],
    ]);
    expect(s.activeIncidents[0]!.url).toBe('https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4');
    expect(s.activeIncidents[0]!.updates).toEqual([{ status: 'investigating', label: 'INVESTIGATING', text: '', at: '2022-06-11T18:55:50.000Z' }]);
    expect(s.health).toBe('major_outage');
    expect(s.scheduledMaintenances.map((m) => [m.id, m.title, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['cl4a8nlv50918qtmzdlw60ivu', 'Database maintenance', 'scheduled', '2022-06-11T18:55:54.000Z', '2022-06-11T19:55:54.000Z'],
    ]);
  });

  it('an open incident silent for 14 days is stale and no longer drives health to an outage', async () => {
    const s = await fixture('instatus/instatus-help-summary-example.json', url);
    expect(s.activeIncidents[0]!.stale).toBe(true);
    expect(s.health).toBe('degraded');
  });

  it('a page that is UP with empty lists is operational', async () => {
    const s = await parse('{"page":{"name":"Polymarket","url":"https://status.polymarket.com","status":"UP"},"activeIncidents":[],"activeMaintenances":[]}', 'https://status.polymarket.com/summary.json');
    expect([s.provider, s.health, s.indicator, s.activeIncidents]).toEqual(['Polymarket', 'operational', 'none', []]);
  });

  it('an incident without id or URL gets a stable hashed id', async () => {
    const body = '{"page":{"name":"X","status":"HASISSUES"},"activeIncidents":[{"name":"Slow API","started":"2026-09-30T10:00:00Z","status":"IDENTIFIED","impact":"PARTIALOUTAGE"}]}';
    const a = await parse(body, 'https://status.x.test/summary.json');
    const b = await parse(body, 'https://status.x.test/summary.json');
    expect(a.activeIncidents[0]!.id).toMatch(/^sha256:/);
    expect(a.activeIncidents[0]!.id).toBe(b.activeIncidents[0]!.id);
    expect([a.activeIncidents[0]!.status, a.activeIncidents[0]!.impact, a.health]).toEqual(['identified', 'major', 'partial_outage']);
  });

  it('/v2/components.json (shape per the Instatus components API): groups become component groups', async () => {
    const body = '{"components":[{"id":"a","name":"API","status":"OPERATIONAL"},{"id":"g","name":"Regions","status":"MAJOROUTAGE","children":[{"id":"e","name":"EU","status":"MAJOROUTAGE"},{"id":"u","name":"US","status":"UNDERMAINTENANCE"}]}]}';
    const s = await parse(body, 'https://status.x.test/v2/components.json');
    expect(s.format).toBe('instatus-json');
    expect(s.components).toEqual([
      { name: 'API', status: 'operational' },
      { name: 'EU', status: 'major_outage', group: 'Regions' },
      { name: 'US', status: 'under_maintenance', group: 'Regions' },
    ]);
    expect(s.health).toBe('major_outage');
  });
});

describe('betterstack-json', () => {
  it("the docs' index.json example: the company, its aggregate state, its announcement", async () => {
    const s = await fixture('betterstack/betterstack-docs-index-json-example.json', 'https://status.example.com/index.json');
    expect([s.format, s.provider, s.pageUrl, s.indicator, s.health, s.coverage]).toEqual(['betterstack-json', 'Your Company', 'https://status.example.com/', 'none', 'operational', 'history']);
    expect(s.description).toBe('Scheduled maintenance tonight at 2am EST');
    expect(s.documentUpdatedAt).toBe('2025-02-16T14:20:00.000Z');
    expect(s.components).toEqual([]);
  });

  it('resources become components in their sections; an open report with its updates is an active incident', async () => {
    const body = JSON.stringify({
      data: { id: '1', type: 'status_page', attributes: { company_name: 'Acme', subdomain: 'acme', aggregate_state: 'downtime' } },
      included: [
        { id: '10', type: 'status_page_section', attributes: { name: 'Core' } },
        { id: '20', type: 'status_page_resource', attributes: { public_name: 'API', status: 'downtime', status_page_section_id: 10 } },
        { id: '21', type: 'status_page_resource', attributes: { public_name: 'Web', status: 'operational', status_page_section_id: 10 } },
        { id: '22', type: 'status_page_resource', attributes: { public_name: 'Beta', status: 'not_monitored' } },
        { id: '30', type: 'status_report', attributes: { title: 'API down', report_type: 'manual', starts_at: '2026-09-30T10:00:00Z', ends_at: null, affected_resources: [{ status_page_resource_id: '20', status: 'downtime' }] } },
        { id: '31', type: 'status_report', attributes: { title: 'Old blip', report_type: 'automatic', starts_at: '2026-09-01T10:00:00Z', ends_at: '2026-09-01T11:00:00Z' } },
        { id: '32', type: 'status_report', attributes: { title: 'DB upgrade', report_type: 'maintenance', starts_at: '2026-10-05T01:00:00Z', ends_at: '2026-10-05T02:00:00Z' } },
        { id: '40', type: 'status_update', attributes: { message: 'Looking into it', published_at: '2026-09-30T10:05:00Z', status_report_id: 30 } },
        { id: '41', type: 'status_update', attributes: { message: 'Fix deployed', published_at: '2026-09-30T11:00:00Z', status_report_id: 30 } },
      ],
    });
    const s = await parse(body, 'https://acme.betteruptime.com/index.json');
    expect(s.pageUrl).toBe('https://acme.betteruptime.com/');
    expect(s.components).toEqual([
      { name: 'API', status: 'major_outage', group: 'Core' },
      { name: 'Web', status: 'operational', group: 'Core' },
    ]);
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.impact, i.components, i.updates.map((u) => u.text)])).toEqual([
      ['30', 'API down', 'critical', ['API'], ['Fix deployed', 'Looking into it']],
    ]);
    expect(s.recentIncidents.map((i) => [i.id, i.status])).toEqual([['31', 'resolved']]);
    expect(s.scheduledMaintenances.map((i) => [i.id, i.status, i.scheduledFor])).toEqual([['32', 'scheduled', '2026-10-05T01:00:00.000Z']]);
    expect([s.indicator, s.health]).toEqual(['major', 'major_outage']);
  });
});

describe('statusio-json', () => {
  it('the Status.io knowledge-base example: one component in two containers, all operational', async () => {
    const s = await fixture('statusio/statusio-kb-public-status-api-example.json', 'https://api.status.io/1.0/status/51f6f2088643809b7200000d');
    expect([s.format, s.provider, s.indicator, s.description, s.health, s.coverage]).toEqual(['statusio-json', 'Status.io page 51f6f2088643809b7200000d', 'none', 'Operational', 'operational', 'active-only']);
    expect(s.components).toEqual([
      { name: 'Website (US-West)', status: 'operational', group: 'Website' },
      { name: 'Website (US-East)', status: 'operational', group: 'Website' },
    ]);
    expect(s.documentUpdatedAt).toBe('2016-01-29T22:57:03.079Z');
    expect(s.pageUrl).toBeUndefined();
  });

  it('status codes map to component states; incidents read their messages; upcoming maintenance is scheduled', async () => {
    const body = JSON.stringify({
      result: {
        status_overall: { updated: '2026-09-30T10:00:00Z', status: 'Partial Service Disruption', status_code: 400 },
        status: [{ id: 'a', name: 'API', status: 'Partial Service Disruption', status_code: 400, containers: [{ id: 'c', name: 'EU', status_code: 400 }] }],
        incidents: [{ _id: 'i1', name: 'API errors', datetime_open: '2026-09-30T09:00:00Z', components_affected: [{ name: 'API' }], messages: [{ details: '<p>Looking</p>', state: 100, datetime: '2026-09-30T09:00:00Z' }, { details: 'Found it', state: 200, datetime: '2026-09-30T09:30:00Z' }] }],
        maintenance: { active: [], upcoming: [{ _id: 'm1', name: 'Upgrade', datetime_planned_start: '2026-10-10T00:00:00Z', datetime_planned_end: '2026-10-10T02:00:00Z', messages: [] }] },
      },
    });
    const s = await parse(body, 'https://status.gitlab.com/1.0/status/5b36dc6502d06804c08349f7');
    expect([s.provider, s.indicator, s.health]).toEqual(['status.gitlab.com', 'major', 'partial_outage']);
    expect(s.components).toEqual([{ name: 'API', status: 'partial_outage' }]);
    const i = s.activeIncidents[0]!;
    expect([i.id, i.status, i.impact, i.components, i.updates.map((u) => [u.status, u.text])]).toEqual(['i1', 'identified', 'major', ['API'], [['identified', 'Found it'], ['investigating', 'Looking']]]);
    expect(s.scheduledMaintenances.map((m) => [m.id, m.status, m.scheduledUntil])).toEqual([['m1', 'scheduled', '2026-10-10T02:00:00.000Z']]);
  });
});

describe('cachet-json', () => {
  it("Yoti's published /api/v1/components response: seven operational components", async () => {
    const s = await fixture('cachet/yoti-components-v1.json', 'https://status.yoti.com/api/v1/components');
    expect([s.format, s.provider, s.pageUrl, s.health, s.coverage]).toEqual(['cachet-json', 'status.yoti.com', 'https://status.yoti.com/', 'operational', 'active-only']);
    expect(s.components.map((c) => c.name)).toEqual(['Yoti Website', 'Yoti Age Scan', 'Yoti App', 'Yoti Doc Scan', 'Yoti Doc Scan', 'Yoti Sign', 'Yoti Hub']);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
  });

  it('component status numbers 2-4 map to degraded, partial and major outage; disabled components are left out', async () => {
    const body = '{"meta":{"pagination":{"total":4}},"data":[{"id":1,"name":"A","status":2,"enabled":true},{"id":2,"name":"B","status":3},{"id":3,"name":"C","status":"4"},{"id":4,"name":"D","status":4,"enabled":false}]}';
    const s = await parse(body, 'https://status.example.org/api/v1/components');
    expect(s.components).toEqual([
      { name: 'A', status: 'degraded_performance' },
      { name: 'B', status: 'partial_outage' },
      { name: 'C', status: 'major_outage' },
    ]);
    expect(s.health).toBe('major_outage');
  });

  it('an incidents list: Watching is monitoring, Fixed is resolved, Scheduled is a maintenance; zone-less dates are UTC', async () => {
    const body = '{"meta":{"pagination":{"total":3}},"data":[{"id":7,"name":"Slow","message":"We are watching","status":3,"human_status":"Watching","visible":1,"created_at":"2026-09-30 10:00:00","updated_at":"2026-09-30 11:00:00"},{"id":6,"name":"Old","message":"Done","status":4,"visible":1,"created_at":"2026-09-01 10:00:00","updated_at":"2026-09-01 12:00:00"},{"id":8,"name":"Upgrade","message":"Planned","status":0,"visible":1,"scheduled_at":"2026-10-09 00:00:00","created_at":"2026-09-29 00:00:00","updated_at":"2026-09-29 00:00:00"}]}';
    const s = await parse(body, 'https://status.example.org/api/v1/incidents');
    expect(s.coverage).toBe('history');
    expect(s.activeIncidents.map((i) => [i.id, i.status, i.updatedAt, i.url])).toEqual([['7', 'monitoring', '2026-09-30T11:00:00.000Z', 'https://status.example.org/incidents/7']]);
    expect(s.recentIncidents.map((i) => [i.id, i.status])).toEqual([['6', 'resolved']]);
    expect(s.scheduledMaintenances.map((i) => [i.id, i.kind, i.scheduledFor])).toEqual([['8', 'maintenance', '2026-10-09T00:00:00.000Z']]);
  });

  it('Cachet 3 (JSON:API) components with {human, value} statuses', async () => {
    const body = '{"data":[{"id":"1","type":"components","attributes":{"id":1,"name":"API","status":{"human":"Partial Outage","value":3},"enabled":true}}]}';
    const s = await parse(body, 'https://demo.cachethq.io/api/components');
    expect(s.components).toEqual([{ name: 'API', status: 'partial_outage' }]);
  });
});

describe('gatus-json', () => {
  it("Gatus's own API test body: one endpoint whose newest result failed", async () => {
    const s = await fixture('gatus/gatus-api-endpoints-statuses-test-expected.json', 'https://status.twin.sh/api/v1/endpoints/statuses');
    expect([s.format, s.provider, s.health, s.coverage]).toEqual(['gatus-json', 'status.twin.sh', 'major_outage', 'active-only']);
    expect(s.components).toEqual([{ name: 'name', status: 'major_outage', group: 'group' }]);
  });

  it('the last result decides, groups[] (newer Gatus) names the group, endpoints without results are left out', async () => {
    const body = '[{"name":"web","groups":["core"],"key":"core_web","results":[{"success":false},{"success":true}]},{"name":"new","key":"_new","results":[]}]';
    const s = await parse(body, 'https://gatus.example.org/api/v1/endpoints/statuses');
    expect(s.components).toEqual([{ name: 'web', status: 'operational', group: 'core' }]);
    expect(s.health).toBe('operational');
  });
});

describe('uptimekuma-json (inline documents shaped per status-page-router.js; the real capture: platform-captures.test.ts)', () => {
  it('the heartbeat document: the newest beat of each monitor decides its state', async () => {
    const body = '{"heartbeatList":{"1":[{"status":0,"time":"2026-09-30 10:00:00"},{"status":1,"time":"2026-09-30 10:01:00"}],"2":[{"status":0,"time":"2026-09-30 10:01:00","msg":"timeout"}],"3":[{"status":3}],"4":[]},"uptimeList":{"1_24":0.99}}';
    const s = await parse(body, 'https://kuma.example.org/api/status-page/heartbeat/main');
    expect([s.format, s.pageUrl, s.health]).toEqual(['uptimekuma-json', 'https://kuma.example.org/status/main', 'major_outage']);
    expect(s.components).toEqual([
      { name: 'Monitor 1', status: 'operational' },
      { name: 'Monitor 2', status: 'major_outage' },
      { name: 'Monitor 3', status: 'under_maintenance' },
    ]);
  });

  it('the page document: the pinned incident is open, maintenances by their status, inactive ones skipped', async () => {
    const body = JSON.stringify({
      config: { slug: 'main', title: 'Example Services', description: 'Our services' },
      incident: { id: 5, title: 'Mail delayed', content: 'Queue backlog', style: 'danger', createdDate: '2026-09-30 09:00:00', lastUpdatedDate: '2026-09-30 09:30:00' },
      publicGroupList: [{ id: 1, name: 'Core', monitorList: [{ id: 1, name: 'Mail' }] }],
      maintenanceList: [
        { id: 2, title: 'DB move', description: 'Moving', status: 'under-maintenance', timeslotList: [{ startDate: '2026-09-30 08:00:00', endDate: '2026-09-30 12:00:00' }] },
        { id: 3, title: 'Off', status: 'inactive' },
      ],
    });
    const s = await parse(body, 'https://kuma.example.org/api/status-page/main');
    expect([s.provider, s.description]).toEqual(['Example Services', 'Our services']);
    expect(s.activeIncidents.map((i) => [i.id, i.kind, i.status, i.impact, i.updatedAt])).toEqual([
      ['incident-5', 'incident', 'investigating', 'major', '2026-09-30T09:30:00.000Z'],
      ['maintenance-2', 'maintenance', 'in_progress', 'maintenance', '2026-09-30T08:00:00.000Z'],
    ]);
    expect(s.health).toBe('partial_outage');
  });
});

describe('statuspal-json (no public capture; shape per statuspal.io/api-docs/v2)', () => {
  it('services by current_incident_type, children grouped, incidents with updates, ended ones resolved', async () => {
    const body = JSON.stringify({
      status_page: { name: 'Booxi', url: 'https://status.booxi.com', subdomain: 'booxi', current_incident_type: 'major' },
      services: [
        { id: 1, name: 'Web', current_incident_type: null, children: [] },
        { id: 2, name: 'API', current_incident_type: null, children: [{ id: 3, name: 'REST', current_incident_type: 'major', children: [] }] },
      ],
      incidents: [
        { id: 9, title: 'REST errors', type: 'major', starts_at: '2026-09-30T10:00:00', ends_at: null, service_ids: [3], updates: [{ type: 'issue', description: 'Investigating', posted_at: '2026-09-30T10:00:00' }] },
        { id: 8, title: 'Done', type: 'minor', starts_at: '2026-09-29T10:00:00', ends_at: '2026-09-29T11:00:00', updates: [{ type: 'update', description: 'x', posted_at: '2026-09-29T10:10:00' }] },
      ],
      maintenances: [],
      upcoming_maintenances: [{ id: 7, title: 'Upgrade', type: 'scheduled', starts_at: '2026-10-09T00:00:00', ends_at: '2026-10-09T01:00:00', updates: [] }],
    });
    const s = await parse(body, 'https://statuspal.io/api/v2/status_pages/booxi/summary');
    expect([s.format, s.provider, s.pageUrl, s.indicator, s.health]).toEqual(['statuspal-json', 'Booxi', 'https://status.booxi.com/', 'critical', 'major_outage']);
    expect(s.components).toEqual([
      { name: 'Web', status: 'operational' },
      { name: 'REST', status: 'major_outage', group: 'API' },
    ]);
    expect(s.activeIncidents.map((i) => [i.id, i.status, i.impact, i.components, i.createdAt])).toEqual([['9', 'investigating', 'critical', ['REST'], '2026-09-30T10:00:00.000Z']]);
    expect(s.recentIncidents.map((i) => [i.id, i.status])).toEqual([['8', 'resolved']]);
    expect(s.scheduledMaintenances.map((i) => [i.id, i.status])).toEqual([['7', 'scheduled']]);
  });
});

describe('sorry-json, site24x7-json (no public capture), cstate-json (inline; the real capture: platform-captures.test.ts); shapes per inket/stts and cstate layouts/index.json', () => {
  it('Sorry components: degraded is an outage, partially-degraded a degradation, parents give their group', async () => {
    const body = '{"response":[{"id":"1","name":"App","state":"operational"},{"id":"2","name":"Regions","state":"partially-degraded"},{"id":"3","name":"EU","state":"degraded","parent_id":"2"}]}';
    const s = await parse(body, 'https://api.sorryapp.com/v1/pages/2273/components');
    expect([s.format, s.provider, s.health]).toEqual(['sorry-json', 'Sorry page 2273', 'major_outage']);
    expect(s.components).toEqual([
      { name: 'App', status: 'operational' },
      { name: 'EU', status: 'major_outage', group: 'Regions' },
    ]);
  });

  it('Site24x7 groups and lone components by status code', async () => {
    const body = '{"data":{"current_status":[{"componentgroup_display_name":"Data centers","componentgroup_status":5,"componentgroup_components":[{"display_name":"US","component_status":1},{"display_name":"EU","component_status":5}]},{"display_name":"Website","component_status":4}]}}';
    const s = await parse(body, 'https://status.site24x7.com/sp/api/public/summary_details/statuspages/abc=');
    expect(s.format).toBe('site24x7-json');
    expect(s.components).toEqual([
      { name: 'US', status: 'operational', group: 'Data centers' },
      { name: 'EU', status: 'partial_outage', group: 'Data centers' },
      { name: 'Website', status: 'under_maintenance' },
    ]);
    expect(s.health).toBe('partial_outage');
  });

  it('cState systems by category and their unresolved issues, each read once', async () => {
    const issue = { is: 'issue', title: 'Login fails', createdAt: '2026-09-30 10:00:00 +0000 UTC', lastMod: '2026-09-30 10:30:00 +0000 UTC', permalink: 'https://status.civo.com/issues/login/', severity: 'down', resolved: false, affected: ['Auth', 'API'] };
    const body = JSON.stringify({ is: 'index', cStateVersion: '5.2', apiVersion: '2.0', title: 'Civo Status', baseURL: 'https://status.civo.com/', summaryStatus: 'down', systems: [{ name: 'Auth', category: 'Core', status: 'down', unresolvedIssues: [issue] }, { name: 'API', category: 'Core', status: 'down', unresolvedIssues: [issue] }, { name: 'Docs', category: 'Web', status: 'ok', unresolvedIssues: [] }] });
    const s = await parse(body, 'https://status.civo.com/index.json');
    expect([s.format, s.provider, s.indicator, s.health]).toEqual(['cstate-json', 'Civo Status', 'critical', 'major_outage']);
    expect(s.components.map((c) => [c.name, c.status, c.group])).toEqual([['Auth', 'major_outage', 'Core'], ['API', 'major_outage', 'Core'], ['Docs', 'operational', 'Web']]);
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.impact, i.createdAt, i.updatedAt, i.components])).toEqual([
      ['https://status.civo.com/issues/login/', 'Login fails', 'critical', '2026-09-30T10:00:00.000Z', '2026-09-30T10:30:00.000Z', ['Auth', 'API']],
    ]);
  });
});

describe('detection', () => {
  it('each platform document is claimed by its own adapter, and Statuspage documents still by Statuspage', () => {
    const cases: Array<[string, string, string]> = [
      [readPlatformFixture('instatus/instatus-help-summary-example.json'), 'https://instat.us/summary.json', 'instatus-json'],
      [readPlatformFixture('betterstack/betterstack-docs-index-json-example.json'), 'https://status.example.com/index.json', 'betterstack-json'],
      [readPlatformFixture('statusio/statusio-kb-public-status-api-example.json'), 'https://api.status.io/1.0/status/x', 'statusio-json'],
      [readPlatformFixture('cachet/yoti-components-v1.json'), 'https://status.yoti.com/api/v1/components', 'cachet-json'],
      [readPlatformFixture('gatus/gatus-api-endpoints-statuses-test-expected.json'), 'https://g.example/api/v1/endpoints/statuses', 'gatus-json'],
      ['{"page":{"id":"x","name":"GitHub","url":"https://www.githubstatus.com","updated_at":"2026-01-01T00:00:00Z"},"status":{"indicator":"none"}}', 'https://www.githubstatus.com/api/v2/status.json', 'statuspage-json'],
    ];
    for (const [body, url, id] of cases) expect(detectFormat(body, { url })?.id, url).toBe(id);
  });
});
