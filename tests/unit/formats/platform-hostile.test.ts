/** Hostile and broken documents for the issue 13 platform adapters: only FormatError escapes, links and markup are cleaned, lists are capped. */
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import { FormatError } from '../../../shared/formats/types';
import { readPlatformFixture } from '../../support/platform-fixtures';
import { NOW } from './parse-feed';

async function failure(body: string, url: string, format?: FormatId): Promise<FormatError> {
  try {
    await parseDocument(body, { url, now: NOW, ...(format ? { format } : {}) });
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return err as FormatError;
  }
  throw new Error('expected a FormatError');
}

const FIXTURES: Array<[string, string]> = [
  ['instatus/instatus-help-summary-example.json', 'https://instat.us/summary.json'],
  ['betterstack/betterstack-docs-index-json-example.json', 'https://status.example.com/index.json'],
  ['statusio/statusio-kb-public-status-api-example.json', 'https://api.status.io/1.0/status/51f6f2088643809b7200000d'],
  ['cachet/yoti-components-v1.json', 'https://status.yoti.com/api/v1/components'],
  ['gatus/gatus-api-endpoints-statuses-test-expected.json', 'https://status.twin.sh/api/v1/endpoints/statuses'],
];

describe('broken platform documents', () => {
  it.each(FIXTURES)('%s cut short of its end is a parse error', async (path, url) => {
    const body = readPlatformFixture(path).trimEnd();
    expect((await failure(body.slice(0, body.length - 3), url)).code).toBe('parse');
  });

  it.each<[FormatId, string]>([
    ['instatus-json', '{"page": "nope", "activeIncidents": []}'],
    ['betterstack-json', '{"data": {"type": "status_page", "attributes": "x"}}'],
    ['statusio-json', '{"result": {"status_overall": 5}}'],
    ['cachet-json', '{"data": {"id": 1}}'],
    ['gatus-json', '{"name": "not a list"}'],
    ['uptimekuma-json', '{"heartbeatList": []}'],
    ['statuspal-json', '{"status_page": null}'],
    ['sorry-json', '{"response": "x"}'],
    ['site24x7-json', '{"data": {"current_status": {}}}'],
    ['cstate-json', '{"is": "page"}'],
  ])('%s of the wrong shape is a parse error', async (format, body) => {
    expect((await failure(body, 'https://status.example.com/x.json', format)).code).toBe('parse');
  });

  it('absurdly deep JSON never escapes as anything but a FormatError, and never becomes an incident', async () => {
    const deep = '{"page":{"name":"x"},"activeIncidents":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const outcome = await parseDocument(deep, { url: 'https://status.example.com/summary.json', now: NOW }).then(
      (s) => s.activeIncidents.length,
      (err: unknown) => (err instanceof FormatError ? err.code : err),
    );
    expect([0, 'parse']).toContain(outcome);
  });
});

describe('hostile content', () => {
  it('javascript: incident links are dropped and markup in titles is stripped (Instatus)', async () => {
    const body = JSON.stringify({
      page: { name: '<b>Evil</b>', url: 'javascript:alert(1)', status: 'HASISSUES' },
      activeIncidents: [{ id: 'a1', name: '<img src=x onerror=alert(1)>Outage', started: '2026-09-30T10:00:00Z', status: 'INVESTIGATING', impact: 'MAJOROUTAGE', url: 'javascript:alert(2)' }],
    });
    const s = await parseDocument(body, { url: 'https://status.example.com/summary.json', now: NOW });
    expect(s.pageUrl).toBe('https://status.example.com/');
    expect(s.activeIncidents[0]!.title).toBe('Outage');
    expect(s.activeIncidents[0]!.url).toBeUndefined();
  });

  it('a __proto__ key never reaches the result (Cachet)', async () => {
    const body = '{"meta":{"pagination":{}},"data":[{"id":1,"name":"A","status":1,"__proto__":{"polluted":true}}]}';
    const s = await parseDocument(body, { url: 'https://status.example.com/api/v1/components', now: NOW });
    expect(s.components).toEqual([{ name: 'A', status: 'operational' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('20,000 Gatus endpoints are capped at the component limit', async () => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ name: `e${i}`, key: `_e${i}`, results: [{ success: true }] }));
    const s = await parseDocument(JSON.stringify(list), { url: 'https://g.example.com/api/v1/endpoints/statuses', now: NOW });
    expect(s.components).toHaveLength(500);
  });

  it('unknown component states are left out rather than guessed operational (Sorry, Site24x7)', async () => {
    const sorry = await parseDocument('{"response":[{"id":"1","name":"A","state":"on-fire"}]}', { url: 'https://api.sorryapp.com/v1/pages/1/components', now: NOW });
    expect(sorry.components).toEqual([]);
    const site = await parseDocument('{"data":{"current_status":[{"display_name":"A","component_status":99}]}}', { url: 'https://s.example.com/sp/api/public/summary_details/statuspages/x', now: NOW });
    expect(site.components).toEqual([]);
  });

  it('an unreadable Status.io date falls back instead of losing the incident', async () => {
    const body = '{"result":{"status_overall":{"status_code":300},"status":[],"incidents":[{"_id":"i","name":"Bad date","datetime_open":"yesterday","messages":[]}],"maintenance":{"active":[],"upcoming":[]}}}';
    const s = await parseDocument(body, { url: 'https://api.status.io/1.0/status/51f6f2088643809b7200000d', now: NOW });
    expect(s.activeIncidents.map((i) => [i.id, i.createdAt])).toEqual([['i', '1970-01-01T00:00:00.000Z']]);
  });
});
