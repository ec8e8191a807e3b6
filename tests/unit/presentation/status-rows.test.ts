import { beforeAll, describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../../shared/domain/types';
import type { SourceSnapshot } from '../../../shared/engine/api';
import { statusError } from '../../../shared/engine/http/fetch-errors';
import { parseDocument } from '../../../shared/formats/registry';
import {
  arrangeRows,
  displayHealth,
  distinguishingTags,
  downComponentsText,
  openIncidents,
  rowStatus,
  rowStatusText,
} from '../../../shared/presentation/status-rows';
import { readFeed } from '../../support/feeds';

const NOW = Date.UTC(2026, 8, 26, 1, 0, 0);
const MIN = 60_000;

let cursor: ProviderStatus;
let github: ProviderStatus;
let upptime: ProviderStatus;
let maintenance: ProviderStatus;

beforeAll(async () => {
  const read = (file: string, url: string) => parseDocument(readFeed(file), { url, now: NOW });
  cursor = await read('statuspage-json/cursor-summary-2026-09-25-active-incident.json', 'https://status.cursor.com/api/v2/summary.json');
  github = await read('statuspage-json/githubstatus-summary-2026-09-25-operational.json', 'https://www.githubstatus.com/api/v2/summary.json');
  upptime = await read('other/upptime-summary-2024-01-19-one-down.json', 'https://example.github.io/upptime/history/summary.json');
  maintenance = await read('statuspage-feeds/digitalocean-history-2020-01-13.atom', 'https://status.digitalocean.com/history.atom');
});

function source(id: string, status: ProviderStatus | undefined, patch: Partial<SourceSnapshot> = {}): SourceSnapshot {
  const url = `https://${id}.example/feed`;
  return {
    id, name: status?.provider ?? id, url, effectiveUrl: url, enabled: true, health: status?.health ?? 'unknown', polling: false,
    ...(status ? { status, lastCheckedAt: NOW - MIN, lastSuccessAt: NOW - MIN } : {}), ...patch,
  };
}

describe('arrangeRows', () => {
  it('folds healthy providers, puts trouble first (worst first) and disabled last', () => {
    const rows = arrangeRows([
      source('github', github),
      source('never', undefined, { lastError: statusError(404, 'https://never.example/feed', NOW), health: 'unknown' }),
      source('upptime', upptime),
      source('cursor', cursor),
      source('off', github, { enabled: false }),
      source('maint', maintenance),
    ]);
    expect(rows.attention.map((s) => s.id)).toEqual(['upptime', 'cursor', 'maint', 'never']);
    expect(rows.operational.map((s) => s.id)).toEqual(['github']);
    expect(rows.disabled.map((s) => s.id)).toEqual(['off']);
  });

  it('keeps a healthy provider whose check failed out of the folded group', () => {
    const failing = source('github', github, { lastError: statusError(503, 'https://github.example/feed', NOW), health: 'unknown' });
    expect(arrangeRows([failing]).attention).toHaveLength(1);
  });
});

describe('rowStatus', () => {
  it('keeps the last known health after a failed check, marked stale with the failure', () => {
    const failing = source('cursor', cursor, {
      health: 'unknown',
      lastSuccessAt: NOW - 12 * MIN,
      lastError: statusError(503, 'https://status.cursor.com/api/v2/summary.json', NOW - MIN),
    });
    expect(displayHealth(failing)).toBe('degraded');
    const row = rowStatus(failing, NOW);
    expect(row).toEqual({ label: 'Degraded', detail: 'could not check for 12 min: HTTP 503', stale: true });
    expect(rowStatusText(row)).toBe('Degraded · could not check for 12 min: HTTP 503');
  });

  it('says "Unknown" only for a page never read', () => {
    const never = source('never', undefined, { lastError: statusError(404, 'https://never.example/feed', NOW) });
    expect(rowStatus(never, NOW)).toEqual({ label: 'Unknown', detail: 'could not read: HTTP 404', stale: false });
    expect(rowStatus(source('new', undefined, { polling: true }), NOW).label).toBe('Checking…');
    expect(rowStatus(source('off', github, { enabled: false }), NOW).label).toBe('Disabled');
  });

  it('names a down component when no incident is open (Upptime: RSSHub down)', () => {
    expect(openIncidents(source('u', upptime))).toHaveLength(0);
    const row = rowStatus(source('u', upptime), NOW);
    expect(row.label).toBe('Major outage');
    expect(row.detail).toBe('RSSHub down');
  });

  it('does not count maintenance as an incident', () => {
    const row = rowStatus(source('m', maintenance), NOW);
    expect(row.label).toBe('Under maintenance');
    expect(row.detail ?? '').not.toMatch(/incident/);
    expect(openIncidents(source('m', maintenance))).toHaveLength(0);
  });

  it('a healthy page says just that', () => {
    expect(rowStatus(source('g', github), NOW)).toEqual({ label: 'Operational', stale: false });
  });
});

describe('downComponentsText', () => {
  it('names the worst two and counts the rest', () => {
    expect(downComponentsText([
      { name: 'API', status: 'partial_outage' },
      { name: 'Web', status: 'partial_outage' },
      { name: 'CDN', status: 'partial_outage' },
      { name: 'Docs', status: 'degraded_performance' },
      { name: 'Git', status: 'operational' },
    ])).toBe('API, Web +2 partly down');
    expect(downComponentsText([{ name: 'Git', status: 'operational' }])).toBeUndefined();
  });
});

describe('distinguishingTags', () => {
  it('tags only same-named providers: by host, else by filter, else by path', () => {
    const a = source('a', github, { effectiveUrl: 'https://www.githubstatus.com/api/v2/summary.json' });
    const b = source('b', github, { effectiveUrl: 'https://mirror.example/api/v2/summary.json' });
    const c = source('c', cursor);
    expect(distinguishingTags([a, b, c])).toEqual(new Map([['a', 'www.githubstatus.com'], ['b', 'mirror.example']]));

    const ec2 = { id: 'ec2', name: 'AWS', effectiveUrl: 'https://status.aws.amazon.com/rss/all.rss' };
    const s3 = { id: 's3', name: 'aws', effectiveUrl: 'https://status.aws.amazon.com/rss/all.rss' };
    const filters = new Map([['ec2', { components: ['Amazon Elastic Compute Cloud', 'ec2'] }], ['s3', { regions: ['us-east-1'] }]]);
    expect(distinguishingTags([ec2, s3], filters)).toEqual(new Map([['ec2', 'Amazon Elastic Compute Cloud'], ['s3', 'us-east-1']]));

    const summary = { id: 'sum', name: 'GitHub', effectiveUrl: 'https://www.githubstatus.com/api/v2/summary.json' };
    const feed = { id: 'feed', name: 'GitHub', effectiveUrl: 'https://www.githubstatus.com/history.atom' };
    expect(distinguishingTags([summary, feed])).toEqual(new Map([['sum', '/api/v2/summary.json'], ['feed', '/history.atom']]));
  });
});
