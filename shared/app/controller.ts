/**
 * The app's brain behind the IPC contract: owns the user's settings, feeds them to the engine, pushes
 * `AppSnapshot`s, and routes engine events to the notifier. Implements `StatusTrayApi` exactly, so main
 * exposes it over IPC and an e2e test can bridge a browser page to it without Electron.
 * Arguments arrive already validated: every call from a page passes `dispatchInvoke` (../ipc/dispatch.ts),
 * which parses its payload with the schemas of ../ipc/schemas.ts, and main's own calls are typed. Every
 * method resolves to a `Result`; none throws. OPML import/export lives in ./opml-actions.ts,
 * adding, editing, removing, snoozing and fix-watching a source in ./source-actions.ts.
 */
import type { Engine, EngineSnapshot } from '../engine/api';
import type { EngineEvent } from '../engine/events';
import type { IncidentUpdate } from '../domain/types';
import type {
  AddSourceInput,
  AppSettings,
  AppSnapshot,
  HistoryQuery,
  HistoryView,
  OpmlImportSummary,
  Result,
  SourcePatch,
  SourceSettings,
  StatusTrayApi,
} from '../ipc/contract';
import { fail, ok } from '../ipc/contract';
import type { Clock } from '../engine/ports';
import { createAppNotifier, type AppNotifier, type NotifierPort } from './notifier';
import type { OpmlFilePort } from './opml';
import { createOpmlActions } from './opml-actions';
import { createSourceActions } from './source-actions';
import type { PreviewFn } from './preview';
import { clampPopoverSize, toSourceConfigs, type PopoverSize } from '../domain/settings';
import { MAX_HELD, type HeldNotification } from '../domain/noise';
import type { LocalCalendar } from '../noise/quiet-hours';
import type { ChannelManager } from './channel-manager';

/** Persistence of `AppSettings` (electron-store in the app, memory in tests). `set` may throw (disk full). */
export interface SettingsStore {
  get(): AppSettings;
  set(settings: AppSettings): void;
}

/** What the page may ask of the app's windows. Each may throw; the controller turns that into `internal`. */
export interface WindowPort {
  /** Pinned: the popover stays open when it loses focus. */
  setPopoverPinned(pinned: boolean): void;
  /** Hide the popover. */
  closePopover(): void;
  /** Show and focus the full status window. */
  openFullWindow(): void;
}

/** What the controller needs. Side effects on the desktop are functions, so tests and the e2e bridge fake them. */
export interface AppControllerDeps {
  engine: Engine;
  settings: SettingsStore;
  /** One-shot fetch-and-parse of a URL (see ./preview.ts). */
  preview: PreviewFn;
  clock: Clock;
  /** Where toasts go; omit for no notifications. */
  notifier?: NotifierPort;
  /**
   * Outgoing alert channels (shared/channels/dispatcher.ts): hears every engine event beside the notifier.
   * Its `handle` only queues, so a slow or failing channel never holds up polling or the toasts.
   */
  alerts?: { handle(events: readonly EngineEvent[]): void };
  /** The settings window's channel calls (list, save, remove, test, delivery log); without it they fail with `internal`. */
  channels?: ChannelManager;
  /** Open an http(s) URL in the browser (already validated). */
  openExternal?: (url: string) => void | Promise<void>;
  openSettings?: () => void;
  /** The tray popover and the full window (electron/popover.ts); without it those calls succeed and do nothing. */
  windows?: WindowPort;
  /** File dialogs for OPML import/export; without it `importOpml`/`exportOpml` fail with `internal`. */
  opmlFiles?: OpmlFilePort;
  /** Register or unregister the app as a login item. May throw. */
  applyLaunchAtLogin?: (enabled: boolean) => void;
  /** New source ids (default: `crypto.randomUUID()`). */
  newId?: () => string;
  /** Set when settings.json had to be recovered; shown with the engine's own notice. */
  settingsNotice?: string;
  /** Recorded history (status.db); without it `getHistory` fails with `internal`. */
  history?: (query: HistoryQuery, now: number) => HistoryView;
  /**
   * Every recorded update of one incident, newest first (status.db), or `undefined` when the incident is not
   * recorded; without it `getIncidentUpdates` fails with `internal`.
   */
  incidentUpdates?: (sourceId: string, incidentId: string) => IncidentUpdate[] | undefined;
  /** Batch window of the notifier, ms (default 1 500). */
  notifyBatchMs?: number;
  /** Local calendar for quiet hours (default: this process's time zone). */
  calendar?: LocalCalendar;
  log?: (message: string) => void;
}

/** `StatusTrayApi` plus what main needs to drive the tray. */
export interface AppController extends StatusTrayApi {
  /** The current picture, synchronously. */
  snapshot(): AppSnapshot;
  /** The settings in force. */
  settings(): AppSettings;
  /** Import OPML text (what `importOpml` does after its dialog): adds new feeds, or changes nothing. */
  importOpmlText(xml: string): Promise<Result<OpmlImportSummary>>;
  /**
   * Remember the tray popover's size (main calls it when the popover hides after a resize). Clamped with
   * `clampPopoverSize`; an unchanged size writes nothing. Not on IPC: pages cannot set it.
   */
  setPopoverSize(size: PopoverSize): Result<null>;
  /** The sources as OPML 2.0 text (what `exportOpml` writes). */
  exportOpmlText(): Promise<Result<string>>;
  /**
   * Ask the pages to show one provider: every `onFocusProvider` listener gets `sourceId` (main forwards it to
   * the popover). An unknown id is passed on as is; the page ignores ids it does not list.
   */
  focusProvider(sourceId: string): void;
  /** The notifier, when a port was given (for flush/stats). */
  readonly notifier: AppNotifier | undefined;
  /** Unsubscribe from the engine and drop listeners. */
  dispose(): void;
}

/** Create the controller; it subscribes to the engine at once (start the engine separately). */
export function createAppController(deps: AppControllerDeps): AppController {
  const log = deps.log ?? (() => undefined);
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  const listeners = new Set<(s: AppSnapshot) => void>();
  const focusListeners = new Set<(sourceId: string) => void>();
  let settings: AppSettings = deps.settings.get();

  const notifier = deps.notifier
    ? createAppNotifier({
        port: deps.notifier,
        clock: deps.clock,
        settings: () => settings,
        quietBaselines: () => deps.settingsNotice !== undefined || deps.engine.snapshot().recoveryNotice !== undefined,
        batchWindowMs: deps.notifyBatchMs,
        log,
        openIncidentIds,
        ...(deps.calendar ? { calendar: deps.calendar } : {}),
        onHeld: (held) => saveHeld([...(settings.heldNotifications ?? []), ...held]),
        clearHeld: () => saveHeld([]),
        onFixed: (fixed) => {
          const sources = settings.sources.map((s) => {
            const done = fixed.filter((f) => f.sourceId === s.id).map((f) => f.incidentId);
            if (done.length === 0 || !s.fixWatches) return s;
            const left = s.fixWatches.filter((id) => !done.includes(id));
            const { fixWatches: _old, ...rest } = s;
            return left.length > 0 ? { ...rest, fixWatches: left } : rest;
          });
          commit({ ...settings, sources }, false);
        },
      })
    : undefined;

  /** Ids of a source's incidents open now, from the engine's latest picture. */
  function openIncidentIds(sourceId: string): string[] {
    return deps.engine.snapshot().sources.find((s) => s.id === sourceId)?.status?.activeIncidents.map((i) => i.id) ?? [];
  }

  /** Keep the newest `MAX_HELD` held notifications (the summary counts what it shows). */
  function saveHeld(held: HeldNotification[]): void {
    const { heldNotifications: _old, ...rest } = settings;
    commit(held.length > 0 ? { ...rest, heldNotifications: held.slice(-MAX_HELD) } : rest, false);
  }

  function compose(engine: EngineSnapshot): AppSnapshot {
    const notices = [deps.settingsNotice, engine.recoveryNotice].filter((n): n is string => Boolean(n));
    const merged = notices.length > 0 ? { ...engine, recoveryNotice: notices.join(' ') } : engine;
    return { engine: merged, settings };
  }

  function push(engine: EngineSnapshot = deps.engine.snapshot()): void {
    const snap = compose(engine);
    for (const l of listeners) {
      try {
        l(snap);
      } catch (err) {
        log(`A snapshot listener failed: ${(err as Error)?.message ?? err}`);
      }
    }
  }

  const unsubscribe = deps.engine.subscribe({
    onSnapshot: (snap) => push(snap),
    onEvents: (events) => {
      notifier?.handle(events);
      try {
        deps.alerts?.handle(events);
      } catch (err) {
        log(`Alert channels failed: ${(err as Error)?.message ?? err}`);
      }
    },
  });

  /** Persist, then apply: a failed write leaves the settings in force unchanged. */
  function commit(next: AppSettings, sourcesChanged: boolean): Result<null> {
    try {
      deps.settings.set(next);
    } catch (err) {
      log(`Saving settings failed: ${(err as Error)?.message ?? err}`);
      return fail('internal', 'The settings could not be saved.');
    }
    settings = next;
    if (sourcesChanged) deps.engine.setSources(toSourceConfigs(settings));
    push();
    return ok(null);
  }

  function findSource(id: string): SourceSettings | undefined {
    return settings.sources.find((s) => s.id === id);
  }

  const liveName = (id: string) => deps.engine.snapshot().sources.find((s) => s.id === id)?.name;

  const sourceActions = createSourceActions({
    settings: () => settings,
    commit,
    liveName,
    now: () => deps.clock.now(),
    newId,
    openIncidentIds,
  });

  const opml = createOpmlActions({
    settings: () => settings,
    commit: (next) => commit(next, true),
    liveName,
    now: () => deps.clock.now(),
    newId,
    ...(deps.opmlFiles ? { files: deps.opmlFiles } : {}),
    log,
  });

  async function guard<T>(work: () => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
    try {
      return await work();
    } catch (err) {
      log(`Request failed: ${(err as Error)?.stack ?? err}`);
      return fail('internal', (err as Error)?.message || 'Unexpected error');
    }
  }

  function withChannels<T>(work: (m: ChannelManager) => Promise<Result<T>> | Result<T>): Promise<Result<T>> | Result<T> {
    return deps.channels ? work(deps.channels) : fail('internal', 'Alert channels are not available in this window.');
  }

  // Notifications held before a restart: summarise now, or arm the timer for the end of quiet hours.
  notifier?.releaseHeld();

  const api: AppController = {
    notifier,
    snapshot: () => compose(deps.engine.snapshot()),
    settings: () => settings,

    getSnapshot: () => guard(() => ok(compose(deps.engine.snapshot()))),

    onSnapshot(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    previewSource: (url) => guard(() => deps.preview(url)),

    addSource: (input: AddSourceInput) => guard(() => sourceActions.add(input)),
    updateSource: (sourceId: string, patch: SourcePatch) => guard(() => sourceActions.update(sourceId, patch)),
    removeSource: (id: string) => guard(() => sourceActions.remove(id)),

    checkNow: (sourceId?: string) =>
      guard(async () => {
        if (sourceId !== undefined && !findSource(sourceId)) return fail('not-found', 'That source no longer exists.');
        await deps.engine.checkNow(sourceId);
        return ok(null);
      }),

    pauseNotifications: (end: number | null) =>
      guard(() => {
        // A time already past means "resume": store null so the UI does not show a stale pause.
        return commit({ ...settings, notificationsPausedUntil: end !== null && end > deps.clock.now() ? end : null }, false);
      }),

    setLaunchAtLogin: (enabled: boolean) =>
      guard(() => {
        try {
          deps.applyLaunchAtLogin?.(enabled);
        } catch (err) {
          log(`Login item change failed: ${(err as Error)?.message ?? err}`);
          return fail('internal', 'The system refused to change the login item.');
        }
        return commit({ ...settings, launchAtLogin: enabled }, false);
      }),

    setDefaultInterval: (seconds: number) => guard(() => commit({ ...settings, defaultIntervalSeconds: seconds }, false)),

    openExternal: (url: string) =>
      guard(async () => {
        await deps.openExternal?.(url);
        return ok(null);
      }),

    openSettings: () =>
      guard(() => {
        deps.openSettings?.();
        return ok(null);
      }),

    snoozeSource: (sourceId, req) => guard(() => sourceActions.snooze(sourceId, req)),
    watchIncident: (id, incident, on) => guard(() => sourceActions.watchIncident(id, incident, on)),

    setQuietHours: (quietHours) =>
      guard(() => {
        const r = commit({ ...settings, quietHours }, false);
        // Quiet hours switched off or moved: held notifications may be due now, or later.
        if (r.ok) notifier?.releaseHeld();
        return r;
      }),

    setPopoverSize(size) {
      const next = clampPopoverSize(size);
      if (!next) return fail('invalid-payload', 'The popover size must be a number of pixels.');
      const current = settings.popoverSize;
      if (current && current.width === next.width && current.height === next.height) return ok(null);
      return commit({ ...settings, popoverSize: next }, false);
    },

    setFailAfterPolls: (polls) => guard(() => commit({ ...settings, failAfterPolls: polls }, true)),

    importOpmlText: (xml: string) =>
      guard(() => (typeof xml === 'string' ? opml.importText(xml) : fail('invalid-payload', 'OPML must be text.'))),
    exportOpmlText: () => guard(() => ok(opml.exportText())),
    importOpml: () => guard(() => opml.importFile()),
    exportOpml: () => guard(() => opml.exportFile()),
    setPopoverPinned: (pinned: boolean) =>
      guard(() => {
        deps.windows?.setPopoverPinned(pinned);
        return ok(undefined);
      }),

    closePopover: () =>
      guard(() => {
        deps.windows?.closePopover();
        return ok(undefined);
      }),

    openFullWindow: () =>
      guard(() => {
        deps.windows?.openFullWindow();
        return ok(undefined);
      }),

    onFocusProvider(listener) {
      focusListeners.add(listener);
      return () => void focusListeners.delete(listener);
    },

    focusProvider(sourceId: string) {
      for (const l of focusListeners) {
        try {
          l(sourceId);
        } catch (err) {
          log(`A focus listener failed: ${(err as Error)?.message ?? err}`);
        }
      }
    },

    getHistory: (query: HistoryQuery) =>
      guard(() => {
        if (!deps.history) return fail('internal', 'History is not available.');
        return ok(deps.history(query, deps.clock.now()));
      }),

    getIncidentUpdates: (sourceId: string, incidentId: string) =>
      guard(() => {
        if (!deps.incidentUpdates) return fail('internal', 'The recorded updates of incidents are not available.');
        const updates = deps.incidentUpdates(sourceId, incidentId);
        // Recorded with the poll that listed it, so a miss is an incident from before status.db or one pruned.
        if (!updates) return fail('not-found', 'Status Tray has no record of this incident’s updates. Check the provider again, or open the incident page for its full timeline.');
        return ok(updates);
      }),

    // Alert channels: the manager keeps secrets in main (safeStorage) and returns only which are set.
    listChannels: () => guard(() => withChannels((m) => m.list())),
    saveChannel: (channel, secrets) => guard(() => withChannels((m) => m.save(channel, secrets))),
    removeChannel: (id) => guard(() => withChannels((m) => m.remove(id))),
    testChannel: (id) => guard(() => withChannels((m) => m.test(id))),
    getChannelDeliveries: (id, limit) => guard(() => withChannels((m) => (m.channels().some((c) => c.id === id) ? m.deliveries(id, limit ?? 20) : fail('not-found', 'That channel no longer exists.')))),

    dispose() {
      unsubscribe();
      listeners.clear();
      focusListeners.clear();
      notifier?.dispose();
    },
  };
  return api;
}
