/**
 * docs/http-and-faults.md rows 46–48 end to end: the real engine and format adapters on real captured feeds (served by a
 * fake FetchPort — no network), the real controller and notifier, an in-memory state store standing for disk.
 */
import { describe, expect, it } from 'vitest';
import { createAppController } from '../../../shared/app/controller';
import { createEngine } from '../../../shared/engine/engine';
import { toSourceConfigs } from '../../../shared/domain/settings';
import type { EngineState } from '../../../shared/engine/state';
import type { FetchPort, StateStore } from '../../../shared/engine/ports';
import type { Toast } from '../../../shared/presentation/notifications';
import { readFeed } from '../../support/feeds';
import { FakeClock, MemorySettings, settingsWith, source } from './helpers';

const FEED_URL = 'https://status.example.com/history.atom';

/** A state store that keeps the serialised state, like a file would. */
class DiskLikeStore implements StateStore {
  text: string | undefined;
  writes = 0;
  async read() {
    return { state: this.text ? (JSON.parse(this.text) as EngineState) : undefined, recovered: false };
  }
  async write(state: EngineState) {
    this.text = JSON.stringify(state);
    this.writes++;
  }
}

function feedFetch(current: () => string): FetchPort {
  return async () => new Response(current(), { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' } });
}

/** One app run: engine + controller on the given store, polling once. */
async function run(store: StateStore, document: string, show: (t: Toast) => void, settingsNotice?: string) {
  const clock = new FakeClock(Date.UTC(2026, 7, 1));
  const settings = new MemorySettings(settingsWith([source('feed', { url: FEED_URL, name: 'Example' })]));
  const engine = createEngine({ fetch: feedFetch(() => document), store, clock, random: () => 0.5, sources: toSourceConfigs(settings.get()), userAgent: 'StatusTray/test' });
  const controller = createAppController({
    engine,
    settings,
    clock,
    preview: async () => ({ ok: false, error: { code: 'fetch-failed', message: 'unused' } }),
    notifier: { show },
    notifyBatchMs: 0,
    ...(settingsNotice ? { settingsNotice } : {}),
  });
  const snapshot = await engine.pollOnce();
  await engine.stop();
  controller.dispose();
  return snapshot;
}

describe('notifications across restarts (FAULTS 46–48)', () => {
  it('row 48: first run on a long history with an open incident → no per-incident toasts, one summary', async () => {
    const shown: Toast[] = [];
    // 96 items, one still open ("Status: Monitoring").
    const snap = await run(new DiskLikeStore(), readFeed('incidentio/openai-history-rss-2026-10-01.rss'), (t) => void shown.push(t));
    const status = snap.sources[0]?.status;
    expect(status?.activeIncidents.length).toBe(1);
    expect(status!.recentIncidents.length).toBeGreaterThan(10);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.body).toBe('1 open incident at Example');
    expect(shown.every((t) => !t.id.startsWith('feed|'))).toBe(true);
  });

  it('row 46: restart on the same feed → 0 toasts', async () => {
    const store = new DiskLikeStore();
    const doc = readFeed('statuspage-feeds/githubstatus-history-2026-07-09-active.atom');
    await run(store, doc, () => undefined);
    const shown: Toast[] = [];
    await run(store, doc, (t) => void shown.push(t));
    expect(shown).toEqual([]);
  });

  it('row 47: notify throws after the store write → the incident is in the snapshot, and a restart does not re-toast', async () => {
    const store = new DiskLikeStore();
    await run(store, readFeed('statuspage-feeds/digitalocean-history-2019-10-30.atom'), () => undefined);
    let writesWhenShown = -1;
    const snap = await run(store, readFeed('statuspage-feeds/digitalocean-history-2019-10-31-active.atom'), () => {
      writesWhenShown = store.writes;
      throw new Error('crash inside notify');
    });
    // The toast was attempted only after the new state reached the store.
    expect(writesWhenShown).toBeGreaterThan(0);
    expect(JSON.stringify(JSON.parse(store.text!).sources.feed.seen)).toContain('Issues affecting custom Droplet images');
    const titles = snap.sources[0]?.status?.activeIncidents.map((i) => i.title) ?? [];
    expect(titles).toContain('Issues affecting custom Droplet images');
    const again: Toast[] = [];
    await run(store, readFeed('statuspage-feeds/digitalocean-history-2019-10-31-active.atom'), (t) => void again.push(t));
    expect(again).toEqual([]);
  });

  it('rows 43–44: after a recovered store every source baselines again, silently', async () => {
    const store = new DiskLikeStore();
    const doc = readFeed('incidentio/openai-history-rss-2026-10-01.rss');
    const recovered: StateStore = { read: async () => ({ state: undefined, recovered: true, recoveryReason: 'state.json was damaged.' }), write: (s) => store.write(s) };
    const shown: Toast[] = [];
    const snap = await run(recovered, doc, (t) => void shown.push(t));
    expect(shown).toEqual([]);
    expect(snap.recoveryNotice).toBe('state.json was damaged.');
    // Settings recovered (state intact but forced into baseline by the store adapter): also silent.
    const again: Toast[] = [];
    await run(recovered, doc, (t) => void again.push(t), 'Your settings could not be read.');
    expect(again).toEqual([]);
  });
});
