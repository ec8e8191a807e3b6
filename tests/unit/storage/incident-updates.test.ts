/**
 * `HistoryReader.incidentUpdates`: the full timeline of one incident read back from a real status.db, what
 * the window lists for "Show all N updates" when the kept status carries only an incident's newest three.
 * Recorded through the store's own commit path from AWS's captured RSS (../shared/feeds/aws), whose open
 * incidents list 17 and 13 updates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident, ProviderStatus } from '../../../shared/domain/types';
import type { EngineEvent } from '../../../shared/engine/events';
import { newSourceState } from '../../../shared/engine/state';
import { parseDocument } from '../../../shared/formats/registry';
import { openStatusDatabase, type StatusDatabase } from '../../../shared/storage/sqlite';
import { readFeed } from '../../support/feeds';
import { HOUR, T0, incident, status } from '../history/fixtures';

const AWS_URL = 'http://127.0.0.1/aws/rss/all.rss';
const AWS_POLLED_AT = Date.UTC(2026, 7, 18, 13, 0, 0);

let dir: string;
let sdb: StatusDatabase;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-updates-'));
  sdb = await openStatusDatabase(join(dir, 'status.db'), { now: () => T0 });
  await sdb.store.read();
});
afterEach(() => {
  if (sdb.db.open) sdb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the engine keeps between polls once it trims: each incident's newest three, with the count. */
function trimmed(s: ProviderStatus): ProviderStatus {
  const trim = (i: Incident): Incident => (i.updates.length > 3 ? { ...i, updates: i.updates.slice(0, 3), updateCount: i.updates.length } : i);
  return { ...s, activeIncidents: s.activeIncidents.map(trim), recentIncidents: s.recentIncidents.map(trim), scheduledMaintenances: s.scheduledMaintenances.map(trim) };
}

async function commit(sourceId: string, parsed: ProviderStatus, at: number): Promise<void> {
  const baselined: EngineEvent = { type: 'source.baselined', sourceId, provider: parsed.provider, health: parsed.health, at, openIncidents: [] };
  const state = { ...newSourceState(AWS_URL), baselined: true, lastHealth: parsed.health, lastStatus: trimmed(parsed), nextPollAt: at + 60_000 };
  await sdb.store.commitPoll({ sourceId, provider: parsed.provider, state, parsed, events: [baselined], at });
}

/** An update as status.db keeps it: the platform's update id is not recorded, times are whole ms in UTC. */
const asRecorded = (i: Incident) => i.updates.map((u) => ({ status: u.status, ...(u.label !== undefined ? { label: u.label } : {}), text: u.text, at: new Date(u.at).toISOString() }));

describe('incidentUpdates', () => {
  it('reads every update of an open AWS incident, newest first, although the kept status holds three', async () => {
    const aws = await parseDocument(readFeed('aws/aws-all-rss-2026-08-18.rss'), { url: AWS_URL, now: AWS_POLLED_AT });
    const long = aws.activeIncidents.filter((i) => i.updates.length > 3);
    expect(long.length).toBeGreaterThanOrEqual(2);
    await commit('aws', aws, AWS_POLLED_AT);

    for (const i of long) {
      const read = sdb.history.incidentUpdates('aws', i.id);
      expect(read).toEqual(asRecorded(i));
      expect(read).toHaveLength(i.updates.length);
      // Newest first by the update's own time.
      const times = read!.map((u) => Date.parse(u.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it('says "not recorded" (undefined) for an unknown incident or source, and [] for an incident with no updates', async () => {
    const quiet = incident('quiet', { startedAt: T0 - HOUR, updates: [] });
    await commit('example', status('degraded', [quiet]), T0);
    expect(sdb.history.incidentUpdates('example', 'quiet')).toEqual([]);
    expect(sdb.history.incidentUpdates('example', 'nope')).toBeUndefined();
    expect(sdb.history.incidentUpdates('other', 'quiet')).toBeUndefined();
  });

  it("keeps one source's incident apart from another source's incident of the same id", async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const a = incident('same', { startedAt: T0 - 2 * HOUR, updates: [{ status: 'identified', text: 'A found it.', at: iso(T0 - HOUR) }, { status: 'investigating', text: 'A looks.', at: iso(T0 - 2 * HOUR) }] });
    const b = incident('same', { startedAt: T0 - 2 * HOUR, updates: [{ status: 'investigating', text: 'B looks.', at: iso(T0 - 2 * HOUR) }] });
    await commit('a', status('degraded', [a]), T0);
    await commit('b', status('degraded', [b]), T0);
    expect(sdb.history.incidentUpdates('a', 'same')!.map((u) => u.text)).toEqual(['A found it.', 'A looks.']);
    expect(sdb.history.incidentUpdates('b', 'same')!.map((u) => u.text)).toEqual(['B looks.']);
  });

  it('lists updates posted in the same ms in the order the document listed them', async () => {
    const at = new Date(T0 - HOUR).toISOString();
    const same = incident('burst', {
      startedAt: T0 - 2 * HOUR,
      updates: [
        { status: 'monitoring', text: 'Listed first.', at },
        { status: 'identified', text: 'Listed second.', at },
        { status: 'investigating', text: 'Listed third.', at },
        { status: 'investigating', text: 'Oldest.', at: new Date(T0 - 2 * HOUR).toISOString() },
      ],
    });
    await commit('s', status('degraded', [same]), T0);
    expect(sdb.history.incidentUpdates('s', 'burst')!.map((u) => u.text)).toEqual(['Listed first.', 'Listed second.', 'Listed third.', 'Oldest.']);
  });
});
