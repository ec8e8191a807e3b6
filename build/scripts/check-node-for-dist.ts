/**
 * First step of `npm run dist`: stop with a clear message when this Node.js is too old to package.
 *
 * Running and testing Status Tray needs Node.js 20.19 (package.json `engines`), but electron-builder 26
 * rebuilds native modules for Electron with `@electron/rebuild` 4 and `node-abi` 4, which declare Node.js
 * 22.12 or newer (that is also why `npm install` on Node 20 prints `EBADENGINE` for those two packages).
 * The required version is read from the installed `@electron/rebuild`, so it follows upgrades.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Used when the installed @electron/rebuild cannot be read. */
export const FALLBACK_PACKAGING_NODE = '22.12.0';

/**
 * The lowest Node.js version a `>=X.Y.Z` engines range allows.
 * @param range an npm `engines.node` value such as `>=22.12.0`.
 * @returns `X.Y.Z`, or undefined for any other form of range.
 */
export function lowestAllowed(range: string | undefined): string | undefined {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  return m ? `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}` : undefined;
}

/** Whether dotted version `have` is at least `need` (numeric parts compared left to right). */
export function atLeast(have: string, need: string): boolean {
  const a = have.replace(/^v/, '').split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** The Node.js version packaging needs: what the installed @electron/rebuild declares. */
export function packagingNode(): string {
  try {
    const require = createRequire(import.meta.url);
    // The package's `exports` hides package.json, so find it next to the resolved entry point.
    const entry = require.resolve('@electron/rebuild', { paths: [process.cwd()] });
    const pkgPath = entry.slice(0, entry.lastIndexOf('@electron/rebuild') + '@electron/rebuild'.length) + '/package.json';
    const engines = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { engines?: { node?: string } }).engines;
    return lowestAllowed(engines?.node) ?? FALLBACK_PACKAGING_NODE;
  } catch {
    return FALLBACK_PACKAGING_NODE;
  }
}

/**
 * The message to stop with, or undefined when `nodeVersion` can package.
 * @param nodeVersion e.g. `process.versions.node`.
 * @param need the version packaging needs (packagingNode()).
 */
export function distRefusal(nodeVersion: string, need: string): string | undefined {
  if (atLeast(nodeVersion, need)) return undefined;
  return (
    `npm run dist needs Node.js ${need} or newer (electron-builder's native-module rebuilder requires it); ` +
    `this is Node.js ${nodeVersion}. Running and testing the app work on Node.js 20.19; package with Node.js 22, ` +
    'as the release workflow does.'
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const refusal = distRefusal(process.versions.node, packagingNode());
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}
