import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { APP_ID, PRODUCT_NAME } from '../../../shared/app-identity';
import { REPO_ROOT, readEffectiveConfig, readPackageJson, readRawConfig } from './builder-config';

const require = createRequire(import.meta.url);
// js-yaml is the YAML parser electron-builder itself uses (no typings are installed for it).
const yaml = require('js-yaml') as { load(text: string): unknown };

type Targets = Array<{ target: string; arch?: string[] }>;
const targetsOf = (value: unknown): Targets => value as Targets;
const archsFor = (targets: Targets, name: string): string[] => targets.find((t) => t.target === name)?.arch ?? [];

let config: Configuration;
beforeAll(async () => {
  config = await readEffectiveConfig();
});

describe('identity and version agree between package.json, the app and the installer config', () => {
  it('uses the app id the main process registers (AppUserModelID / bundle id)', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('uses one product name everywhere', () => {
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(readPackageJson().productName).toBe(PRODUCT_NAME);
  });

  it('takes the version from package.json and nowhere else', async () => {
    expect(readPackageJson().version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    const raw = await readRawConfig();
    expect(raw).not.toHaveProperty('buildVersion');
    expect(raw.extraMetadata ?? {}).not.toHaveProperty('version');
  });

  it('publishes to the repository package.json names, as a draft', () => {
    const url = readPackageJson().repository?.url ?? '';
    const publish: unknown[] = Array.isArray(config.publish) ? config.publish : [config.publish];
    const github = publish.find((p) => (p as { provider?: string } | null)?.provider === 'github') as
      | { owner: string; repo: string; releaseType?: string }
      | undefined;
    expect(github).toBeDefined();
    expect(url).toContain(`github.com/${github!.owner}/${github!.repo}`);
    expect(github!.releaseType).toBe('draft');
  });

  it('has npm scripts that build installers with this config and regenerate the icons', () => {
    const { scripts } = readPackageJson();
    expect(scripts.dist).toMatch(/vite build && electron-builder --config electron-builder\.yml/);
    const iconScript = /tsx (\S+)/.exec(scripts.icons ?? '')?.[1];
    expect(iconScript && existsSync(path.join(REPO_ROOT, iconScript))).toBe(true);
  });
});

describe('targets per platform', () => {
  it('Windows: NSIS installer and portable exe, each for x64 and arm64', () => {
    const win = targetsOf(config.win?.target);
    expect(archsFor(win, 'nsis')).toEqual(expect.arrayContaining(['x64', 'arm64']));
    expect(archsFor(win, 'portable')).toEqual(expect.arrayContaining(['x64', 'arm64']));
    // Two artifacts in one folder: their names must differ or one overwrites the other.
    expect(config.nsis?.artifactName).not.toBe(config.portable?.artifactName);
  });

  it('macOS: dmg for people, zip for the updater (Squirrel.Mac installs only zips), Intel and Apple Silicon', () => {
    const mac = targetsOf(config.mac?.target);
    for (const name of ['dmg', 'zip']) {
      const archs = archsFor(mac, name);
      expect(archs.includes('universal') || (archs.includes('x64') && archs.includes('arm64'))).toBe(true);
    }
  });

  it('macOS: menu-bar only, hardened runtime with entitlements that let V8 JIT, notarised only with credentials', () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(path.join(REPO_ROOT, config.mac?.entitlements ?? 'missing'), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(entitlements).toContain('<key>com.apple.security.network.client</key>');
    expect(existsSync(path.join(REPO_ROOT, config.mac?.entitlementsInherit ?? 'missing'))).toBe(true);
    // `notarize: true` is not needed (electron-builder notarises when APPLE_* credentials are set) and must not
    // be forced on: unsigned builds without credentials have to keep working.
    expect(config.mac?.notarize).not.toBe(true);
  });

  it('Linux: AppImage (self-updating), deb and rpm, with a desktop entry category', () => {
    const linux = targetsOf(config.linux?.target).map((t) => t.target);
    expect(linux).toEqual(expect.arrayContaining(['AppImage', 'deb', 'rpm']));
    expect(config.linux?.category).toMatch(/^(AudioVideo|Audio|Video|Development|Education|Game|Graphics|Network|Office|Science|Settings|System|Utility)(;|$)/);
    expect(config.linux?.executableName).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('GitHub workflows', () => {
  interface Workflow {
    on: Record<string, unknown>;
    jobs: Record<string, { strategy?: { matrix?: { os?: string[] } }; steps: Array<{ run?: string; env?: Record<string, string> }> }>;
  }
  const workflow = (name: string): Workflow =>
    yaml.load(readFileSync(path.join(REPO_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
  const oses = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.strategy?.matrix?.os ?? []);
  const runs = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));

  it('ci.yml tests every push on Linux, Windows and macOS', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toContain('push');
    expect(oses(ci)).toEqual(expect.arrayContaining(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    expect(runs(ci)).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
  });

  it('release.yml builds installers on each OS for v* tags and publishes them with GH_TOKEN', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(oses(release)).toEqual(expect.arrayContaining(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    const build = Object.values(release.jobs).flatMap((j) => j.steps).find((s) => s.run?.startsWith('npm run dist'));
    expect(build?.run).toContain('--publish always');
    expect(build?.env?.GH_TOKEN).toBeDefined();
  });
});
