import { describe, expect, it } from 'vitest';
import { applyCatalogFilter } from '../../../shared/engine/filter';
import { findCatalogEntry, getCatalogEntry } from '../../../shared/catalog/index';
import type { Incident, ProviderStatus } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import { readFeed } from '../../support/feeds';

const NOW = Date.UTC(2026, 7, 18, 12, 0, 0);

function incident(id: string, components: string[], title = id, impact: Incident['impact'] = 'major'): Incident {
  return { id, kind: 'incident', title, status: 'investigating', impact, createdAt: '2026-08-18T00:00:00.000Z', updatedAt: '2026-08-18T00:00:00.000Z', updates: [], components };
}

function status(activeIncidents: Incident[], extra: Partial<ProviderStatus> = {}): ProviderStatus {
  return { provider: 'X', format: 'aws-rss', health: 'partial_outage', indicator: 'major', components: [], activeIncidents, recentIncidents: [], scheduledMaintenances: [], coverage: 'history', ...extra };
}

describe('applyCatalogFilter', () => {
  const s = status([
    incident('a', ['ec2-us-east-1']),
    incident('b', ['ec2-eu-west-1']),
    incident('c', ['lambda-us-east-1'], 'c', 'critical'),
    incident('d', ['directconnect-us-gov-west-1']),
  ]);

  it('selects AWS incidents by service key and region code', () => {
    const ec2East = findCatalogEntry('amazon-elastic-compute-cloud@us-east-1')?.filter;
    expect(applyCatalogFilter(s, ec2East).activeIncidents.map((i) => i.id)).toEqual(['a']);
    expect(applyCatalogFilter(s, getCatalogEntry('aws-n-virginia')?.filter).activeIncidents.map((i) => i.id)).toEqual(['a', 'c']);
    expect(applyCatalogFilter(s, getCatalogEntry('aws-us-west')?.filter).activeIncidents.map((i) => i.id)).toEqual(['d']);
  });

  it('re-derives health from what is left and drops the page-wide indicator', () => {
    const onlyEc2 = applyCatalogFilter(s, { components: ['ec2'] });
    expect(onlyEc2.health).toBe('partial_outage');
    expect(onlyEc2.indicator).toBeUndefined();
    expect(applyCatalogFilter(s, { components: ['Amazon S3', 's3'] })).toMatchObject({ health: 'operational', activeIncidents: [] });
  });

  it('matches incidents without components by whole phrases in their text (Azure)', () => {
    const az = status([incident('x', [], 'Storage degradation in West Europe and Europe North'), incident('y', [], 'Networking issue in Americas')], { format: 'azure-rss' });
    expect(applyCatalogFilter(az, getCatalogEntry('azure-europe')?.filter).activeIncidents.map((i) => i.id)).toEqual(['x']);
    expect(applyCatalogFilter(az, { regions: ['Europe North'] }).activeIncidents.map((i) => i.id)).toEqual(['x']);
    expect(applyCatalogFilter(az, { regions: ['Asia Pacific'] }).activeIncidents).toEqual([]);
  });

  it('leaves a status alone without a filter', () => {
    expect(applyCatalogFilter(s, undefined)).toBe(s);
    expect(applyCatalogFilter(s, {})).toBe(s);
  });

  it('narrows the real AWS feed to one service and region', async () => {
    const all = await parseDocument(readFeed('aws/aws-all-rss-2026-08-18.rss'), { url: 'https://status.aws.amazon.com/rss/all.rss', now: NOW });
    const dx = applyCatalogFilter(all, findCatalogEntry('aws-direct-connect')?.filter);
    expect(dx.recentIncidents.length + dx.activeIncidents.length).toBeGreaterThan(0);
    for (const i of [...dx.recentIncidents, ...dx.activeIncidents]) expect(i.components[0]).toMatch(/^directconnect-/);
    const frankfurt = applyCatalogFilter(all, getCatalogEntry('aws-frankfurt')?.filter);
    for (const i of frankfurt.recentIncidents) expect(i.components[0]).toMatch(/-eu-central-1$/);
    const ec2Tokyo = applyCatalogFilter(all, findCatalogEntry('amazon-elastic-compute-cloud@ap-northeast-1')?.filter);
    expect(ec2Tokyo.recentIncidents.every((i) => i.components[0] === 'ec2-ap-northeast-1')).toBe(true);
  });

  it('narrows the real Google Cloud feed to one product', async () => {
    const all = await parseDocument(readFeed('gcp/gcp-incidents-2026-03-subset.json'), { url: 'https://status.cloud.google.com/incidents.json', now: NOW });
    const bq = applyCatalogFilter(all, getCatalogEntry('google-bigquery')?.filter);
    const total = all.recentIncidents.length;
    expect(bq.recentIncidents.length).toBeGreaterThan(0);
    expect(bq.recentIncidents.length).toBeLessThan(total);
    for (const i of bq.recentIncidents) expect(i.components).toContain('Google BigQuery');
  });
});
