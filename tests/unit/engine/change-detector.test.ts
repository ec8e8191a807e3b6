import { describe, expect, it } from 'vitest';
import { deriveHealth } from '../../../shared/domain/health';
import type { Incident, IncidentStatus, ProviderStatus } from '../../../shared/domain/types';
import { detectChanges, MAX_SEEN_PER_SOURCE, SEEN_RETENTION_MS, type DetectInput } from '../../../shared/engine/change-detector';
import type { SeenIncident } from '../../../shared/engine/state';

const T0 = Date.UTC(2026, 10, 1);

function incident(id: string, status: IncidentStatus, impact: Incident['impact'] = 'minor'): Incident {
  return {
    id,
    kind: status === 'scheduled' || status === 'in_progress' || status === 'completed' ? 'maintenance' : 'incident',
    title: `Incident ${id}`,
    status,
    impact,
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    updates: [{ status, text: `now ${status}`, at: new Date(T0).toISOString() }],
    components: [],
  };
}

function doc(incidents: Incident[], coverage: ProviderStatus['coverage'] = 'history'): ProviderStatus {
  const active = incidents.filter((i) => !['resolved', 'postmortem', 'completed', 'scheduled'].includes(i.status));
  const recent = incidents.filter((i) => ['resolved', 'postmortem', 'completed'].includes(i.status));
  const scheduled = incidents.filter((i) => i.status === 'scheduled');
  return {
    provider: 'Example',
    format: 'statuspage-json',
    health: deriveHealth({ components: [], activeIncidents: active }),
    components: [],
    activeIncidents: active,
    recentIncidents: recent,
    scheduledMaintenances: scheduled,
    coverage,
  };
}

function run(status: ProviderStatus, seen: Record<string, SeenIncident>, over: Partial<DetectInput> = {}) {
  return detectChanges({ sourceId: 's', provider: 'Example', baselined: true, seen, previousHealth: 'operational', status, now: T0, ...over });
}

describe('detectChanges', () => {
  it('baselines silently: records every incident, emits only source.baselined with the open ones', () => {
    const out = run(doc([incident('a', 'investigating'), incident('b', 'resolved'), incident('c', 'resolved')]), {}, { baselined: false, previousHealth: undefined });
    expect(out.events.map((e) => e.type)).toEqual(['source.baselined']);
    const baseline = out.events[0]!;
    expect(baseline.type === 'source.baselined' && baseline.openIncidents.map((i) => i.id)).toEqual(['a']);
    expect(Object.keys(out.seen).sort()).toEqual(['a', 'b', 'c']);
    expect(out.seen.a).toMatchObject({ status: 'investigating', active: true });
  });

  it('announces a new open incident once, then nothing while its status stays the same', () => {
    const base = run(doc([]), {}, { baselined: false });
    const first = run(doc([incident('x', 'investigating')]), base.seen);
    expect(first.events.filter((e) => e.type === 'incident.opened').map((e) => 'incident' in e && e.incident.id)).toEqual(['x']);
    const again = run(doc([incident('x', 'investigating')]), first.seen, { previousHealth: first.events[0]!.health });
    expect(again.events).toEqual([]);
  });

  it('announces each status change once: identified as updated, resolved as resolved', () => {
    const s1 = run(doc([incident('x', 'investigating')]), {}, { baselined: false }).seen;
    const s2 = run(doc([incident('x', 'identified')]), s1, { previousHealth: 'degraded' });
    expect(s2.events.map((e) => e.type)).toEqual(['incident.updated']);
    expect(s2.events[0]).toMatchObject({ previousStatus: 'investigating', incident: { status: 'identified' } });
    const s3 = run(doc([incident('x', 'resolved')]), s2.seen, { previousHealth: 'degraded' });
    expect(s3.events.map((e) => e.type)).toEqual(['incident.resolved', 'provider.health-changed']);
    const s4 = run(doc([incident('x', 'resolved')]), s3.seen, { previousHealth: 'operational' });
    expect(s4.events).toEqual([]);
  });

  it('treats a resolved incident that reopens as an update', () => {
    const s1 = run(doc([incident('x', 'resolved')]), {}, { baselined: false }).seen;
    const out = run(doc([incident('x', 'investigating')]), s1);
    expect(out.events[0]).toMatchObject({ type: 'incident.updated', previousStatus: 'resolved' });
  });

  it('does not resolve an incident that merely fell off a history window', () => {
    const s1 = run(doc([incident('x', 'investigating')]), {}, { baselined: false }).seen;
    const out = run(doc([]), s1, { previousHealth: 'degraded' });
    expect(out.events.filter((e) => e.type === 'incident.resolved')).toEqual([]);
    expect(out.seen.x).toMatchObject({ active: true });
  });

  it('resolves an incident that vanished from an active-only document (summary.json)', () => {
    const s1 = run(doc([incident('x', 'monitoring')], 'active-only'), {}, { baselined: false }).seen;
    const out = run(doc([], 'active-only'), s1, { previousHealth: 'degraded' });
    const resolved = out.events.find((e) => e.type === 'incident.resolved');
    expect(resolved).toMatchObject({ previousStatus: 'monitoring', incident: { id: 'x', title: 'Incident x', status: 'resolved' } });
    expect(run(doc([], 'active-only'), out.seen).events).toEqual([]);
  });

  it('remembers the title of an open incident only, which is all a vanished one is ever named by', () => {
    const s1 = run(doc([incident('open', 'identified'), incident('closed', 'resolved')], 'active-only'), {}, { baselined: false }).seen;
    expect(s1.open!.title).toBe('Incident open');
    expect(s1.closed).not.toHaveProperty('title');
    // Closing drops it; reopening remembers it again.
    const s2 = run(doc([incident('open', 'resolved')], 'active-only'), s1).seen;
    expect(s2.open).not.toHaveProperty('title');
    const s3 = run(doc([incident('open', 'investigating')], 'active-only'), s2).seen;
    expect(s3.open!.title).toBe('Incident open');
    // An open entry written without a title (older state) is named by its id when it vanishes.
    const { title: _dropped, ...untitled } = s3.open!;
    const out = run(doc([], 'active-only'), { open: untitled });
    expect(out.events.find((e) => e.type === 'incident.resolved')).toMatchObject({ incident: { id: 'open', title: 'open' } });
  });

  it('announces an incident that opened and closed between two polls once, as resolved', () => {
    const s1 = run(doc([]), {}, { baselined: false }).seen;
    const out = run(doc([incident('y', 'resolved')]), s1);
    expect(out.events.map((e) => e.type)).toEqual(['incident.resolved']);
  });

  it('does not announce a newly scheduled maintenance, but does announce it starting', () => {
    const s1 = run(doc([]), {}, { baselined: false }).seen;
    const s2 = run(doc([incident('m', 'scheduled', 'maintenance')]), s1);
    expect(s2.events).toEqual([]);
    const s3 = run(doc([incident('m', 'in_progress', 'maintenance')]), s2.seen);
    expect(s3.events[0]).toMatchObject({ type: 'incident.updated', previousStatus: 'scheduled' });
  });

  it('reports a health change between successful parses, but not on the baseline', () => {
    const out = run(doc([incident('x', 'investigating', 'critical')]), {}, { previousHealth: 'operational' });
    expect(out.events.find((e) => e.type === 'provider.health-changed')).toMatchObject({ previousHealth: 'operational', health: 'major_outage' });
    const baseline = run(doc([incident('x', 'investigating', 'critical')]), {}, { baselined: false, previousHealth: 'operational' });
    expect(baseline.events.some((e) => e.type === 'provider.health-changed')).toBe(false);
  });

  it('does not modify its input memory', () => {
    const seen = run(doc([incident('x', 'investigating')]), {}, { baselined: false }).seen;
    const copy = structuredClone({ ...seen });
    run(doc([incident('x', 'resolved')]), seen);
    expect({ ...seen }).toEqual(copy);
  });

  it('forgets ids absent for 90 days but keeps present ones however old', () => {
    const old = T0 - SEEN_RETENTION_MS - 1;
    const seen: Record<string, SeenIncident> = {
      gone: { status: 'resolved', active: false, firstSeenAt: old, lastSeenAt: old, title: 'gone' },
      recent: { status: 'resolved', active: false, firstSeenAt: T0 - 1000, lastSeenAt: T0 - 1000, title: 'recent' },
      kept: { status: 'resolved', active: false, firstSeenAt: old, lastSeenAt: old, title: 'kept' },
    };
    const out = run(doc([incident('kept', 'resolved')]), seen);
    expect(Object.keys(out.seen).sort()).toEqual(['kept', 'recent']);
  });

  it('caps memory per source, evicting the longest-unseen absent ids first', () => {
    const seen: Record<string, SeenIncident> = {};
    for (let i = 0; i < MAX_SEEN_PER_SOURCE + 50; i++) {
      seen[`id${i}`] = { status: 'resolved', active: false, firstSeenAt: T0 - 10_000 + i, lastSeenAt: T0 - 10_000 + i, title: `${i}` };
    }
    const out = run(doc([incident('id0', 'resolved')]), seen);
    expect(Object.keys(out.seen)).toHaveLength(MAX_SEEN_PER_SOURCE);
    expect(out.seen.id0).toBeDefined(); // present in the document, so never evicted
    expect(out.seen.id1).toBeUndefined();
    expect(out.seen[`id${MAX_SEEN_PER_SOURCE + 49}`]).toBeDefined();
  });

  it('keeps an id named __proto__ as plain data', () => {
    const base = run(doc([]), {}, { baselined: false }).seen;
    const out = run(doc([incident('__proto__', 'investigating')]), base);
    expect(out.events[0]).toMatchObject({ type: 'incident.opened' });
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(Object.keys(out.seen)).toContain('__proto__');
  });
});
