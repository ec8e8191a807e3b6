/**
 * zod schemas for settings values, shared by the IPC payload schemas (./schemas.ts) and settings.json: the
 * rules themselves (limits, what a watchable URL is) come from shared/domain/, so the settings window and the
 * engine apply the same ones without zod. `parseSettingsFile` is what the Electron store adapter
 * (electron/store.ts) runs on every read.
 */
import { z } from 'zod';
import { MAX_POPOVER_EDGE, migrateSettings, MAX_SOURCES, MIN_POPOVER_SIZE, SETTINGS_VERSION, type AppSettings } from '../domain/settings';
import {
  MAX_FILTER_NAME_LENGTH,
  MAX_FILTER_NAMES,
  MAX_INTERVAL_SECONDS,
  MAX_NAME_LENGTH,
  MIN_INTERVAL_SECONDS,
} from '../domain/source';
import { isHttpUrl, MAX_URL_LENGTH } from '../domain/url';
import type { CheckSpec } from '../domain/check';
import { appNoiseFields, sourceNoiseFields } from '../noise/schemas';
import { CHECK_LIMITS, CHECK_METHODS } from '../domain/check';
import { checkSpecProblem } from '../engine/checks/run-check';

/** An absolute http(s) URL of at most `MAX_URL_LENGTH` characters. */
export const httpUrlSchema = z
  .string()
  .max(MAX_URL_LENGTH, `URL is longer than ${MAX_URL_LENGTH} characters`)
  .refine(isHttpUrl, 'Only http:// and https:// URLs can be watched');

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
export const nameSchema = z.string().trim().min(1, 'The name cannot be empty').max(MAX_NAME_LENGTH, `The name is longer than ${MAX_NAME_LENGTH} characters`);

const filterNamesSchema = z
  .array(z.string().trim().min(1, 'A filter name cannot be empty').max(MAX_FILTER_NAME_LENGTH, `A filter name is longer than ${MAX_FILTER_NAME_LENGTH} characters`))
  .min(1, 'A filter list cannot be empty')
  .max(MAX_FILTER_NAMES, `A filter list has more than ${MAX_FILTER_NAMES} names`);

/**
 * `SourceFilter`: optional `components` and `regions`, each 1–20 names of
 * 1–100 characters, at least one list present. Strict keys.
 */
export const sourceFilterSchema = z
  .strictObject({ components: filterNamesSchema.optional(), regions: filterNamesSchema.optional() })
  .refine((f) => f.components !== undefined || f.regions !== undefined, 'A filter needs components or regions');

const checkText = z.string().min(1, 'The text cannot be empty').max(CHECK_LIMITS.maxTextLength, `The text is longer than ${CHECK_LIMITS.maxTextLength} characters`);

/**
 * `CheckSpec` of an endpoint check (domain/check.ts), strict keys: method, expected status codes (100–599),
 * contains / not-contains text, regular expressions that must compile, timeout, slow threshold, retries.
 */
export const checkSpecSchema = z
  .strictObject({
    method: z.enum(CHECK_METHODS as [string, ...string[]]).optional(),
    expectStatus: z.array(z.number().int().min(100).max(599)).min(1).max(CHECK_LIMITS.maxExpectStatus).optional(),
    contains: checkText.optional(),
    notContains: checkText.optional(),
    matches: checkText.optional(),
    notMatches: checkText.optional(),
    timeoutMs: z.number().int().min(CHECK_LIMITS.minTimeoutMs).max(CHECK_LIMITS.maxTimeoutMs).optional(),
    slowMs: z.number().int().min(CHECK_LIMITS.minSlowMs).max(CHECK_LIMITS.maxSlowMs).optional(),
    retries: z.number().int().min(0).max(CHECK_LIMITS.maxRetries).optional(),
    retryDelayMs: z.number().int().min(100).max(60_000).optional(),
  })
  .superRefine((spec, ctx) => {
    const problem = checkSpecProblem(spec as CheckSpec);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const sourceSettingsSchema = z.strictObject({
  id: sourceIdSchema,
  url: httpUrlSchema,
  name: nameSchema.optional(),
  enabled: z.boolean(),
  intervalSeconds: intervalSchema,
  notify: notifyLevelSchema,
  // Optional and additive: files written before filters existed still validate, so no migration.
  filter: sourceFilterSchema.optional(),
  // Noise control (snooze, maintenance, watches): optional and additive like `filter`.
  ...sourceNoiseFields,
  // An endpoint check (optional and additive: no migration).
  check: checkSpecSchema.optional(),
});

/** `PopoverSize`: whole DIPs within the limits `clampPopoverSize` writes. */
export const popoverSizeSchema = z.strictObject({
  width: z.number().int().min(MIN_POPOVER_SIZE.width).max(MAX_POPOVER_EDGE),
  height: z.number().int().min(MIN_POPOVER_SIZE.height).max(MAX_POPOVER_EDGE),
});

/** zod schema of `AppSettings` (strict: unknown keys are a violation, so a typo'd file is noticed). */
export const appSettingsSchema = z.strictObject({
  sources: z.array(sourceSettingsSchema).max(MAX_SOURCES),
  launchAtLogin: z.boolean(),
  notificationsPausedUntil: z.number().nullable(),
  defaultIntervalSeconds: intervalSchema,
  ...appNoiseFields,
  // Optional and additive: files written before the popover existed still validate, so no migration.
  popoverSize: popoverSizeSchema.optional(),
});

/** zod schema of settings.json as stored (the settings plus `settingsVersion`). */
export const settingsFileSchema = appSettingsSchema.extend({ settingsVersion: z.literal(SETTINGS_VERSION) });

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
