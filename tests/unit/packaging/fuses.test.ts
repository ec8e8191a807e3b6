import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { REPO_ROOT, readEffectiveConfig } from './builder-config';

/** The CommonJS hook as electron-builder loads it. */
interface AfterPackModule {
  afterPack(context: object): Promise<void>;
  fuseConfig(fuses: object, target: { platform: string; arch: string }): Record<string | number, unknown>;
  electronBinaryPath(context: object): string;
}
const require = createRequire(import.meta.url);
const HOOK = path.join(REPO_ROOT, 'build/hooks/after-pack.cjs');
const hook = require(HOOK) as AfterPackModule;
const fuses = require('@electron/fuses') as object;

// The marker Electron compiles in front of its fuse wire (@electron/fuses constants), then version and length bytes.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;

/** A stand-in executable: filler, the fuse wire with Electron's defaults, filler. `extra` appends newer fuses. */
function fakeElectronBinary(extra: number[] = []): Buffer {
  const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON]; // RunAsNode on, cookie encryption off, …, file privileges on
  const wire = [...defaults, ...extra];
  return Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(4096, 0xdd)]);
}

const SAFE = {
  [FuseV1Options.RunAsNode]: OFF,
  [FuseV1Options.EnableCookieEncryption]: ON,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
  [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
  [FuseV1Options.OnlyLoadAppFromAsar]: ON,
};

let workDir: string | undefined;
afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
});

describe('Electron fuses (build/hooks/after-pack.cjs)', () => {
  it('is the afterPack hook electron-builder runs', async () => {
    const config = await readEffectiveConfig();
    expect(path.resolve(REPO_ROOT, String(config.afterPack))).toBe(HOOK);
    expect(typeof hook.afterPack).toBe('function');
  });

  it('asks for the safe settings and leaves the other fuses at Electron’s defaults', () => {
    const config = hook.fuseConfig(fuses, { platform: 'linux', arch: 'x64' });
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('redoes the ad-hoc signature only for Apple Silicon builds', () => {
    const reset = (platform: string, arch: string) => hook.fuseConfig(fuses, { platform, arch }).resetAdHocDarwinSignature;
    expect([reset('darwin', 'arm64'), reset('darwin', 'universal'), reset('darwin', 'x64'), reset('win32', 'arm64')]).toEqual([true, true, false, false]);
  });

  it('finds the executable where electron-builder puts it on each platform', () => {
    const packager = { appInfo: { productFilename: 'Status Tray' }, executableName: 'status-tray' };
    const at = (electronPlatformName: string) => hook.electronBinaryPath({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('linux')).toBe(path.join('/out', 'status-tray'));
    expect(at('win32')).toBe(path.join('/out', 'Status Tray.exe'));
    expect(at('darwin')).toBe(path.join('/out', 'Status Tray.app'));
    expect(() => at('aix')).toThrow(/unknown platform/);
  });

  it('flips the fuse wire of a packed Linux binary and leaves fuses it does not know alone', async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'status-tray-fuses-'));
    const binary = path.join(workDir, 'status-tray');
    writeFileSync(binary, fakeElectronBinary([ON]));
    const before = readFileSync(binary);
    await hook.afterPack({ appOutDir: workDir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'status-tray', appInfo: { productFilename: 'Status Tray' } } });
    const wire = await getCurrentFuseWire(binary);
    expect(wire).toMatchObject(SAFE);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(ON);
    expect((wire as Record<number, number>)[8]).toBe(ON);
    const after = readFileSync(binary);
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true);
  });

  it('flips the fuses inside the framework of a macOS .app bundle', async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'status-tray-fuses-'));
    const framework = path.join(workDir, 'Status Tray.app', 'Contents', 'Frameworks', 'Electron Framework.framework');
    mkdirSync(framework, { recursive: true });
    writeFileSync(path.join(framework, 'Electron Framework'), fakeElectronBinary());
    await hook.afterPack({ appOutDir: workDir, electronPlatformName: 'darwin', arch: 1, packager: { executableName: 'status-tray', appInfo: { productFilename: 'Status Tray' } } });
    expect(await getCurrentFuseWire(path.join(workDir, 'Status Tray.app'))).toMatchObject(SAFE);
  });

  it('fails the build when the binary has no fuse wire rather than shipping it unfused', async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'status-tray-fuses-'));
    writeFileSync(path.join(workDir, 'status-tray'), Buffer.alloc(1024, 0));
    const context = { appOutDir: workDir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'status-tray', appInfo: { productFilename: 'Status Tray' } } };
    await expect(hook.afterPack(context)).rejects.toThrow(/sentinel/);
  });
});
