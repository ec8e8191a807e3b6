/**
 * The one IPC contract between main, preload and renderer. Channel names live here and nowhere else.
 * Every invoke returns a `Result` — errors cross as values, never as thrown exceptions.
 * Payload schemas (validated in main for every call) are in ./schemas.ts.
 */
import type { EngineSnapshot } from '../engine/api';
import type { AppSettings } from '../domain/settings';
import type { NotifyLevel, SourceFilter, SourceSettings } from '../domain/source';
import type { FormatId, Health, IncidentUpdate } from '../domain/types';
import type { HistoryIncident, ProviderHistory } from '../history/types';
import type { QuietHours, SnoozeRequest } from '../domain/noise';
import type { CheckSpec } from '../domain/check';
import type { ChannelConfig, ChannelSecrets, ChannelTestResult, ChannelView, DeliveryEntry } from '../domain/channel';

// The domain types the API speaks in, so a page needs this one module to call it.
export type { AppSettings } from '../domain/settings';
export type { NotifyLevel, SourceFilter, SourceSettings } from '../domain/source';
export type { EngineSnapshot, SourceSnapshot } from '../engine/api';
export type { SaveError } from '../engine/save-error';
export type { CheckMethod, CheckSpec } from '../domain/check';
export type { ChannelConfig, ChannelKind, ChannelFilter, ChannelSecrets, ChannelTestResult, ChannelView, DeliveryEntry, MinImpact } from '../domain/channel';

/** Success or a typed error; what every IPC call resolves to. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A success `Result`. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** An error `Result`; `message` is shown to people as is. */
export function fail(code: IpcError['code'], message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } };
}

/** An error that crossed IPC. `code` is stable for the UI; `message` is for people. */
export interface IpcError {
  code:
    | 'invalid-payload'
    | 'untrusted-sender'
    | 'not-found'
    | 'duplicate'
    | 'fetch-failed'
    | 'internal'
    /** A chosen file (OPML import) was refused: too large, not OPML, unreadable. Nothing was changed. */
    | 'invalid-file'
    /** A file could not be written (OPML export). */
    | 'file-failed';
  message: string;
}

/** What the renderer receives: the engine's picture plus the settings that shape it. */
export interface AppSnapshot {
  engine: EngineSnapshot;
  settings: AppSettings;
}

/** What fetching a URL once found, shown before the user saves it. */
export interface SourcePreview {
  /** The source URL that will be polled (may differ from what was typed, after discovery). */
  sourceUrl: string;
  format: FormatId;
  provider: string;
  health: Health;
  activeIncidents: number;
  /** How it was found, e.g. "Statuspage JSON API at /api/v2/summary.json, recognised from the page". */
  foundVia: string;
  /** When discovery went through the catalog: the entry, whose name and filter Add should save. */
  catalog?: { id: string; name: string; filter?: SourceFilter };
}

/** Input to add a source. */
export interface AddSourceInput {
  url: string;
  name?: string;
  notify?: NotifyLevel;
  intervalSeconds?: number;
  /** Narrow a shared feed (from a catalog entry or a catalog preview). */
  filter?: SourceFilter;
  /** Watch the URL as your own endpoint with these rules instead of reading it as a status document. */
  check?: CheckSpec;
}

/** What an OPML import did. Nothing was changed when it was `canceled` or failed. */
export interface OpmlImportSummary {
  /** The user closed the file dialog. */
  canceled: boolean;
  /** Sources added to the list. */
  added: number;
  /** Feeds in the file that were already in the list (same address, no filter). */
  alreadyPresent: number;
  /** Entries that were not http(s) feeds, or whose address was too long. */
  skipped: number;
  /** Entries whose address carried a user name or password; it was removed before anything was saved. */
  credentialsRemoved: number;
}

/** What an OPML export did. */
export interface OpmlExportSummary {
  /** The user closed the save dialog; nothing was written. */
  canceled: boolean;
  /** Sources written. */
  count: number;
  /** Where the file was written (absent when canceled). */
  path?: string;
}

/** Editable fields of a source. `filter: null` watches the whole page again. */
export type SourcePatch = Partial<Pick<SourceSettings, 'name' | 'enabled' | 'intervalSeconds' | 'notify' | 'notifyMaintenance'>> & {
  filter?: SourceFilter | null;
  /** New rules of an endpoint check (only for a source that is one). */
  check?: CheckSpec;
};

/** Which history the window asks for. */
export interface HistoryQuery {
  /** Only these sources (all when absent). */
  sourceIds?: string[];
  /** Resolved incidents that ended at or after this time, ms since epoch (default: the last 90 days). */
  since?: number;
}

/** What the window's history view shows (times ms since epoch, UTC). */
export interface HistoryView {
  /** The instant the figures end at. */
  now: number;
  /** Each provider's 90-day bar, uptime figures and the incidents the bar names. */
  providers: ProviderHistory[];
  /** Resolved incidents in the query's range, newest first (at most 500). */
  resolved: HistoryIncident[];
}

/** The API the preload exposes as `window.statusTray`. */
export interface StatusTrayApi {
  getSnapshot(): Promise<Result<AppSnapshot>>;
  /** Subscribe to pushed snapshots; returns an unsubscribe function. */
  onSnapshot(listener: (snapshot: AppSnapshot) => void): () => void;
  previewSource(url: string): Promise<Result<SourcePreview>>;
  addSource(input: AddSourceInput): Promise<Result<SourceSettings>>;
  updateSource(id: string, patch: SourcePatch): Promise<Result<SourceSettings>>;
  removeSource(id: string): Promise<Result<null>>;
  checkNow(id?: string): Promise<Result<null>>;
  /** Pause notifications until a time (ms since epoch), or resume with null. */
  pauseNotifications(until: number | null): Promise<Result<null>>;
  setLaunchAtLogin(enabled: boolean): Promise<Result<null>>;
  setDefaultInterval(seconds: number): Promise<Result<null>>;
  /** Open an http(s) URL in the default browser; anything else is refused. */
  openExternal(url: string): Promise<Result<null>>;
  openSettings(): Promise<Result<null>>;
  /** Ask for an OPML file (main shows the dialog) and add the feeds it lists; an invalid file changes nothing. */
  importOpml(): Promise<Result<OpmlImportSummary>>;
  /** Ask where to save (main shows the dialog) and write the sources as OPML 2.0. */
  exportOpml(): Promise<Result<OpmlExportSummary>>;
  /** Snooze one provider (for some hours, or until its open incidents resolve); `null` ends the snooze. */
  snoozeSource(id: string, request: SnoozeRequest | null): Promise<Result<SourceSettings>>;
  /** "Tell me when it's fixed" on one incident (`watch` true), or take it back. */
  watchIncident(sourceId: string, incidentId: string, watch: boolean): Promise<Result<SourceSettings>>;
  /** Set the daily quiet hours. */
  setQuietHours(quietHours: QuietHours): Promise<Result<null>>;
  /** Consecutive failed checks before a source shows as failing (1–10). */
  setFailAfterPolls(polls: number): Promise<Result<null>>;
  /** Recorded history: 90-day bars, uptime and resolved incidents (from status.db). */
  getHistory(query: HistoryQuery): Promise<Result<HistoryView>>;
  /**
   * Every recorded update of one incident, newest first, from status.db: "Show all N updates" of an incident
   * whose snapshot carries only its newest few (`Incident.updateCount`). Fails with `not-found` when status.db
   * has no such incident.
   */
  getIncidentUpdates(sourceId: string, incidentId: string): Promise<Result<IncidentUpdate[]>>;

  // --- Alert channels (settings window; docs/channels-and-server.md). Secrets go in, never come back out. ---
  /** The configured channels and which of their secrets are stored (never the values). */
  listChannels(): Promise<Result<ChannelView[]>>;
  /**
   * Add or replace the channel with this id. Secrets given are sealed with the OS keychain in main and
   * replace the stored ones; omitted ones are kept. Fails when a chat channel has no webhook URL at all.
   */
  saveChannel(channel: ChannelConfig, secrets: ChannelSecrets): Promise<Result<ChannelView>>;
  removeChannel(id: string): Promise<Result<null>>;
  /** "Send test": one test message through the channel now; the outcome says what went wrong if it failed. */
  testChannel(id: string): Promise<Result<ChannelTestResult>>;
  /** The channel's delivery log, newest first (at most `limit`, default 20). */
  getChannelDeliveries(id: string, limit?: number): Promise<Result<DeliveryEntry[]>>;
  // --- end of alert channels ---
  /**
   * Pin the tray popover (`true`: it stays open when it loses focus) or unpin it (`false`: it hides on blur
   * again). Only the popover window has a pin; from the full window this changes nothing visible.
   */
  setPopoverPinned(pinned: boolean): Promise<Result<void>>;
  /** Hide the tray popover (Escape in the popover). Nothing happens when it is already hidden. */
  closePopover(): Promise<Result<void>>;
  /** Show and focus the full status window (the same page, wider, with a title bar). */
  openFullWindow(): Promise<Result<void>>;
  /**
   * Subscribe to "show this provider" requests from main (the tray menu's provider items open the popover at
   * that provider); the listener gets the source id. Returns an unsubscribe function.
   */
  onFocusProvider(listener: (sourceId: string) => void): () => void;
}

/** API methods that subscribe to pushes from main rather than invoke a channel. */
export type SubscribeMethod = 'onSnapshot' | 'onFocusProvider';

/** Invoke channels (renderer → main, request/response). */
export const IPC_INVOKE = {
  getSnapshot: 'status:get',
  previewSource: 'source:preview',
  addSource: 'source:add',
  updateSource: 'source:update',
  removeSource: 'source:remove',
  checkNow: 'poll:check-now',
  pauseNotifications: 'notifications:pause',
  setLaunchAtLogin: 'app:set-launch-at-login',
  setDefaultInterval: 'settings:set-default-interval',
  openExternal: 'shell:open-external',
  openSettings: 'window:open-settings',
  importOpml: 'opml:import',
  exportOpml: 'opml:export',
  snoozeSource: 'source:snooze',
  watchIncident: 'incident:watch',
  setQuietHours: 'settings:set-quiet-hours',
  setFailAfterPolls: 'settings:set-fail-after',
  getHistory: 'history:get',
  getIncidentUpdates: 'incident:updates',
  // Alert channels.
  listChannels: 'channels:list',
  saveChannel: 'channels:save',
  removeChannel: 'channels:remove',
  testChannel: 'channels:test',
  getChannelDeliveries: 'channels:deliveries',
  setPopoverPinned: 'popover:set-pinned',
  closePopover: 'popover:close',
  openFullWindow: 'window:open-full',
} as const satisfies Record<Exclude<keyof StatusTrayApi, SubscribeMethod>, string>;

/** Push channels (main → renderer). */
export const IPC_PUSH = {
  snapshot: 'status:changed',
  /** Payload: the source id to show (see `onFocusProvider`). */
  focusProvider: 'popover:focus-provider',
} as const;

/**
 * The query parameter that tells the popover from the full window: main loads `index.html?view=popover` in
 * the tray popover and plain `index.html` in the full window (same React app).
 */
export const VIEW_QUERY = { name: 'view', popover: 'popover' } as const;

/** Which window a page is in, from its `location.search` (e.g. `"?view=popover"`); anything else is `full`. */
export function viewFromSearch(search: string): 'popover' | 'full' {
  return new URLSearchParams(search).get(VIEW_QUERY.name) === VIEW_QUERY.popover ? 'popover' : 'full';
}
