/**
 * Auto-update wiring: electron-updater against the GitHub Releases that `release.yml` publishes
 * (electron-builder.yml `publish`, written into the app as `app-update.yml`).
 *
 * Checks shortly after start and then once a day, offers `checkNow()` for a tray-menu item, and stays off where an
 * update cannot be installed by the app itself: development runs (not packaged), the Windows portable exe, deb/rpm/
 * pacman installs (the system package manager owns those files), Snap/Flatpak, and an AppImage started without its
 * runtime (`APPIMAGE` unset — electron-updater's `isUpdaterActive()` then says no).
 *
 * Everything Electron-specific is injected, so this module is unit-tested without Electron
 * (tests/unit/packaging/updater.test.ts). The main process wires it like:
 *
 * ```ts
 * import electronUpdater from 'electron-updater'; // CommonJS: use the default export, not a named import
 * const kind = detectInstallKind({ platform: process.platform, env: process.env,
 *   linuxPackageType: readLinuxPackageType(process.resourcesPath, (p) => readFileSync(p, 'utf8')) });
 * const updates = setupAutoUpdates({ app, autoUpdater: electronUpdater.autoUpdater, isPackaged: app.isPackaged,
 *   platformCanSelfUpdate: canSelfUpdate(kind), log, clock: systemClock });
 * // menu item "Check for Updates…" → updates.checkNow(); on quit → updates.dispose()
 * ```
 */
import path from 'node:path';
import type { Clock, TimerHandle } from '../shared/engine/ports';

/** How often a running app looks for a new release: once a day (ms). */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Delay of the first check after start (ms), so it does not compete with the first round of status polls. */
export const STARTUP_CHECK_DELAY_MS = 30 * 1000;
/**
 * How often the schedule wakes to see whether a daily check is due (ms). Waking hourly and comparing wall-clock
 * time, rather than one 24 h timer, keeps the daily check on time after the machine slept (timers pause in sleep).
 */
export const SCHEDULE_TICK_MS = 60 * 60 * 1000;

/** Where log lines go; electron-updater's own logging is routed here too (same `{ info, warn, error }` shape). */
export interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What this module reads from electron-updater's `UpdateCheckResult`. */
export interface UpdateCheckResultLike {
  isUpdateAvailable: boolean;
  updateInfo: { version: string };
}

/**
 * The part of electron-updater's `AppUpdater` (`autoUpdater`) used here; the real object satisfies it. It downloads
 * an available update in the background (`autoDownload`, default true), shows a system notification once it is
 * ready, and installs it when the app quits (`autoInstallOnAppQuit`, default true).
 */
export interface UpdaterLike {
  isUpdaterActive(): boolean;
  checkForUpdatesAndNotify(): Promise<UpdateCheckResultLike | null>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  logger: UpdateLog | null;
}

/** Everything `setupAutoUpdates` needs, injected. */
export interface AutoUpdateDeps {
  /** Electron's `app` (only the version is read, for the "up to date" answer). */
  app: { getVersion(): string };
  autoUpdater: UpdaterLike;
  /** `app.isPackaged`: false when run from source (`electron .`), where there is nothing to update. */
  isPackaged: boolean;
  /** Whether this install's package format can replace itself — see `detectInstallKind` and `canSelfUpdate`. */
  platformCanSelfUpdate: boolean;
  log: UpdateLog;
  /** Wall-clock time and timers; tests pass a fake. */
  clock: Clock;
}

/** The answer to one check, for the menu item's dialog. */
export type UpdateCheckOutcome =
  | { kind: 'disabled'; reason: string }
  | { kind: 'up-to-date'; currentVersion: string }
  /** A newer release was found; it downloads in the background and installs when the app quits. */
  | { kind: 'update-available'; version: string }
  | { kind: 'error'; message: string };

/** Handle returned by `setupAutoUpdates`. */
export interface AutoUpdates {
  /** False when updates are off for this run; `disabledReason` says why (for the menu item's tooltip/dialog). */
  readonly enabled: boolean;
  readonly disabledReason: string | undefined;
  /**
   * Checks now (the "Check for Updates…" menu item). Never rejects: failures come back as `{ kind: 'error' }`.
   * A call while a check is running shares that check instead of starting another one.
   */
  checkNow(): Promise<UpdateCheckOutcome>;
  /** Stops the schedule and detaches from the updater. Idempotent. */
  dispose(): void;
}

/**
 * Starts automatic update checks: the first `STARTUP_CHECK_DELAY_MS` after the call, then whenever
 * `UPDATE_CHECK_INTERVAL_MS` has passed since the last one (checked every `SCHEDULE_TICK_MS`).
 * In: see `AutoUpdateDeps`. Out: `{ enabled, disabledReason, checkNow, dispose }`.
 * When disabled (not packaged, a package format that cannot self-update, or `isUpdaterActive()` false) nothing is
 * scheduled and `checkNow()` resolves `{ kind: 'disabled', reason }` without touching the network. Never throws.
 */
export function setupAutoUpdates(deps: AutoUpdateDeps): AutoUpdates {
  const { app, autoUpdater, log, clock } = deps;
  const disabledReason = whyDisabled(deps);
  if (disabledReason !== undefined) {
    log.info(`auto-update off: ${disabledReason}`);
    return {
      enabled: false,
      disabledReason,
      checkNow: () => Promise.resolve({ kind: 'disabled', reason: disabledReason }),
      dispose: () => {},
    };
  }

  autoUpdater.logger = log;
  // electron-updater emits 'error' as well as rejecting; an EventEmitter 'error' with no listener would crash main.
  const onError = (error: Error): void => log.warn(`auto-update error: ${error.message}`);
  autoUpdater.on('error', onError);

  let inFlight: Promise<UpdateCheckOutcome> | undefined;
  let lastCheckAt: number | undefined;
  let timer: TimerHandle | undefined;
  let disposed = false;

  const check = (): Promise<UpdateCheckOutcome> => {
    if (inFlight) return inFlight;
    lastCheckAt = clock.now();
    inFlight = runCheck(autoUpdater, app.getVersion()).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  const schedule = (ms: number): void => {
    if (disposed) return;
    timer = clock.setTimeout(() => {
      timer = undefined;
      const elapsed = lastCheckAt === undefined ? Infinity : clock.now() - lastCheckAt;
      // A negative gap means the wall clock was set back; check rather than wait for it to catch up.
      const due = elapsed >= UPDATE_CHECK_INTERVAL_MS || elapsed < 0;
      if (due) {
        void check().then((outcome) => {
          if (outcome.kind === 'error') log.warn(`scheduled update check failed: ${outcome.message}`);
        });
      }
      schedule(SCHEDULE_TICK_MS);
    }, ms);
  };
  schedule(STARTUP_CHECK_DELAY_MS);

  return {
    enabled: true,
    disabledReason: undefined,
    checkNow: check,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      autoUpdater.removeListener('error', onError);
    },
  };
}

function whyDisabled(deps: AutoUpdateDeps): string | undefined {
  if (!deps.isPackaged) return 'development build (not packaged)';
  if (!deps.platformCanSelfUpdate) return 'this install is updated by its package manager or by downloading a new copy';
  try {
    if (!deps.autoUpdater.isUpdaterActive()) return 'the updater is inactive for this install';
  } catch (error) {
    return `the updater could not start: ${errorMessage(error)}`;
  }
  return undefined;
}

async function runCheck(autoUpdater: UpdaterLike, currentVersion: string): Promise<UpdateCheckOutcome> {
  try {
    const result = await autoUpdater.checkForUpdatesAndNotify();
    if (result === null) return { kind: 'disabled', reason: 'the updater is inactive for this install' };
    if (result.isUpdateAvailable) return { kind: 'update-available', version: result.updateInfo.version };
    return { kind: 'up-to-date', currentVersion };
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * How this copy of the app was installed, which decides whether it may update itself.
 * - `nsis`: Windows installer · `portable`: Windows portable exe (its launcher sets `PORTABLE_EXECUTABLE_FILE`)
 * - `mac`: macOS app from the dmg/zip
 * - `appimage`: Linux AppImage (its runtime sets `APPIMAGE`) · `deb`/`rpm`/`pacman`: from electron-builder's
 *   `resources/package-type` marker · `snap`/`flatpak`: sandboxed stores · `linux-other`: unpacked/tarball
 * - `unsupported`: any other platform
 */
export type InstallKind =
  | 'nsis'
  | 'portable'
  | 'mac'
  | 'appimage'
  | 'deb'
  | 'rpm'
  | 'pacman'
  | 'snap'
  | 'flatpak'
  | 'linux-other'
  | 'unsupported';

/** What `detectInstallKind` looks at. */
export interface InstallProbe {
  /** `process.platform`. */
  platform: string;
  /** `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Trimmed contents of `<resourcesPath>/package-type` (see `readLinuxPackageType`), or null when absent. */
  linuxPackageType: string | null;
}

/** Classifies the running install; pure. See `InstallKind` for what each answer means. */
export function detectInstallKind(probe: InstallProbe): InstallKind {
  const { platform, env } = probe;
  if (platform === 'win32') return env.PORTABLE_EXECUTABLE_FILE ? 'portable' : 'nsis';
  if (platform === 'darwin') return 'mac';
  if (platform !== 'linux') return 'unsupported';
  if (env.SNAP) return 'snap';
  if (env.FLATPAK_ID || env.container === 'flatpak') return 'flatpak';
  // The marker wins over APPIMAGE: a deb-installed app launched from an AppImage'd terminal inherits APPIMAGE.
  const marker = probe.linuxPackageType;
  if (marker === 'deb' || marker === 'rpm' || marker === 'pacman') return marker;
  if (env.APPIMAGE) return 'appimage';
  return 'linux-other';
}

/**
 * Whether an install of this kind may download and apply updates itself: the NSIS installer, the macOS app and an
 * AppImage can; the portable exe, system packages and store sandboxes cannot (or must not) replace themselves.
 */
export function canSelfUpdate(kind: InstallKind): boolean {
  return kind === 'nsis' || kind === 'mac' || kind === 'appimage';
}

/**
 * Reads electron-builder's Linux package marker (`deb`, `rpm`, `pacman`), written into `resources/package-type`
 * by the fpm targets. In: `process.resourcesPath` and a text reader (e.g. `p => readFileSync(p, 'utf8')`).
 * Out: the trimmed marker, or null when the file is absent or unreadable (AppImage, Windows, macOS, dev).
 */
export function readLinuxPackageType(resourcesPath: string, readTextFile: (file: string) => string): string | null {
  try {
    const value = readTextFile(path.join(resourcesPath, 'package-type')).trim();
    return value === '' ? null : value;
  } catch {
    return null;
  }
}
