/**
 * An in-memory `StatusTrayApi` for working on the UI with `npm run dev` in a plain browser (no Electron, no
 * engine). Loaded only by the dev server (see api.ts); never part of a build, never used by tests — the e2e
 * tests drive the real engine and controller.
 */
import type { AppSnapshot, ChannelView, DeliveryEntry, Result, SourceSettings, StatusTrayApi, SourceSnapshot } from '../../../shared/ipc/contract';
import { worstHealth } from '../../../shared/domain/health';
import type { IncidentUpdate } from '../../../shared/domain/types';
import { dayCells, uptimeFigures } from '../../../shared/history/timeline';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const minutesAgo = (m: number) => Date.now() - m * 60_000;

/** Cursor's incident as status.db would hold it: six updates, of which the snapshot carries the newest three. */
function cursorUpdates(): IncidentUpdate[] {
  const steps: [IncidentUpdate['status'], string][] = [
    ['monitoring', 'A fix has been deployed; we are monitoring response times.'],
    ['identified', 'We have identified a slow dependency and are rolling out a fix.'],
    ['investigating', 'Error rates are still elevated for some users.'],
    ['investigating', 'We are seeing slow responses in more regions.'],
    ['investigating', 'We continue to investigate.'],
    ['investigating', 'We are investigating reports of slow responses.'],
  ];
  return steps.map(([status, text], k) => ({ status, text, at: new Date(minutesAgo(2 + 2 * k)).toISOString() }));
}

function sampleSources(): SourceSnapshot[] {
  return [
    {
      id: 'cursor', name: 'Cursor', url: 'https://status.cursor.com/api/v2/summary.json',
      effectiveUrl: 'https://status.cursor.com/api/v2/summary.json', enabled: true, health: 'degraded', polling: false,
      lastCheckedAt: minutesAgo(1), lastSuccessAt: minutesAgo(1),
      status: {
        provider: 'Cursor', format: 'statuspage-json', pageUrl: 'https://status.cursor.com', health: 'degraded',
        indicator: 'minor', description: 'Partially Degraded Service', coverage: 'active-only',
        components: [{ name: 'Grok Bot', status: 'degraded_performance' }, { name: 'Chat', status: 'operational' }],
        activeIncidents: [{
          id: 'inc1', kind: 'incident', title: 'Investigating service degradation — Grok Bot', status: 'monitoring',
          impact: 'minor', url: 'https://status.cursor.com/incidents/inc1',
          createdAt: new Date(minutesAgo(12)).toISOString(), updatedAt: new Date(minutesAgo(2)).toISOString(),
          updates: cursorUpdates().slice(0, 3),
          updateCount: 6,
          components: ['Grok Bot'],
        }],
        recentIncidents: [], scheduledMaintenances: [],
      },
    },
    {
      id: 'example', name: 'status.example.com', url: 'https://status.example.com/history.atom',
      effectiveUrl: 'https://status.example.com/history.atom', enabled: true, health: 'unknown', polling: false,
      lastCheckedAt: minutesAgo(3),
      lastError: { code: 'not-a-feed', message: 'The server sent an HTML page, not a status feed.', httpStatus: 200, at: minutesAgo(3) },
    },
    {
      id: 'github', name: 'GitHub', url: 'https://www.githubstatus.com/api/v2/summary.json',
      effectiveUrl: 'https://www.githubstatus.com/api/v2/summary.json', enabled: true, health: 'operational', polling: false,
      lastCheckedAt: minutesAgo(2), lastSuccessAt: minutesAgo(2),
      status: {
        provider: 'GitHub', format: 'statuspage-json', pageUrl: 'https://www.githubstatus.com', health: 'operational',
        indicator: 'none', description: 'All Systems Operational', coverage: 'active-only',
        components: [{ name: 'Git Operations', status: 'operational' }], activeIncidents: [], recentIncidents: [],
        scheduledMaintenances: [],
      },
    },
  ];
}

/**
 * A fake whose writes change its own snapshot and push it to subscribers, like main does. `focusProvider`
 * plays the tray menu's "open the popover at this provider": every `onFocusProvider` listener gets the id.
 */
export function createFakeApi(): StatusTrayApi & { focusProvider(sourceId: string): void } {
  const listeners = new Set<(s: AppSnapshot) => void>();
  const focusListeners = new Set<(sourceId: string) => void>();
  let sources = sampleSources();
  const state: AppSnapshot['settings'] = {
    sources: sources.map((s) => ({ id: s.id, url: s.url, enabled: true, intervalSeconds: 300, notify: 'all' })),
    launchAtLogin: false,
    notificationsPausedUntil: null,
    defaultIntervalSeconds: 300,
  };
  const snapshot = (): AppSnapshot => ({
    engine: { sources, overall: worstHealth(sources.filter((s) => s.enabled).map((s) => s.health)), paused: false },
    settings: structuredClone(state),
  });
  const push = () => {
    const s = snapshot();
    for (const l of listeners) l(s);
  };
  // Alert channels: secrets are only remembered as "set", like main, which never sends them back.
  let channels: ChannelView[] = [];
  let incidentUpdateCalls = 0;
  const deliveries: DeliveryEntry[] = [];
  const edit = (id: string, patch: Partial<SourceSettings>): Promise<Result<SourceSettings>> => {
    const found = state.sources.find((s) => s.id === id);
    if (!found) return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'No such source.' } });
    Object.assign(found, patch);
    sources = sources.map((s) => (s.id === id ? { ...s, enabled: found.enabled, name: found.name ?? s.name } : s));
    push();
    return ok({ ...found });
  };
  return {
    focusProvider(sourceId) {
      for (const l of focusListeners) l(sourceId);
    },
    getSnapshot: () => ok(snapshot()),
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    previewSource: (url) =>
      ok({ sourceUrl: new URL('/api/v2/summary.json', url).href, format: 'statuspage-json', provider: new URL(url).host, health: 'operational', activeIncidents: 0, foundVia: 'Statuspage JSON API at /api/v2/summary.json, recognised from the page' }),
    addSource(input) {
      const id = `src-${Date.now()}`;
      const settings: SourceSettings = { id, url: input.url, enabled: true, intervalSeconds: input.intervalSeconds ?? state.defaultIntervalSeconds, notify: input.notify ?? 'all', ...(input.name ? { name: input.name } : {}), ...(input.filter ? { filter: input.filter } : {}) };
      state.sources.push(settings);
      sources = [...sources, { id, name: input.name ?? new URL(input.url).host, url: input.url, effectiveUrl: input.url, enabled: true, health: 'unknown', polling: true }];
      push();
      return ok(settings);
    },
    updateSource: edit,
    removeSource(id) {
      state.sources = state.sources.filter((s) => s.id !== id);
      sources = sources.filter((s) => s.id !== id);
      push();
      return ok(null);
    },
    checkNow: () => ok(null),
    pauseNotifications(until) {
      state.notificationsPausedUntil = until;
      push();
      return ok(null);
    },
    setLaunchAtLogin(enabled) {
      state.launchAtLogin = enabled;
      push();
      return ok(null);
    },
    setDefaultInterval(seconds) {
      state.defaultIntervalSeconds = seconds;
      push();
      return ok(null);
    },
    openExternal: (url) => {
      console.info('[fake] openExternal', url);
      return ok(null);
    },
    openSettings: () => {
      window.open('./settings.html', '_blank');
      return ok(null);
    },
    // No file dialogs in a plain browser: both report a cancelled dialog.
    importOpml: () => ok({ canceled: true, added: 0, alreadyPresent: 0, skipped: 0, credentialsRemoved: 0 }),
    exportOpml: () => ok({ canceled: true, count: 0 }),
    snoozeSource: (id, request) =>
      edit(id, { snooze: request === null ? undefined : 'hours' in request ? { until: Date.now() + request.hours * 3_600_000 } : { untilResolved: ['inc1'] } }),
    watchIncident: (sourceId, incidentId, watch) => edit(sourceId, { fixWatches: watch ? [incidentId] : [] }),
    setQuietHours(quietHours) {
      state.quietHours = quietHours;
      push();
      return ok(null);
    },
    setFailAfterPolls(polls) {
      state.failAfterPolls = polls;
      push();
      return ok(null);
    },
    // Pin and close only mean something for the real popover window; the fake records them on the console.
    setPopoverPinned: (pinned) => {
      console.info('[fake] setPopoverPinned', pinned);
      return ok(undefined);
    },
    closePopover: () => {
      console.info('[fake] closePopover');
      return ok(undefined);
    },
    openFullWindow: () => {
      window.open('./index.html', '_blank');
      return ok(undefined);
    },
    onFocusProvider(listener) {
      focusListeners.add(listener);
      return () => void focusListeners.delete(listener);
    },
    getHistory() {
      // Thirty days of operational history per source, with one partial outage a week ago.
      const now = Date.now();
      const providers = sources.map((s) => {
        const t = [
          { sourceId: s.id, component: '', at: now - 30 * 86_400_000, health: 'operational' as const },
          { sourceId: s.id, component: '', at: now - 7 * 86_400_000, health: 'partial_outage' as const },
          { sourceId: s.id, component: '', at: now - 7 * 86_400_000 + 3_600_000, health: 'operational' as const },
        ];
        return { sourceId: s.id, provider: s.name, days: dayCells(t, [], now), uptime: uptimeFigures(t, [], now), incidents: [] };
      });
      return ok({ now, providers, resolved: [] });
    },
    // The first press fails, so the error and "Try again" can be seen in the dev server; later ones succeed.
    getIncidentUpdates(sourceId, incidentId) {
      if (sourceId !== 'cursor' || incidentId !== 'inc1') return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'Status Tray has no record of this incident’s updates.' } });
      if (incidentUpdateCalls++ === 0) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The status database is busy.' } });
      return new Promise((resolve) => setTimeout(() => resolve({ ok: true, value: cursorUpdates() }), 600));
    },
    listChannels: () => ok(structuredClone(channels)),
    saveChannel(channel, secrets) {
      const old = channels.find((c) => c.channel.id === channel.id);
      const set = new Set([...(old?.secretsSet ?? []), ...(Object.entries(secrets).filter(([, v]) => v).map(([k]) => k) as ChannelView['secretsSet'])]);
      const view: ChannelView = { channel, secretsSet: [...set] };
      channels = old ? channels.map((c) => (c.channel.id === channel.id ? view : c)) : [...channels, view];
      return ok(structuredClone(view));
    },
    removeChannel(id) {
      channels = channels.filter((c) => c.channel.id !== id);
      return ok(null);
    },
    testChannel(id) {
      // Odd-numbered tests fail, so both outcomes can be seen in the dev server.
      const failed = deliveries.filter((d) => d.channelId === id).length % 2 === 1;
      deliveries.unshift({ channelId: id, alertId: `test|${Date.now()}`, alertType: 'test', outcome: failed ? 'failed' : 'delivered', attempt: 1, at: Date.now(), ...(failed ? { httpStatus: 404, error: 'The webhook answered HTTP 404.' } : {}) });
      return ok(failed ? { ok: false, error: 'The webhook answered HTTP 404.', httpStatus: 404 } : { ok: true });
    },
    getChannelDeliveries: (id, limit) => ok(deliveries.filter((d) => d.channelId === id).slice(0, limit ?? 20)),
  };
}
