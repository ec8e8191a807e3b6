/**
 * User settings: their schema, defaults, on-disk migration, and the mapping to engine `SourceConfig`s.
 * Pure; the Electron store adapter (electron/store.ts) persists them in `settings.json`.
 * Shape: `AppSettings` in ../ipc/contract.ts. On disk the object carries `settingsVersion` as well.
 */
import { z } from 'zod';
import type { AppSettings, SourceSettings } from './contract';
import type { SourceConfig } from '../engine/state';
import { hasFilter } from '../domain/source-key';

export { normaliseUrl } from '../domain/source-key';

/** Current on-disk version of settings.json. Bump it and extend `migrateSettings` when the shape changes. */
export const SETTINGS_VERSION = 1;
/** Shortest poll interval a user may choose, seconds (DESIGN.md; be a good citizen towards status pages). */
export const MIN_INTERVAL_SECONDS = 60;
/** Longest poll interval, seconds (one day). */
export const MAX_INTERVAL_SECONDS = 86_400;
/** Default poll interval, seconds. */
export const DEFAULT_INTERVAL_SECONDS = 300;
/** Longest URL accepted anywhere, characters. */
export const MAX_URL_LENGTH = 2048;

/** Settings of a first run, or after a corrupt file with no usable backup. */
export function defaultSettings(): AppSettings {
  return { sources: [], launchAtLogin: false, notificationsPausedUntil: null, defaultIntervalSeconds: DEFAULT_INTERVAL_SECONDS };
}

/** An absolute http(s) URL of at most `MAX_URL_LENGTH` characters. */
export const httpUrlSchema = z
  .string()
  .max(MAX_URL_LENGTH, `URL is longer than ${MAX_URL_LENGTH} characters`)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'Only http:// and https:// URLs can be watched');

/** A poll interval in whole seconds within [60, 86400]. */
export const intervalSchema = z
  .number()
  .int('The interval must be a whole number of seconds')
  .min(MIN_INTERVAL_SECONDS, `The interval must be at least ${MIN_INTERVAL_SECONDS} seconds`)
  .max(MAX_INTERVAL_SECONDS, `The interval must be at most ${MAX_INTERVAL_SECONDS} seconds`);

/** A source id: short, printable, no path or prototype tricks. */
export const sourceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'Not a valid source id')
  .refine((s) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype', 'Not a valid source id');

export const notifyLevelSchema = z.enum(['all', 'major', 'none']);

/** A display name: trimmed, non-empty, at most 100 characters. */
export const nameSchema = z.string().trim().min(1, 'The name cannot be empty').max(100, 'The name is longer than 100 characters');

/** Most names in one filter list (the catalog's longest has 3: a service name and its short keys). */
export const MAX_FILTER_NAMES = 20;
/** Longest name in a filter list, characters (the catalog's longest is under 60). */
export const MAX_FILTER_NAME_LENGTH = 100;

const filterNamesSchema = z
  .array(z.string().trim().min(1, 'A filter name cannot be empty').max(MAX_FILTER_NAME_LENGTH, `A filter name is longer than ${MAX_FILTER_NAME_LENGTH} characters`))
  .min(1, 'A filter list cannot be empty')
  .max(MAX_FILTER_NAMES, `A filter list has more than ${MAX_FILTER_NAMES} names`);

/**
 * `SourceFilter` (the catalog's `CatalogFilter`): optional `components` and `regions`, each 1–20 names of
 * 1–100 characters, at least one list present. Strict keys.
 */
export const sourceFilterSchema = z
  .strictObject({ components: filterNamesSchema.optional(), regions: filterNamesSchema.optional() })
  .refine((f) => f.components !== undefined || f.regions !== undefined, 'A filter needs components or regions');

const sourceSettingsSchema = z.strictObject({
  id: sourceIdSchema,
  url: httpUrlSchema,
  name: nameSchema.optional(),
  enabled: z.boolean(),
  intervalSeconds: intervalSchema,
  notify: notifyLevelSchema,
  // Optional and additive: files written before filters existed still validate, so no migration.
  filter: sourceFilterSchema.optional(),
});

/** Most sources the settings hold. */
export const MAX_SOURCES = 500;

/** zod schema of `AppSettings` (strict: unknown keys are a violation, so a typo'd file is noticed). */
export const appSettingsSchema = z.strictObject({
  sources: z.array(sourceSettingsSchema).max(MAX_SOURCES),
  launchAtLogin: z.boolean(),
  notificationsPausedUntil: z.number().nullable(),
  defaultIntervalSeconds: intervalSchema,
});

/** zod schema of settings.json as stored (the settings plus `settingsVersion`). */
export const settingsFileSchema = appSettingsSchema.extend({ settingsVersion: z.literal(SETTINGS_VERSION) });

/**
 * Bring settings read from disk to `SETTINGS_VERSION`. Version 0 (files without `settingsVersion`, written by
 * pre-release builds) named the interval `pollSeconds` and stored `notify` as a boolean; it is renamed and
 * mapped (`true` → `all`, `false` → `none`), values unchanged — so `pollSeconds: 5` still fails validation.
 * @returns the migrated value (not yet validated); the input is not modified. Unknown shapes pass through.
 */
export function migrateSettings(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  if (raw.settingsVersion !== undefined) return raw;
  const sources = Array.isArray(raw.sources)
    ? raw.sources.map((s: unknown) => {
        if (!isRecord(s)) return s;
        const { pollSeconds, notify, ...rest } = s;
        const out: Record<string, unknown> = { ...rest };
        if (pollSeconds !== undefined && out.intervalSeconds === undefined) out.intervalSeconds = pollSeconds;
        out.notify = typeof notify === 'boolean' ? (notify ? 'all' : 'none') : notify;
        out.enabled ??= true;
        return out;
      })
    : raw.sources;
  return { ...defaultSettings(), ...raw, sources, settingsVersion: SETTINGS_VERSION };
}

/**
 * Validate (after migrating) a value read from settings.json.
 * @returns the settings without `settingsVersion`, or `undefined` when the value is not valid.
 */
export function parseSettingsFile(raw: unknown): AppSettings | undefined {
  const result = settingsFileSchema.safeParse(migrateSettings(raw));
  if (!result.success) return undefined;
  const { settingsVersion: _version, ...settings } = result.data;
  return settings as AppSettings;
}

/** The object written to settings.json. */
export function toSettingsFile(settings: AppSettings): AppSettings & { settingsVersion: typeof SETTINGS_VERSION } {
  return { ...settings, settingsVersion: SETTINGS_VERSION };
}

/** Engine configuration for the configured sources (disabled ones included, so their state is kept). */
export function toSourceConfigs(settings: AppSettings): SourceConfig[] {
  return settings.sources.map((s: SourceSettings) => ({
    id: s.id,
    url: s.url,
    ...(s.name ? { name: s.name } : {}),
    intervalSeconds: s.intervalSeconds,
    enabled: s.enabled,
    ...(hasFilter(s.filter) ? { filter: s.filter } : {}),
  }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
