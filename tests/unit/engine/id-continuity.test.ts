/**
 * Id continuity: AWS publishes no event id, so an incident's id is its chain's first RSS guid, and that item
 * leaves the 50-item window while a long event goes on. The detector must still know the incident through
 * its later updates' guids — or a long AWS event would be announced again, as "new", mid-incident.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/types';
import { detectChanges } from '../../../shared/engine/change-detector';
import type { SeenIncident } from '../../../shared/engine/state';
import { parseDocument } from '../../../shared/formats/registry';
import { readFeed } from '../../support/feeds';

const AWS = 'aws/aws-all-rss-2026-08-18.rss';
const ctx = { url: 'https://status.aws.amazon.com/rss/all.rss', contentType: 'application/rss+xml', now: Date.UTC(2026, 7, 18, 13) };

/** The feed without its oldest item for `key` (what the next capture looks like once that item aged out). */
function withoutOldestItemOf(xml: string, key: string): string {
  const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]);
  const ofKey = items.filter((i) => i.includes(`#${key}_`));
  const stamp = (i: string) => Number(/_(\d+)<\/guid>/.exec(i)?.[1]);
  const oldest = ofKey.reduce((a, b) => (stamp(a) <= stamp(b) ? a : b));
  return xml.replace(oldest, '');
}

const detect = (status: Awaited<ReturnType<typeof parseDocument>>, seen: Record<string, SeenIncident>, baselined = true) =>
  detectChanges({ sourceId: 'aws', provider: 'AWS', baselined, seen, previousHealth: status.health, status, now: ctx.now });

const chainOf = (incidents: Incident[], key: string) => incidents.find((i) => i.components.includes(key));

describe('incident id continuity', () => {
  it('the real AWS feed losing the first item of the Direct Connect chain announces nothing', async () => {
    const xml = readFeed(AWS);
    const before = await parseDocument(xml, ctx);
    const key = 'directconnect-eu-central-1';
    const chainBefore = chainOf([...before.activeIncidents, ...before.recentIncidents], key)!;
    expect(chainBefore.updates.length).toBeGreaterThan(5);
    expect(chainBefore.updates.every((u) => u.id?.includes(key))).toBe(true);

    const after = await parseDocument(withoutOldestItemOf(xml, key), ctx);
    const chainAfter = chainOf([...after.activeIncidents, ...after.recentIncidents], key)!;
    expect(chainAfter.id).not.toBe(chainBefore.id); // the derived id did change

    const baseline = detect(before, {}, false);
    const next = detect(after, baseline.seen);
    expect(next.events.filter((e) => e.type !== 'provider.health-changed')).toEqual([]);
    expect(next.seen[chainAfter.id]).toMatchObject({ firstSeenAt: baseline.seen[chainBefore.id]!.firstSeenAt });
    expect(next.seen[chainBefore.id]).toBeUndefined();
  });

  it('a status change under the new id is an update of the known incident, not a new one', () => {
    const base = (id: string, status: Incident['status'], updateIds: string[]): Incident => ({
      id,
      kind: 'incident',
      title: 'Increased API error rates',
      status,
      impact: 'minor',
      createdAt: '2026-08-18T10:00:00.000Z',
      updatedAt: '2026-08-18T12:00:00.000Z',
      updates: updateIds.map((u) => ({ id: u, status, text: u, at: '2026-08-18T12:00:00.000Z' })),
      components: ['ec2-us-east-1'],
    });
    const doc = (incident: Incident) => ({
      provider: 'AWS',
      format: 'aws-rss' as const,
      health: 'degraded' as const,
      components: [],
      activeIncidents: incident.status === 'resolved' ? [] : [incident],
      recentIncidents: incident.status === 'resolved' ? [incident] : [],
      scheduledMaintenances: [],
      coverage: 'history' as const,
    });
    const first = detect(doc(base('g1', 'investigating', ['g3', 'g2', 'g1'])), {}, false);
    const moved = detect(doc(base('g2', 'resolved', ['g4', 'g3', 'g2'])), first.seen);
    expect(moved.events.map((e) => e.type)).toEqual(['incident.resolved']);
    expect(moved.events[0]).toMatchObject({ previousStatus: 'investigating', incident: { id: 'g2' } });
    // Without shared update ids it really is a new incident.
    const unrelated = detect(doc(base('h1', 'investigating', ['h1'])), first.seen);
    expect(unrelated.events.map((e) => e.type)).toEqual(['incident.opened']);
  });
});
