/**
 * Persistence for the desktop app: `settings.json` through electron-store (JSON schema from the zod schema,
 * defaults, our own versioned migration), loaded through `loadJsonWithRecovery` first so a damaged file never
 * reaches electron-store's constructor (which throws on invalid JSON or a schema violation); and the engine's
 * state and history in `status.db` (`openStatusStore`, docs/storage.md), which imports an old `state.json`
 * once. `createStateStore` (the JSON state file) remains for tests of that format.
 */
import { join } from 'node:path';
import Store from 'electron-store';
import { z } from 'zod';
import type { AppSettings } from '../shared/ipc/contract';
import { defaultSettings } from '../shared/domain/settings';
import { parseSettingsFile, settingsFileSchema, toSettingsFile } from '../shared/ipc/settings-schema';
import type { SettingsStore } from '../shared/app/controller';
import type { StateStore } from '../shared/engine/ports';
import { createStateFile, loadJsonWithRecovery, writeFileAtomic } from '../shared/platform/node/json-file';
import type { HistoryQuery, HistoryView } from '../shared/ipc/contract';
import type { DeliveryLog } from '../shared/domain/channel';
import type { IncidentUpdate } from '../shared/domain/types';
import { historyView, openStatusDatabase, type SqliteStateStore } from '../shared/storage/sqlite';

/** File names inside the app's data directory. */
export const SETTINGS_FILE = 'settings.json';
export const STATE_FILE = 'state.json';
export const DATABASE_FILE = 'status.db';

/** The settings store and what loading it found. */
export interface OpenedSettings {
  store: SettingsStore;
  /** True when settings.json was damaged and replaced by its backup or defaults. */
  recovered: boolean;
  /** For the banner, when `recovered`. */
  notice?: string;
}

type SettingsFile = ReturnType<typeof toSettingsFile>;

/** electron-store's `schema` (properties) and `rootSchema` (the rest), derived from the zod schema. */
function electronStoreSchema(): { schema: Record<string, unknown>; rootSchema: Record<string, unknown> } {
  const json = z.toJSONSchema(settingsFileSchema) as { properties: Record<string, unknown>; required?: string[] };
  return { schema: json.properties, rootSchema: { required: json.required ?? [] } };
}

function newElectronStore(dir: string): Store<SettingsFile> {
  const { schema, rootSchema } = electronStoreSchema();
  return new Store<SettingsFile>({
    cwd: dir,
    name: 'settings',
    defaults: toSettingsFile(defaultSettings()),
    schema: schema as never,
    rootSchema: rootSchema as never,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
}

/**
 * Open settings.json in `dir` (the app's userData directory).
 * @param now clock for `.corrupt-<ms>` names.
 * Never throws for a damaged file; throws only when the directory itself cannot be written.
 */
export function openSettingsStore(dir: string, now: () => number = Date.now): OpenedSettings {
  const path = join(dir, SETTINGS_FILE);
  const loaded = loadJsonWithRecovery(path, parseSettingsFile, now, 'Your settings');
  let settings: AppSettings = loaded.value ?? defaultSettings();
  let recovered = loaded.recovered;
  let notice = loaded.reason;
  // Write the migrated (or recovered) settings before electron-store reads the file, so it opens a valid one.
  writeFileAtomic(path, JSON.stringify(toSettingsFile(settings), null, 2));
  let store: Store<SettingsFile>;
  try {
    store = newElectronStore(dir);
  } catch (err) {
    // zod and ajv disagreeing should not happen; if it does, fall back to defaults rather than not starting.
    const second = loadJsonWithRecovery(path, () => undefined, now, 'Your settings');
    settings = defaultSettings();
    writeFileAtomic(path, JSON.stringify(toSettingsFile(settings), null, 2));
    store = newElectronStore(dir);
    recovered = true;
    notice = `${second.reason ?? 'Your settings could not be read.'} (${(err as Error).message})`;
  }
  return {
    store: {
      get: () => settings,
      set(next) {
        store.store = toSettingsFile(next);
        settings = next;
      },
    },
    recovered,
    ...(notice ? { notice } : {}),
  };
}

/**
 * The engine's `StateStore` on `state.json` in `dir`: atomic writes (temp + fsync + rename), `.bak` after each
 * good read, recovery as for settings.
 * @param forceRecovery a reason to report `recovered` even for a good file — used when settings.json was
 *   recovered, so every source baselines silently (docs/http-and-faults.md, row 43: no toasts).
 */
export function createStateStore(dir: string, now: () => number = Date.now, forceRecovery?: string): StateStore {
  return createStateFile(join(dir, STATE_FILE), now, forceRecovery);
}

/** The app's status.db, opened: the engine's store, the history view for IPC, and close(). */
export interface StatusStore {
  store: SqliteStateStore;
  view: (query: HistoryQuery, now: number) => HistoryView;
  /** Every recorded update of one incident, newest first; `undefined` when status.db has no such incident. */
  incidentUpdates: (sourceId: string, incidentId: string) => IncidentUpdate[] | undefined;
  /** The alert channels' delivery log (status.db, table `channel_deliveries`). */
  deliveries: DeliveryLog;
  close(): void;
}

/**
 * Open `status.db` in `dir` (docs/storage.md): imports an existing `state.json` once (kept as
 * `state.json.migrated`), and moves a damaged database aside.
 * @param forceRecovery as for `createStateStore`: report a recovery (every source baselines silently).
 * @param warn where a delivery log row that could not be written is reported.
 * @throws only when the directory cannot hold a database at all.
 */
export async function openStatusStore(dir: string, now: () => number = Date.now, forceRecovery?: string, warn?: (message: string) => void): Promise<StatusStore> {
  const sdb = await openStatusDatabase(join(dir, DATABASE_FILE), { legacyJson: join(dir, STATE_FILE), now, ...(forceRecovery ? { forceRecovery } : {}), ...(warn ? { warn } : {}) });
  return {
    store: sdb.store,
    view: (query, at) => historyView(sdb.history, query, at),
    incidentUpdates: (sourceId, incidentId) => sdb.history.incidentUpdates(sourceId, incidentId),
    deliveries: sdb.deliveries,
    close: () => sdb.close(),
  };
}
