import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import { REPO_ROOT, readEffectiveConfig, readPackageJson } from './builder-config';

// electron-builder's own matcher for the app's files (`files` plus its built-in excludes). It is internal
// (no typings), so it is declared here; if an upgrade removes it, this test fails loudly rather than passing.
type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
type GetMainFileMatchers = (
  appDir: string,
  destination: string,
  macroExpander: (pattern: string) => string,
  platformSpecificBuildOptions: object,
  platformPackager: object,
  outDir: string,
  isElectronCompile: boolean,
) => Array<{ createFilter(): Filter }>;
const { getMainFileMatchers } = fileMatcher as unknown as { getMainFileMatchers: GetMainFileMatchers };

/** What Vite writes (vite.config.ts) — the app that must end up in the asar. */
const BUILT_OUTPUT = [
  'dist/electron/main.js',
  'dist/electron/main.js.map',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
  'dist/renderer/settings.html',
  'dist/renderer/assets/index-3f2a9c1b.js',
  'dist/renderer/assets/index-3f2a9c1b.js.map',
  'dist/renderer/assets/index-77e0d4aa.css',
  'dist/cli/status-tray.mjs',
];
/** Things that exist in a working copy but must never be packaged. */
const NEVER_PACKAGED = [
  'node_modules/vite/package.json',
  'node_modules/electron-updater/out/main.js',
  'release/linux-unpacked/resources/app.asar',
  'coverage/index.html',
  '.state/engine-state.json',
  'dist/electron/main.js.map',
];

/** Every file of the working copy (minus .git and node_modules), as POSIX paths relative to the repo. */
function workingCopyFiles(dir = REPO_ROOT, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (rel === '.git' || rel === 'node_modules') continue;
    if (entry.isDirectory()) out.push(...workingCopyFiles(path.join(dir, entry.name), `${rel}/`));
    else out.push(rel);
  }
  return out;
}

function shouldBePackaged(rel: string): boolean {
  if (rel === 'package.json') return true;
  return (rel.startsWith('dist/electron/') || rel.startsWith('dist/renderer/')) && !rel.endsWith('.map');
}

describe('the packaged app files (electron-builder `files`)', () => {
  let isPackaged: (rel: string) => boolean;
  let config: Configuration;

  beforeAll(async () => {
    config = await readEffectiveConfig();
    const packager = {
      info: {
        projectDir: REPO_ROOT,
        buildResourcesDir: config.directories?.buildResources ?? 'build',
        isPrepackedAppAsar: false,
        config,
        debugLogger: new DebugLogger(false),
      },
    };
    const outDir = path.join(REPO_ROOT, config.directories?.output ?? 'dist');
    const matchers = getMainFileMatchers(REPO_ROOT, '/app', (p) => p, config.linux ?? {}, packager, outDir, false);
    expect(matchers).toHaveLength(1);
    const filter = matchers[0]!.createFilter();
    const dir = { isDirectory: () => true };
    const file = { isDirectory: () => false };
    // electron-builder walks the tree and does not descend into a rejected folder, so every ancestor must pass.
    isPackaged = (rel) => {
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) {
        if (!filter(path.join(REPO_ROOT, ...parts.slice(0, i)), dir)) return false;
      }
      return filter(path.join(REPO_ROOT, ...parts), file);
    };
  });

  it('contains the main, preload and renderer output and package.json', () => {
    for (const rel of ['package.json', ...BUILT_OUTPUT.filter(shouldBePackaged)]) {
      expect({ rel, packaged: isPackaged(rel) }).toEqual({ rel, packaged: true });
    }
  });

  it('contains the entry point package.json names', () => {
    expect(isPackaged(readPackageJson().main)).toBe(true);
  });

  it('leaves out sources, tests, configs, icons sources, source maps, the CLI and node_modules', () => {
    for (const rel of NEVER_PACKAGED) expect({ rel, packaged: isPackaged(rel) }).toEqual({ rel, packaged: false });
  });

  it('packages nothing else from the working copy', () => {
    const files = [...new Set([...workingCopyFiles(), ...BUILT_OUTPUT])];
    expect(files.length).toBeGreaterThan(20);
    const wrong = files.filter((rel) => isPackaged(rel) !== shouldBePackaged(rel));
    expect(wrong).toEqual([]);
  });

  it('is an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('ships the tray icons as resources the main process can load by file name', () => {
    const extra = (config.extraResources ?? []) as Array<{ from?: string; to?: string; filter?: string[] }>;
    expect(extra).toContainEqual(expect.objectContaining({ from: 'build/tray', to: 'tray' }));
  });
});

describe('production dependencies (what electron-builder copies from node_modules)', () => {
  it('include no build, test or packaging tools — those stay devDependencies and out of the app', () => {
    const { dependencies, devDependencies } = readPackageJson();
    const tooling = [
      'electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'tsx', 'sharp', 'png2icons',
      '@electron/fuses', 'playwright-core', '@playwright/test', 'eslint',
    ];
    expect(Object.keys(dependencies).filter((d) => tooling.includes(d))).toEqual([]);
    // electron-builder refuses to build when electron itself is a production dependency.
    expect(Object.keys(devDependencies)).toContain('electron');
  });

  it('include the updater the main process loads at run time', () => {
    expect(Object.keys(readPackageJson().dependencies)).toContain('electron-updater');
  });
});
