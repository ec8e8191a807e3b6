/**
 * contentKeyOf is stored in status.db (seen incidents), so its value must never drift: a key computed by an
 * older build has to match the same incident read by this one, or a re-keyed incident is announced again.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKeyOf } from '../../../shared/engine/change-detector';
import type { Incident } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import { FEEDS_DIR, readFeed } from '../../support/feeds';

/** The key as its docstring defines it: two 32-bit FNV-1a hashes (offsets 0x811c9dc5, 0x5bd1e995), each part ended by U+FFFF. */
function referenceKey(incident: Incident): string {
  const parts = [incident.kind, incident.title, incident.createdAt, ...incident.updates.flatMap((u) => [u.at, u.status, u.text])];
  const fnv = (offset: number): string => {
    let h = offset;
    for (const part of parts) for (const c of [...part.split('').map((ch) => ch.charCodeAt(0)), 0xffff]) h = Math.imul(h ^ c, 0x01000193);
    return (h >>> 0).toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x5bd1e995);
}

function feedFiles(dir = FEEDS_DIR): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? feedFiles(join(dir, n)) : n.endsWith('.md') ? [] : [relative(FEEDS_DIR, join(dir, n))]));
}

describe('contentKeyOf', () => {
  const base: Incident = {
    id: 'x', kind: 'incident', title: 'Degraded API', status: 'resolved', impact: 'minor', createdAt: '2026-07-09T07:04:00.000Z',
    updatedAt: '2026-07-09T08:00:00.000Z', components: [],
    updates: [{ status: 'resolved', text: 'Fixed.', at: '2026-07-09T08:00:00.000Z' }, { status: 'investigating', text: 'Looking.', at: '2026-07-09T07:04:00.000Z' }],
  };

  it('keeps the value status.db already holds for an incident', () => {
    expect(contentKeyOf(base)).toBe(referenceKey(base));
    expect(contentKeyOf(base)).toBe('f54879cd950593bd');
  });

  it('equals the reference on every incident of every captured document', async () => {
    let checked = 0;
    for (const file of feedFiles()) {
      const status = await parseDocument(readFeed(file), { url: 'https://status.example.com/', now: Date.parse('2026-10-01T00:00:00Z') }).catch(() => undefined);
      for (const incident of [...(status?.activeIncidents ?? []), ...(status?.recentIncidents ?? []), ...(status?.scheduledMaintenances ?? [])]) {
        expect(contentKeyOf(incident)).toBe(referenceKey(incident));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('tells apart parts that only split differently', () => {
    expect(contentKeyOf({ ...base, title: 'ab', createdAt: 'c' })).not.toBe(contentKeyOf({ ...base, title: 'a', createdAt: 'bc' }));
  });
});
