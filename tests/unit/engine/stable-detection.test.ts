/**
 * Change detection that cannot flip-flop: duplicate ids in one document, ids that change under unchanged
 * content, and old closed incidents that come into view must never (re-)announce anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deriveHealth } from '../../../shared/domain/health';
import type { Incident, IncidentStatus, IncidentUpdate, ProviderStatus } from '../../../shared/domain/types';
import { CLOSED_HISTORY_GRACE_MS, detectChanges, type DetectInput } from '../../../shared/engine/change-detector';
import type { SeenIncident } from '../../../shared/engine/state';
import { parseDocument } from '../../../shared/formats/registry';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { readFeed } from '../../support/feeds';
import { source, testEngine, type TestEngine } from './harness';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1, 12);
const iso = (ms: number) => new Date(ms).toISOString();

/** An incident whose updates are `steps` (status at time), newest first as adapters return them. */
function incident(id: string, steps: [IncidentStatus, number][], title = 'Elevated error rates'): Incident {
  const updates: IncidentUpdate[] = steps
    .map(([status, at]) => ({ status, text: `now ${status}`, at: iso(at) }))
    .sort((a, b) => (a.at < b.at ? 1 : -1));
  return {
    id,
    kind: 'incident',
    title,
    status: updates[0]!.status,
    impact: 'minor',
    createdAt: updates.at(-1)!.at,
    updatedAt: updates[0]!.at,
    updates,
    components: [],
  };
}

const CLOSED = new Set<IncidentStatus>(['resolved', 'postmortem', 'completed']);

/** A document listing `incidents` exactly as given: duplicates and all, in this order. */
function doc(incidents: Incident[]): ProviderStatus {
  const active = incidents.filter((i) => !CLOSED.has(i.status));
  return {
    provider: 'Example',
    format: 'statuspage-feed',
    health: deriveHealth({ components: [], activeIncidents: active }),
    components: [],
    activeIncidents: active,
    recentIncidents: incidents.filter((i) => CLOSED.has(i.status)),
    scheduledMaintenances: [],
    coverage: 'history',
  };
}

function detect(status: ProviderStatus, seen: Record<string, SeenIncident>, over: Partial<DetectInput> = {}) {
  return detectChanges({ sourceId: 's', provider: 'Example', baselined: true, seen, previousHealth: status.health, status, now: T0, ...over });
}

describe('duplicate incident ids in one document', () => {
  // The same incident listed twice: once as it was (investigating), once as it is now (resolved).
  const older = incident('dup', [['investigating', T0 - 3 * HOUR]]);
  const newer = incident('dup', [['investigating', T0 - 3 * HOUR], ['resolved', T0 - HOUR]]);

  it('count as the entry with the latest update, in either order, on every poll: nothing flips', () => {
    const orders = [doc([older, newer]), doc([newer, older])];
    for (const [first, second] of [orders, [...orders].reverse()]) {
      let { seen } = detect(first!, {}, { baselined: false });
      expect(seen.dup).toMatchObject({ status: 'resolved', active: false });
      for (let poll = 1; poll <= 6; poll++) {
        const status = poll % 2 ? second! : first!;
        const out = detect(status, seen, { now: T0 + poll * 300_000, previousSuccessAt: T0 + (poll - 1) * 300_000 });
        expect(out.events, `poll ${poll}`).toEqual([]);
        expect(out.seen.dup?.status).toBe('resolved');
        seen = out.seen;
      }
    }
  });

  it('are merged the same way by the format layer, so health and lists do not depend on order', async () => {
    const entry = (status: string, updates: [string, string][]) => ({
      id: 'dup1',
      name: 'API errors',
      status,
      impact: 'minor',
      created_at: '2026-10-30T09:00:00Z',
      updated_at: updates[0]![1],
      incident_updates: updates.map(([s, at]) => ({ status: s, body: s, created_at: at, display_at: at })),
    });
    const open = entry('investigating', [['investigating', '2026-10-30T09:00:00Z']]);
    const closed = entry('resolved', [['resolved', '2026-10-30T10:00:00Z'], ['investigating', '2026-10-30T09:00:00Z']]);
    const page = { id: 'p', name: 'Example', url: 'https://status.example.com', updated_at: '2026-10-30T10:00:00Z' };
    const ctx = { url: 'https://status.example.com/api/v2/incidents.json', now: T0 };
    const a = await parseDocument(JSON.stringify({ page, incidents: [open, closed] }), ctx);
    const b = await parseDocument(JSON.stringify({ page, incidents: [closed, open] }), ctx);
    expect(a).toEqual(b);
    expect(a.activeIncidents).toEqual([]);
    expect(a.recentIncidents.map((i) => [i.id, i.status])).toEqual([['dup1', 'resolved']]);
  });
});

describe('an incident whose id changes while its content stays the same', () => {
  it('is the remembered incident: an old resolved one is not announced again ("resolved A2")', () => {
    const a1 = incident('A1', [['investigating', T0 - 48 * HOUR], ['resolved', T0 - 47 * HOUR]]);
    const a2 = { ...a1, id: 'A2' };
    const base = detect(doc([a1]), {}, { baselined: false });
    // previousSuccessAt left out: the content alone must identify it.
    const next = detect(doc([a2]), base.seen);
    expect(next.events).toEqual([]);
    expect(next.seen.A2).toMatchObject({ status: 'resolved', firstSeenAt: base.seen.A1!.firstSeenAt });
    expect(next.seen.A1).toBeUndefined();
  });

  it('is the remembered incident while open too, and its next status change is an update', () => {
    const b1 = incident('B1', [['investigating', T0 - HOUR]]);
    const base = detect(doc([b1]), {}, { baselined: false });
    const moved = detect(doc([{ ...b1, id: 'B2' }]), base.seen);
    expect(moved.events).toEqual([]);
    const resolved = incident('B2', [['investigating', T0 - HOUR], ['resolved', T0]]);
    const out = detect(doc([resolved]), moved.seen);
    expect(out.events.map((e) => e.type)).toEqual(['incident.resolved']);
    expect(out.events[0]).toMatchObject({ previousStatus: 'investigating' });
  });

  it('is a new incident when the content differs, or when the old id is still listed', () => {
    const c1 = incident('C1', [['investigating', T0 - HOUR]]);
    const base = detect(doc([c1]), {}, { baselined: false });
    const retitled = detect(doc([{ ...c1, id: 'C2', title: 'Another problem' }]), base.seen);
    expect(retitled.events.map((e) => e.type)).toEqual(['incident.opened']);
    const twin = detect(doc([c1, { ...c1, id: 'C3' }]), base.seen);
    expect(twin.events.map((e) => e.type)).toEqual(['incident.opened']);
  });
});

describe('a closed incident seen for the first time', () => {
  const previousSuccessAt = T0 - 5 * 60_000;
  const base = detect(doc([]), {}, { baselined: false }).seen;

  it('is recorded silently when all its updates predate the previous successful poll', () => {
    const old = incident('old', [['investigating', T0 - 50 * HOUR], ['resolved', T0 - 49 * HOUR]]);
    const out = detect(doc([old]), base, { previousSuccessAt });
    expect(out.events).toEqual([]);
    expect(out.seen.old).toMatchObject({ status: 'resolved', active: false });
  });

  it('is announced once when it opened and closed after the previous poll', () => {
    const fresh = incident('fresh', [['investigating', T0 - 4 * 60_000], ['resolved', T0 - 60_000]]);
    expect(detect(doc([fresh]), base, { previousSuccessAt }).events.map((e) => e.type)).toEqual(['incident.resolved']);
  });

  it('is announced when it closed just before the previous poll, which may have read a cached document', () => {
    const recent = incident('recent', [['resolved', previousSuccessAt - CLOSED_HISTORY_GRACE_MS / 2]]);
    expect(detect(doc([recent]), base, { previousSuccessAt }).events.map((e) => e.type)).toEqual(['incident.resolved']);
  });
});

describe('through the engine, on GitHub\'s real incidents.json', () => {
  let server: FeedServer | undefined;
  let t: TestEngine | undefined;
  afterEach(async () => {
    await t?.close();
    await server?.close();
  });

  it('announces nothing when an old resolved incident comes into view, or reappears under a new id', async () => {
    const full = JSON.parse(readFeed('statuspage-json/githubstatus-incidents-2026-08-18-first5.json')) as { incidents: { id: string }[] };
    const oldest = full.incidents.at(-1)!;
    server = await startFeedServer();
    server.serveBody('/incidents.json', JSON.stringify({ ...full, incidents: full.incidents.slice(0, -1) }), { 'Content-Type': 'application/json', ETag: '"1"' });
    t = testEngine([source('gh', server.url('/incidents.json'))]);
    await t.engine.pollOnce();
    expect(t.events.map((e) => e.type)).toEqual(['source.baselined']);

    // The history window now reaches one incident further back (resolved in August, months before the first poll).
    server.swap('/incidents.json', { body: JSON.stringify(full), etag: '"2"' });
    await t.clock.advance(400_000);
    await t.engine.pollOnce();
    // The newest incident is re-keyed with everything else unchanged.
    const rekeyed = { ...full, incidents: [{ ...full.incidents[0]!, id: 'rekeyed0001' }, ...full.incidents.slice(1)] };
    server.swap('/incidents.json', { body: JSON.stringify(rekeyed), etag: '"3"' });
    await t.clock.advance(400_000);
    await t.engine.pollOnce();

    expect(t.events.map((e) => e.type)).toEqual(['source.baselined']);
    expect(Object.keys(t.store.state.sources.gh!.seen)).toEqual(expect.arrayContaining([oldest.id, 'rekeyed0001']));
  });
});
