/**
 * The user's settings: their shape, the defaults of a first run, how files written by older versions are
 * brought up to date, and the engine configuration they produce. Plain types and functions; the zod schema
 * that validates settings.json is shared/ipc/settings-schema.ts, and the Electron store adapter
 * (electron/store.ts) persists them.
 */
import { hasFilter } from './source-key';
import { DEFAULT_FAIL_AFTER_POLLS, type HeldNotification, type QuietHours } from './noise';
import { DEFAULT_INTERVAL_SECONDS, type SourceConfig, type SourceSettings } from './source';

/** Current on-disk version of settings.json. Bump it and extend `migrateSettings` when the shape changes. */
export const SETTINGS_VERSION = 1;
/** Most sources the settings hold. */
export const MAX_SOURCES = 500;

/** User settings (persisted by main in settings.json). */
export interface AppSettings {
  sources: SourceSettings[];
  launchAtLogin: boolean;
  /** Notifications paused until this time (ms since epoch), or null. */
  notificationsPausedUntil: number | null;
  /** Default poll interval for new sources, seconds. */
  defaultIntervalSeconds: number;
  /** Daily quiet hours (noise/quiet-hours.ts); absent: none. */
  quietHours?: QuietHours;
  /** A source shows as failing after this many consecutive failed checks (default 2). */
  failAfterPolls?: number;
  /** Notifications held during quiet hours, summarised when they end. Kept here so a restart loses none. */
  heldNotifications?: HeldNotification[];
  /** The tray popover's size as the user last left it (absent: `DEFAULT_POPOVER_SIZE`). */
  popoverSize?: PopoverSize;
}

/** A window size in DIPs (device-independent pixels, what Electron's window APIs use). */
export interface PopoverSize {
  width: number;
  height: number;
}

/** The tray popover's size before the user resizes it (docs/popover-window.md). */
export const DEFAULT_POPOVER_SIZE: Readonly<PopoverSize> = { width: 380, height: 600 };
/** Smallest popover: one dense row of a provider still fits. Also the popover window's minimum size. */
export const MIN_POPOVER_SIZE: Readonly<PopoverSize> = { width: 320, height: 300 };
/** Largest remembered edge, DIPs; above any real display, it only keeps nonsense out of settings.json. */
export const MAX_POPOVER_EDGE = 8000;

/**
 * A size fit to be remembered: rounded to whole DIPs and held within `MIN_POPOVER_SIZE`…`MAX_POPOVER_EDGE`.
 * @returns undefined for a non-finite width or height.
 */
export function clampPopoverSize(size: PopoverSize): PopoverSize | undefined {
  if (!Number.isFinite(size.width) || !Number.isFinite(size.height)) return undefined;
  const fit = (v: number, min: number) => Math.min(MAX_POPOVER_EDGE, Math.max(min, Math.round(v)));
  return { width: fit(size.width, MIN_POPOVER_SIZE.width), height: fit(size.height, MIN_POPOVER_SIZE.height) };
}

/** Settings of a first run, or after a corrupt file with no usable backup. */
export function defaultSettings(): AppSettings {
  return { sources: [], launchAtLogin: false, notificationsPausedUntil: null, defaultIntervalSeconds: DEFAULT_INTERVAL_SECONDS };
}

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

/** Engine configuration for the configured sources (disabled ones included, so their state is kept). */
export function toSourceConfigs(settings: AppSettings): SourceConfig[] {
  return settings.sources.map((s: SourceSettings) => ({
    id: s.id,
    url: s.url,
    ...(s.name ? { name: s.name } : {}),
    intervalSeconds: s.intervalSeconds,
    enabled: s.enabled,
    ...(hasFilter(s.filter) ? { filter: s.filter } : {}),
    failAfter: settings.failAfterPolls ?? DEFAULT_FAIL_AFTER_POLLS,
    // An endpoint check is polled by the engine's check path (engine/checks), like the CLI's --check.
    ...(s.check ? { check: s.check } : {}),
  }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
