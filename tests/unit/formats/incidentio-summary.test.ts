/**
 * incident.io's Statuspage-compatible summary.json (what status.openai.com serves): `page`, `status`,
 * `components`, `incidents`, no `scheduled_maintenances`. Fixtures and their provenance:
 * tests/fixtures/incidentio/MANIFEST.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, sniffInput } from '../../../shared/formats/registry';
import { FormatError } from '../../../shared/formats/types';

const NOW = Date.parse('2026-10-01T12:00:00Z');
const URL_ = 'https://status.openai.com/api/v2/summary.json';
const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/incidentio', name), 'utf8');
const MONITORING = fixture('openai-summary-2026-10-01-monitoring.json');
const OPERATIONAL = fixture('openai-summary-2026-09-15-operational.json');

type Doc = { page?: unknown; status: unknown; components: { id: string }[]; incidents?: unknown[] };

describe('incident.io summary.json', () => {
  it('reads OpenAI\'s page with an incident in monitoring: components, incident, degraded health', async () => {
    const s = await parseDocument(MONITORING, { url: URL_, now: NOW });
    expect(s).toMatchObject({ provider: 'OpenAI', format: 'statuspage-json', health: 'degraded', indicator: 'minor', coverage: 'active-only' });
    expect(s.description).toBe('Partial System Degradation');
    expect(s.components).toHaveLength(34);
    expect(s.components.filter((c) => c.name === 'Login')).toHaveLength(2);
    expect(s.activeIncidents).toEqual([
      expect.objectContaining({
        id: '01M3R1T4FCR1337FBBYY9K2RPB',
        title: 'Elevated errors in ChatGPT Space Pages',
        status: 'monitoring',
        impact: 'minor',
        url: 'https://status.openai.com/incidents/01M3R1T4FCR1337FBBYY9K2RPB',
        updatedAt: '2026-09-30T15:00:05.000Z',
      }),
    ]);
    expect(s.scheduledMaintenances).toEqual([]);
  });

  it('reads the page with nothing open, which has no incidents key at all', async () => {
    const s = await parseDocument(OPERATIONAL, { url: URL_, now: NOW });
    expect(s).toMatchObject({ provider: 'OpenAI', health: 'operational', indicator: 'none', activeIncidents: [], recentIncidents: [] });
    expect(s.documentUpdatedAt).toBe('2026-07-09T19:25:56.000Z');
  });

  it('recognises the document when a long components list pushes page past the head the sniffer sees', async () => {
    const doc = JSON.parse(MONITORING) as Doc;
    // A larger page (three times as many components), keys in the other order: components first.
    const components = [0, 1, 2].flatMap((n) => doc.components.map((c) => ({ ...c, id: `${c.id}${n}` })));
    const reordered = JSON.stringify({ components, incidents: doc.incidents, page: doc.page, status: doc.status });
    expect(sniffInput(reordered, { url: URL_ }).head).not.toContain('"page"');
    const s = await parseDocument(reordered, { url: URL_, now: NOW });
    expect(s.provider).toBe('OpenAI');
    expect(s.components).toHaveLength(102);
    expect(s.activeIncidents.map((i) => i.status)).toEqual(['monitoring']);
  });

  it('reads a Statuspage-shaped document without a page object, naming the provider by host', async () => {
    const { page: _page, ...rest } = JSON.parse(MONITORING) as Doc;
    const s = await parseDocument(JSON.stringify(rest), { url: URL_, now: NOW });
    expect(s).toMatchObject({ provider: 'status.openai.com', format: 'statuspage-json', health: 'degraded' });
    expect(s.activeIncidents).toHaveLength(1);
  });

  it('still refuses JSON with a single Statuspage-like key as not a feed', async () => {
    const err = await parseDocument('{"components": [], "version": 3}', { url: 'https://example.com/data.json', now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).code).toBe('not-a-feed');
  });
});
