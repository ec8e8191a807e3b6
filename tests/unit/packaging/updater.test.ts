import { describe, expect, it } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import {
  STARTUP_CHECK_DELAY_MS,
  UPDATE_CHECK_INTERVAL_MS,
  canSelfUpdate,
  detectInstallKind,
  readLinuxPackageType,
  setupAutoUpdates,
  type AutoUpdateDeps,
  type UpdateCheckResultLike,
  type UpdateLog,
  type UpdaterLike,
} from '../../../electron/updater';
import { FakeClock, settle } from '../../support/fake-clock';

// Compile-time check (`npm test` runs tsc): electron-updater's real autoUpdater fits the interface we code against.
const realUpdaterFits: (u: AppUpdater) => UpdaterLike = (u) => u;
void realUpdaterFits;

const HOUR = 60 * 60 * 1000;

/** A stand-in for electron-updater's autoUpdater: counts checks and answers from a script. */
class UpdaterDouble implements UpdaterLike {
  checks = 0;
  active = true;
  logger: UpdateLog | null = null;
  listeners: Array<(error: Error) => void> = [];
  answer: () => Promise<UpdateCheckResultLike | null> = () =>
    Promise.resolve({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } });

  isUpdaterActive(): boolean {
    return this.active;
  }
  checkForUpdatesAndNotify(): Promise<UpdateCheckResultLike | null> {
    this.checks += 1;
    return this.answer();
  }
  on(_event: 'error', listener: (error: Error) => void): this {
    this.listeners.push(listener);
    return this;
  }
  removeListener(_event: 'error', listener: (error: Error) => void): this {
    this.listeners = this.listeners.filter((l) => l !== listener);
    return this;
  }
}

function logDouble(): UpdateLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

function setup(overrides: Partial<AutoUpdateDeps> = {}) {
  const clock = new FakeClock();
  const updater = new UpdaterDouble();
  const log = logDouble();
  const deps: AutoUpdateDeps = {
    app: { getVersion: () => '0.1.0' },
    autoUpdater: updater,
    isPackaged: true,
    platformCanSelfUpdate: true,
    log,
    clock,
    ...overrides,
  };
  return { clock, updater, log, updates: setupAutoUpdates(deps) };
}

describe('setupAutoUpdates', () => {
  it('checks shortly after start, then once a day', async () => {
    const { clock, updater, updates } = setup();
    expect(updates.enabled).toBe(true);
    await clock.advance(STARTUP_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await clock.advance(1);
    expect(updater.checks).toBe(1);
    await clock.advance(UPDATE_CHECK_INTERVAL_MS - HOUR);
    expect(updater.checks).toBe(1);
    await clock.advance(2 * HOUR);
    expect(updater.checks).toBe(2);
    await clock.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
    updates.dispose();
  });

  it('catches up at the next tick when the machine slept through the daily check', async () => {
    const { clock, updater, updates } = setup();
    await clock.advance(STARTUP_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    // Sleep: the wall clock jumps two days while no timer runs.
    clock.set(clock.now() + 2 * UPDATE_CHECK_INTERVAL_MS);
    await clock.advance(HOUR);
    expect(updater.checks).toBe(2);
    updates.dispose();
  });

  it('checkNow reports an available update, and a manual check resets the daily schedule', async () => {
    const { clock, updater, updates } = setup();
    updater.answer = () => Promise.resolve({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    await expect(updates.checkNow()).resolves.toEqual({ kind: 'update-available', version: '0.2.0' });
    // The startup tick finds the manual check recent and does not check again.
    await clock.advance(STARTUP_CHECK_DELAY_MS + HOUR);
    expect(updater.checks).toBe(1);
    updates.dispose();
  });

  it('checkNow says up to date with the running version', async () => {
    const { updates } = setup({ app: { getVersion: () => '1.4.2' } });
    await expect(updates.checkNow()).resolves.toEqual({ kind: 'up-to-date', currentVersion: '1.4.2' });
    updates.dispose();
  });

  it('shares a running check instead of starting a second one', async () => {
    const { updater, updates } = setup();
    let release!: (r: UpdateCheckResultLike) => void;
    updater.answer = () => new Promise((resolve) => (release = resolve));
    const first = updates.checkNow();
    const second = updates.checkNow();
    expect(updater.checks).toBe(1);
    release({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } });
    expect(await first).toEqual(await second);
    updater.answer = () => Promise.resolve(null);
    await updates.checkNow();
    expect(updater.checks).toBe(2);
    updates.dispose();
  });

  it('turns a failed check into an error outcome and keeps the schedule running', async () => {
    const { clock, updater, log, updates } = setup();
    updater.answer = () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await expect(updates.checkNow()).resolves.toEqual({ kind: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    await clock.advance(UPDATE_CHECK_INTERVAL_MS + HOUR);
    expect(updater.checks).toBe(2);
    expect(log.lines.some((l) => l.startsWith('warn') && l.includes('ERR_INTERNET_DISCONNECTED'))).toBe(true);
    updates.dispose();
  });

  it('listens for updater error events (an unheard EventEmitter error would crash main) and routes its log', () => {
    const { updater, log, updates } = setup();
    expect(updater.listeners).toHaveLength(1);
    expect(updater.logger).toBe(log);
    updater.listeners[0]?.(new Error('sha512 checksum mismatch'));
    expect(log.lines).toContain('warn auto-update error: sha512 checksum mismatch');
    updates.dispose();
    expect(updater.listeners).toHaveLength(0);
  });

  it('stops checking after dispose', async () => {
    const { clock, updater, updates } = setup();
    updates.dispose();
    updates.dispose();
    expect(clock.pending).toBe(0);
    await clock.advance(3 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
  });

  it.each([
    [{ isPackaged: false }, 'development build'],
    [{ platformCanSelfUpdate: false }, 'package manager'],
  ])('is off with %o: no timer, no check, and checkNow explains why', async (overrides, reason) => {
    const { clock, updater, updates } = setup(overrides);
    expect(updates.enabled).toBe(false);
    expect(updates.disabledReason).toContain(reason);
    expect(clock.pending).toBe(0);
    const outcome = await updates.checkNow();
    expect(outcome).toEqual({ kind: 'disabled', reason: updates.disabledReason });
    await clock.advance(2 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    expect(updater.listeners).toHaveLength(0);
  });

  it('is off when electron-updater itself reports inactive (an AppImage run without APPIMAGE)', async () => {
    const clock = new FakeClock();
    const updater = new UpdaterDouble();
    updater.active = false;
    const updates = setupAutoUpdates({
      app: { getVersion: () => '0.1.0' },
      autoUpdater: updater,
      isPackaged: true,
      platformCanSelfUpdate: true,
      log: logDouble(),
      clock,
    });
    expect(updates.enabled).toBe(false);
    await clock.advance(UPDATE_CHECK_INTERVAL_MS);
    await settle();
    expect(updater.checks).toBe(0);
  });
});

describe('detectInstallKind / canSelfUpdate', () => {
  const probe = (platform: string, env: Record<string, string> = {}, linuxPackageType: string | null = null) =>
    detectInstallKind({ platform, env, linuxPackageType });

  it('tells the Windows installer from the portable exe', () => {
    expect(probe('win32')).toBe('nsis');
    expect(probe('win32', { PORTABLE_EXECUTABLE_FILE: 'C:\\Tools\\status-tray-0.1.0-portable.exe' })).toBe('portable');
  });

  it('reads the Linux package marker before APPIMAGE, and recognises snap and flatpak', () => {
    expect(probe('linux', { APPIMAGE: '/home/u/Apps/status-tray.AppImage' })).toBe('appimage');
    expect(probe('linux', { APPIMAGE: '/x.AppImage' }, 'deb')).toBe('deb');
    expect(probe('linux', {}, 'rpm')).toBe('rpm');
    expect(probe('linux', { SNAP: '/snap/status-tray/1' })).toBe('snap');
    expect(probe('linux', { container: 'flatpak' })).toBe('flatpak');
    expect(probe('linux')).toBe('linux-other');
    expect(probe('darwin')).toBe('mac');
    expect(probe('freebsd')).toBe('unsupported');
  });

  it('lets only the NSIS install, the macOS app and an AppImage update themselves', () => {
    const all = ['nsis', 'portable', 'mac', 'appimage', 'deb', 'rpm', 'pacman', 'snap', 'flatpak', 'linux-other', 'unsupported'] as const;
    expect(all.filter(canSelfUpdate)).toEqual(['nsis', 'mac', 'appimage']);
  });

  it('reads resources/package-type, and treats a missing file as no marker', () => {
    const files: Record<string, string> = { [['/opt/Status Tray/resources', 'package-type'].join('/')]: 'deb\n' };
    const read = (file: string): string => {
      const hit = files[file.replaceAll('\\', '/')];
      if (hit === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return hit;
    };
    expect(readLinuxPackageType('/opt/Status Tray/resources', read)).toBe('deb');
    expect(readLinuxPackageType('/tmp/.mount_status/resources', read)).toBeNull();
  });
});
