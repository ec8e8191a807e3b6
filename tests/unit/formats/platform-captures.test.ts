/**
 * Real captures of platform documents found after the first round of issue 13 (see each MANIFEST.md under
 * tests/fixtures/platforms): parsed through the real dispatcher and checked for what they really contain.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/formats/registry';
import { FormatError } from '../../../shared/formats/types';
import { readPlatformFixture } from '../../support/platform-fixtures';

describe('uptimekuma-json on open-slum.org (recorded by tanghong123/kwire)', () => {
  const now = Date.parse('2026-06-22T04:20:00Z');

  it('the heartbeat document: 19 monitors, the newest of 50 beats decides, 9 down', async () => {
    const s = await parseDocument(readPlatformFixture('uptimekuma/slum-heartbeat.json'), { url: 'https://open-slum.org/api/status-page/heartbeat/slum', now });
    expect([s.format, s.provider, s.pageUrl, s.coverage, s.health]).toEqual(['uptimekuma-json', 'open-slum.org', 'https://open-slum.org/status/slum', 'active-only', 'major_outage']);
    expect(s.components).toHaveLength(19);
    const down = s.components.filter((c) => c.status === 'major_outage').map((c) => c.name);
    expect(down).toEqual(['Monitor 12', 'Monitor 16', 'Monitor 17', 'Monitor 28', 'Monitor 35', 'Monitor 36', 'Monitor 45', 'Monitor 47', 'Monitor 53']);
    expect(s.components.filter((c) => c.status === 'operational')).toHaveLength(10);
    expect(s.activeIncidents).toEqual([]);
  });

  it('the page document: its title, its pinned incident (zone-less date read as UTC), no maintenance', async () => {
    const s = await parseDocument(readPlatformFixture('uptimekuma/slum-status-page.json'), { url: 'https://open-slum.org/api/status-page/slum', now });
    expect([s.format, s.provider, s.pageUrl]).toEqual(['uptimekuma-json', 'SLUM: The Shadow Library Uptime Monitor', 'https://open-slum.org/status/slum']);
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.status, i.createdAt, i.stale])).toEqual([
      ['incident-22', 'Unstable due to high traffic', 'investigating', '2026-01-05T14:45:42.000Z', true],
    ]);
    expect(s.activeIncidents[0]!.updates.map((u) => u.text)).toEqual([
      "W're experiencing frequent outages due to high traffic. Please consider unofficial mirror https://open-slum.pages.dev/",
    ]);
    expect(s.scheduledMaintenances).toEqual([]);
    // A pinned banner silent for five months is stale: it no longer drives the page to an outage.
    expect(s.health).toBe('degraded');
  });
});

describe('captures cut short', () => {
  it.each([
    ['uptimekuma/slum-heartbeat.json', 'https://open-slum.org/api/status-page/heartbeat/slum'],
    ['uptimekuma/slum-status-page.json', 'https://open-slum.org/api/status-page/slum'],
    ['cstate/torproject-index-2025-05-01.json', 'https://status.torproject.org/index.json'],
  ])('%s without its last bytes is a parse error', async (path, url) => {
    const body = readPlatformFixture(path);
    await expect(parseDocument(body.slice(0, -3), { url, now: 0 })).rejects.toSatisfy((e) => e instanceof FormatError && e.code === 'parse');
  });
});

describe('cstate-json on status.torproject.org (pasted into a WalletWasabi test)', () => {
  it('15 systems in their categories, all ok, no issues, under the summary the page itself gave (disrupted)', async () => {
    const s = await parseDocument(readPlatformFixture('cstate/torproject-index-2025-05-01.json'), { url: 'https://status.torproject.org/index.json', now: Date.parse('2025-05-01T16:00:00Z') });
    expect([s.format, s.provider, s.pageUrl, s.coverage]).toEqual(['cstate-json', 'Tor Project status', 'https://status.torproject.org/', 'active-only']);
    expect(s.components).toHaveLength(15);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
    expect(s.components.slice(0, 3)).toEqual([
      { name: 'v3 Onion Services', status: 'operational', group: 'Tor Network' },
      { name: 'v2 Onion Services', status: 'operational', group: 'Deprecated' },
      { name: 'Directory Authorities', status: 'operational', group: 'Tor Network' },
    ]);
    expect(new Set(s.components.map((c) => c.group))).toEqual(new Set(['Tor Network', 'Deprecated', 'Tor Project websites', 'Internal systems']));
    expect([s.activeIncidents, s.scheduledMaintenances]).toEqual([[], []]);
    expect([s.indicator, s.health]).toEqual(['major', 'partial_outage']);
  });
});
