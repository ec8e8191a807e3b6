/**
 * Hund (`hund-sse`) and Freshstatus (`freshstatus-json`). Hund: the two init_event examples of Hund's own docs
 * (tests/fixtures/platforms/hund, vendor documentation examples, no public capture exists), wrapped in the SSE
 * framing. Freshstatus: no document exists in any public source, so the documents here are written inline,
 * shaped after code that reads the live API (see tests/fixtures/platforms/freshstatus/MANIFEST.md).
 */
import { describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../../shared/domain/types';
import { firstInitEventData } from '../../../shared/formats/adapters/hund';
import { detectFormat, parseDocument } from '../../../shared/formats/registry';
import { LIMITS } from '../../../shared/formats/read/limits';
import { FormatError } from '../../../shared/formats/types';
import { readPlatformFixture } from '../../support/platform-fixtures';

const NOW = Date.parse('2016-06-21T00:00:00Z');
const HUND_URL = 'https://cicd-docs.hund.io/live/v2/status_page';
const sse = (data: string, event = 'init_event') => `event: ${event}\ndata: ${data.split('\n').join('\ndata: ')}\n\n`;
const parse = (body: string, url: string, now = NOW, contentType?: string): Promise<ProviderStatus> =>
  parseDocument(body, { url, now, ...(contentType ? { contentType } : {}) });

async function failure(body: string, url: string): Promise<FormatError> {
  try {
    await parse(body, url);
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return err as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('hund-sse', () => {
  it("the v2 docs' init_event: a degraded page with one standing issue on two components", async () => {
    const s = await parse(sse(readPlatformFixture('hund/hund-docs-live-v2-init-event-example.json')), HUND_URL);
    expect([s.format, s.provider, s.pageUrl, s.indicator, s.coverage, s.health]).toEqual(['hund-sse', 'cicd-docs.hund.io', 'https://cicd-docs.hund.io/', 'minor', 'active-only', 'degraded']);
    expect(s.components).toEqual([]); // plain names carry no state
    expect(s.activeIncidents).toHaveLength(1);
    const i = s.activeIncidents[0]!;
    expect([i.id, i.kind, i.title, i.status, i.impact, i.createdAt, i.components]).toEqual([
      '57630a2b8fbb654829473756', 'incident', 'Heavy Load', 'investigating', 'minor', '2016-06-20T23:10:35.000Z', ['Website', 'Database'],
    ]);
    expect(i.updates).toEqual([{ status: 'investigating', label: 'investigating', text: "We're working on it.", at: '2016-06-20T23:10:35.000Z' }]);
    expect(i.url).toBe('https://cicd-docs.hund.io/issues/57630a2b8fbb654829473756');
  });

  it("the v1 docs' init_event: one `component` string", async () => {
    const s = await parse(sse(readPlatformFixture('hund/hund-docs-live-v1-init-event-example.json')), 'https://example.hund.io/live');
    expect(s.activeIncidents.map((i) => [i.title, i.components])).toEqual([['Heavy Load', ['Website']]]);
  });

  it('v2 component objects give components with their state; an outage page is critical; updates are read', async () => {
    const data = JSON.stringify({
      state: 'outage',
      percent_uptime: 99.5,
      issues: [
        {
          id: 'a1', title: 'DB down', body: '<p>Looking</p>', label: 'Investigating', standing: true, scheduled: false, created_at: 1466464235,
          components: [{ id: 'c1', name: 'a1', state: 'outage' }, { id: 'c2', name: 'a2', description: null, state: 'degraded' }],
          updates: [{ body: '<p>Found it</p>', label: 'Identified', created_at: 1466465235 }],
        },
        { id: 'm1', title: 'Upgrade', body: 'Soon', label: 'Scheduled', standing: false, scheduled: true, created_at: 1466464000, components: ['a1'] },
      ],
    });
    const s = await parse(sse(data), HUND_URL);
    expect(s.components).toEqual([{ name: 'a1', status: 'major_outage' }, { name: 'a2', status: 'degraded_performance' }]);
    expect([s.indicator, s.health]).toEqual(['critical', 'major_outage']);
    expect(s.activeIncidents.map((i) => [i.id, i.status, i.impact, i.updates.map((u) => u.text)])).toEqual([['a1', 'identified', 'critical', ['Found it', 'Looking']]]);
    expect(s.scheduledMaintenances.map((m) => [m.id, m.kind, m.status])).toEqual([['m1', 'maintenance', 'scheduled']]);
  });

  it('an operational page with no issues; comments and CRLF framing are read as the SSE standard says', async () => {
    const body = ':ok\r\n\r\nretry: 5000\r\n\r\nevent: init_event\r\ndata: {"state":"operational",\r\ndata: "issues":[]}\r\n\r\n';
    const s = await parse(body, HUND_URL, NOW, 'text/event-stream');
    expect([s.health, s.indicator, s.activeIncidents]).toEqual(['operational', 'none', []]);
  });

  it('an issue no longer standing is resolved whatever its last label says', async () => {
    const data = JSON.stringify({ state: 'operational', issues: [{ id: 'x', title: 'Old', body: 'b', label: 'Monitoring', standing: false, scheduled: false, created_at: 1466464235 }] });
    const s = await parse(sse(data), HUND_URL);
    expect([s.activeIncidents.length, s.recentIncidents.map((i) => i.status)]).toEqual([0, ['resolved']]);
  });

  it('firstInitEventData skips other events and joins data lines', () => {
    expect(firstInitEventData('event: ping\n\nevent: init_event\ndata: {"a":\ndata: 1}\n\n')).toBe('{"a":\n1}');
    expect(firstInitEventData('event: degraded\ndata: {}\n\n')).toBeUndefined();
  });

  it('hostile: no init_event, broken JSON, wrong shape, script in text and javascript: are parse errors or cleaned', async () => {
    expect((await failure('event: degraded\ndata: {}\n\n', HUND_URL)).code).toBe('parse');
    expect((await failure(sse('{"state": "degraded", "issues": ['), HUND_URL)).code).toBe('parse');
    expect((await failure(sse('{"state": 5, "issues": "nope"}'), HUND_URL)).code).toBe('parse');
    const data = JSON.stringify({ state: 'degraded', issues: [{ id: 'x', title: '<script>alert(1)</script>Title', body: '<img src=x onerror=alert(1)><b>Bold</b>', standing: true, created_at: 'not a date' }, { title: 'no id' }, 'junk'] });
    const s = await parse(sse(data), 'javascript:alert(1)//live/v2/status_page');
    expect(s.activeIncidents).toHaveLength(1);
    expect(s.activeIncidents[0]!.title).not.toMatch(/<|script/i);
    expect(s.activeIncidents[0]!.updates[0]!.text).toBe('Bold');
    expect(s.activeIncidents[0]!.url).toBeUndefined();
    expect(s.pageUrl).toBeUndefined();
  });

  it('a thousand issues are capped', async () => {
    const issues = Array.from({ length: 1000 }, (_, n) => ({ id: `i${n}`, title: `T${n}`, standing: true, created_at: 1466464235 }));
    const s = await parse(sse(JSON.stringify({ state: 'degraded', issues })), HUND_URL);
    expect(s.activeIncidents).toHaveLength(LIMITS.activeIncidents);
  });

  it('an event stream that is not Hund is not claimed', () => {
    expect(detectFormat('event: message\ndata: {"x":1}\n\n', { url: 'https://example.com/events' })).toBeUndefined();
  });
});

const FS_COMPONENTS = 'https://public-api.freshstatus.io/v1/public-components/?account_id=3616';
const FS_INCIDENTS = 'https://public-api.freshstatus.io/v1/public-incidents/?account_id=3616';

describe('freshstatus-json (no public capture; shapes per code reading the live API)', () => {
  it('the component tree: leaves by status code, grouped by region; ignored leaves left out of the page', async () => {
    const body = JSON.stringify({
      components: [
        { id: 1, name: 'US EAST', components: [{ id: 2, name: 'US Web App', components: [{ id: 100, name: 'Helpdesk', status: 'OP', display_options: {} }, { id: 101, name: 'Email', status: 'PD', display_options: {} }] }] },
        { id: 3, name: 'MEA', components: [{ id: 102, name: 'MEA Helpdesk', status: 'MO', display_options: { ignore_overall_status: 'true' } }] },
        { id: 4, name: 'API', status: 'UM' },
      ],
    });
    const s = await parse(body, FS_COMPONENTS);
    expect([s.format, s.provider, s.coverage]).toEqual(['freshstatus-json', 'Freshstatus page 3616', 'active-only']);
    expect(s.components).toEqual([
      { name: 'Helpdesk', status: 'operational', group: 'US EAST' },
      { name: 'Email', status: 'degraded_performance', group: 'US EAST' },
      { name: 'API', status: 'under_maintenance' },
    ]);
    expect(s.health).toBe('degraded');
  });

  it('the incidents list: an open incident, a resolved one, a planned maintenance, an upcoming one', async () => {
    const body = JSON.stringify({
      next: null,
      results: [
        { id: 1607864, title: 'Login errors', description: '<p>We are investigating</p>', start_time: '2026-06-01T10:00:00Z', end_time: null, is_planned: false, affected_components: [{ component: 157233, new_status: 'MO' }] },
        { id: 1607000, title: 'Slow search', description: 'Fixed', start_time: '2026-05-01T10:00:00Z', end_time: '2026-05-01T11:00:00Z', is_planned: false, affected_components: [{ component: 157235, new_status: 'PD' }] },
        { id: 1608000, title: 'DB upgrade', start_time: '2026-06-01T09:00:00Z', end_time: null, is_planned: true, scheduled_start_time: '2026-06-01T09:00:00Z', scheduled_end_time: '2026-06-01T12:00:00Z', affected_components: [] },
        { id: 1609000, title: 'Network work', start_time: null, end_time: null, is_planned: true, scheduled_start_time: '2026-07-01T09:00:00Z', scheduled_end_time: '2026-07-01T10:00:00Z' },
      ],
    });
    const s = await parse(body, FS_INCIDENTS, Date.parse('2026-06-01T11:00:00Z'));
    expect(s.coverage).toBe('history');
    expect(s.activeIncidents.map((i) => [i.id, i.kind, i.status, i.impact, i.components])).toEqual([
      ['1607864', 'incident', 'investigating', 'critical', ['Component 157233']],
      ['1608000', 'maintenance', 'in_progress', 'maintenance', []],
    ]);
    expect(s.activeIncidents[0]!.updates.map((u) => u.text)).toEqual(['We are investigating']);
    expect(s.recentIncidents.map((i) => [i.id, i.status, i.impact])).toEqual([['1607000', 'resolved', 'minor']]);
    expect(s.scheduledMaintenances.map((m) => [m.id, m.scheduledFor, m.scheduledUntil])).toEqual([['1609000', '2026-07-01T09:00:00.000Z', '2026-07-01T10:00:00.000Z']]);
    expect(s.health).toBe('major_outage');
  });

  it('hostile: neither list, wrong types, junk elements, deep nesting, script in titles', async () => {
    expect((await failure('{"count": 0}', FS_COMPONENTS)).code).toBe('parse');
    expect((await failure('{"components": "x"}', FS_COMPONENTS)).code).toBe('parse');
    const deep: Record<string, unknown> = { name: 'leaf', status: 'MO' };
    let node = deep;
    for (let n = 0; n < 20; n++) node = { name: `n${n}`, components: [node] };
    const s = await parse(JSON.stringify({ components: [node, 'junk', { name: 'Bad code', status: 'ZZ' }, { name: 'Ok', status: 'OP' }] }), FS_COMPONENTS);
    expect(s.components).toEqual([{ name: 'Ok', status: 'operational' }]); // the leaf nested 21 deep is not followed
    const t = await parse(JSON.stringify({ results: [{ id: 1, title: '<script>x</script>Outage', start_time: '2026-06-01T10:00:00Z', end_time: null }, { title: 'no id' }] }), FS_INCIDENTS);
    expect(t.activeIncidents.map((i) => i.title)).toEqual(['Outage']);
    const many = Array.from({ length: 2000 }, (_, n) => ({ id: n, title: `T${n}`, start_time: '2026-06-01T10:00:00Z', end_time: null }));
    expect((await parse(JSON.stringify({ results: many }), FS_INCIDENTS)).activeIncidents).toHaveLength(LIMITS.activeIncidents);
    const leaves = Array.from({ length: 2000 }, (_, n) => ({ id: n, name: `C${n}`, status: 'OP' }));
    expect((await parse(JSON.stringify({ components: leaves }), FS_COMPONENTS)).components).toHaveLength(LIMITS.components);
  });

  it('detection: by the API host, else by the status codes or the incident keys', () => {
    expect(detectFormat('{"components": []}', { url: FS_COMPONENTS })?.id).toBe('freshstatus-json');
    expect(detectFormat('{"components": [{"id": 1, "name": "A", "status": "OP"}]}', { url: 'http://127.0.0.1:1/x' })?.id).toBe('freshstatus-json');
    expect(detectFormat('{"components": [{"id": "a", "name": "A", "status": "operational"}]}', { url: 'http://127.0.0.1:1/x' })?.id).not.toBe('freshstatus-json');
  });
});
