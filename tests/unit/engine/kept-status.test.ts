import { describe, expect, it } from 'vitest';
import { KEEP_RESOLVED_FOR_MS, KEPT_UPDATES, keptIncident, keptStatus } from '../../../shared/engine/kept-status';
import type { Incident } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import { latestUpdate } from '../../../shared/presentation/incident-text';
import { readFeed } from '../../support/feeds';
import { DAY, HOUR, T0, incident, status } from '../history/fixtures';

describe('keptStatus', () => {
  it('drops resolved incidents older than the window and keeps open, scheduled and recent ones', () => {
    const old = incident('old', { startedAt: T0 - 20 * DAY, resolvedAt: T0 - 20 * DAY + HOUR });
    const recent = incident('recent', { startedAt: T0 - 2 * DAY, resolvedAt: T0 - 2 * DAY + HOUR });
    const open = incident('open', { startedAt: T0 - 30 * DAY });
    const whole = { ...status('degraded', [open, recent, old]), scheduledMaintenances: [incident('m', { status: 'scheduled', kind: 'maintenance' })] };
    const kept = keptStatus(whole, T0);
    expect(kept.recentIncidents.map((i) => i.id)).toEqual(['recent']);
    expect(kept.activeIncidents).toBe(whole.activeIncidents);
    expect(kept.scheduledMaintenances).toBe(whole.scheduledMaintenances);
    expect(whole.recentIncidents.map((i) => i.id)).toEqual(['recent', 'old']);
  });

  it('returns the same object when nothing is old, and keeps an incident whose date cannot be read', () => {
    const odd = { ...incident('odd', { resolvedAt: T0 - HOUR }), updatedAt: 'yesterday' };
    const whole = status('operational', [odd]);
    expect(keptStatus(whole, T0)).toBe(whole);
    const edge = status('operational', [incident('edge', { resolvedAt: T0 - KEEP_RESOLVED_FOR_MS })]);
    expect(keptStatus(edge, T0)).toBe(edge);
    expect(keptStatus(edge, T0 + 1).recentIncidents).toEqual([]);
  });
});

describe('the updates a kept incident carries', () => {
  /** An open incident with `n` updates an hour apart, newest first as adapters list them. */
  function long(id: string, n: number): Incident {
    const updates = Array.from({ length: n }, (_, k) => ({ status: 'identified' as const, text: `Update ${n - k}`, at: new Date(T0 - k * HOUR).toISOString() }));
    return { ...incident(id), updates, updatedAt: updates[0]!.at };
  }

  it('are the newest KEPT_UPDATES, with updateCount saying how many the document listed', () => {
    const whole = status('degraded', [long('a', 30), incident('short')]);
    const kept = keptStatus(whole, T0);
    const a = kept.activeIncidents.find((i) => i.id === 'a')!;
    expect(a.updates.map((u) => u.text)).toEqual(['Update 30', 'Update 29', 'Update 28']);
    expect(a.updateCount).toBe(30);
    // An incident with few updates is the document's own object, without a count.
    expect(kept.activeIncidents.find((i) => i.id === 'short')).toBe(whole.activeIncidents[1]);
    expect(whole.activeIncidents[0]!.updates).toHaveLength(30); // the parse is not changed
    expect(KEPT_UPDATES).toBe(3);
  });

  it('are chosen by their own time in a misordered feed, kept in the order listed, undated ones last', () => {
    const base = long('m', 5);
    const u = base.updates;
    const misordered = { ...base, updates: [u[3]!, { ...u[4]!, at: 'not a date' }, u[0]!, u[2]!, u[1]!] };
    const kept = keptIncident(misordered);
    expect(kept.updates.map((x) => x.text)).toEqual(['Update 5', 'Update 3', 'Update 4']);
    expect(kept.updateCount).toBe(5);
  });

  it('cuts maintenances and recent incidents too, and a count already given is not recounted', () => {
    const maintenance = { ...long('mx', 4), kind: 'maintenance' as const, status: 'scheduled' as const };
    const whole = { ...status('operational', [{ ...long('r', 6), status: 'resolved' as const }]), scheduledMaintenances: [maintenance] };
    const kept = keptStatus(whole, T0);
    expect(kept.scheduledMaintenances[0]!.updates).toHaveLength(KEPT_UPDATES);
    expect(kept.recentIncidents[0]!.updateCount).toBe(6);
    expect(keptIncident(kept.recentIncidents[0]!)).toBe(kept.recentIncidents[0]); // already cut: as it is
    expect(keptIncident({ ...long('c', 5), updateCount: 9 }).updateCount).toBe(9);
  });

  it('keeps an AWS feed of long open incidents to three updates each, from some 30', () => {
    return parseDocument(readFeed('aws/aws-all-rss-2026-08-18.rss'), { url: 'https://status.aws.amazon.com/rss/all.rss', now: T0 }).then((whole) => {
      const listed = whole.activeIncidents.map((i) => i.updates.length);
      expect(Math.max(...listed)).toBeGreaterThan(KEPT_UPDATES);
      const kept = keptStatus(whole, T0);
      expect(kept.activeIncidents.map((i) => i.updates.length)).toEqual(listed.map((n) => Math.min(n, KEPT_UPDATES)));
      expect(kept.activeIncidents.map((i) => i.updateCount ?? i.updates.length)).toEqual(listed);
      // The newest update, the one a collapsed row quotes, is always among those kept.
      for (const [k, i] of kept.activeIncidents.entries()) expect(i.updates).toContainEqual(latestUpdate(whole.activeIncidents[k]!));
    });
  });
});
