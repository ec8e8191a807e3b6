/**
 * Test helpers that read electron-builder.yml the way electron-builder's CLI does (its own loader from
 * app-builder-lib, the package electron-builder delegates to), so the packaging tests check what a real
 * `electron-builder --config electron-builder.yml` would see rather than a parse of our own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig as loadRawConfig } from 'app-builder-lib/out/util/config/load';
import { getConfig } from 'app-builder-lib/out/util/config/config';

/** The repository root (this file is tests/unit/packaging/builder-config.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CONFIG_FILE = path.join(REPO_ROOT, 'electron-builder.yml');

/** package.json fields the packaging tests compare against. */
export interface PackageJson {
  name: string;
  productName: string;
  version: string;
  main: string;
  type?: string;
  repository?: { url: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** electron-builder.yml as written (YAML parsed by electron-builder's loader, nothing merged or normalised). */
export async function readRawConfig(): Promise<Record<string, unknown>> {
  const loaded = await loadRawConfig<Record<string, unknown>>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: REPO_ROOT, packageMetadata: null },
    CONFIG_FILE,
  );
  if (!loaded) throw new Error(`electron-builder could not load ${CONFIG_FILE}`);
  return loaded.result;
}

/** The effective configuration electron-builder builds with (parents merged, `files` normalised). */
export function readEffectiveConfig(): Promise<Configuration> {
  return getConfig(REPO_ROOT, CONFIG_FILE, null);
}
