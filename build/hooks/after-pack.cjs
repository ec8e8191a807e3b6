/**
 * electron-builder `afterPack` hook: turns the Electron fuses of the packaged binary to their safe settings.
 * Fuses are bits compiled into the Electron executable (https://www.electronjs.org/docs/latest/tutorial/fuses);
 * flipping them here — after the app is copied, before electron-builder signs it — means a signed build can
 * never be started as a plain Node.js runtime or have its code swapped outside the asar.
 *
 * CommonJS on purpose: electron-builder loads hooks with `require`/`import` from its own (CJS) process, and the
 * project is `"type": "module"`, so the `.cjs` extension is what keeps this file CommonJS.
 *
 * Exports `afterPack(context)` (the hook; electron-builder picks the export named after the hook),
 * `fuseConfig(fuses, target)` and `electronBinaryPath(context)` (pure helpers, unit-tested in
 * tests/unit/packaging/fuses.test.ts).
 */
'use strict';

const path = require('node:path');

/**
 * The fuse settings for one packaged target.
 * In: `fuses` = the `@electron/fuses` module (for its `FuseVersion`/`FuseV1Options` enums);
 *     `target` = `{ platform, arch }` with electron-builder's names (`darwin|mas|win32|linux`, `x64|arm64|…`).
 * Out: a `FuseV1Config` for `flipFuses`. Fuses not listed keep Electron's defaults.
 */
function fuseConfig(fuses, target) {
  const { FuseVersion, FuseV1Options } = fuses;
  const isMac = target.platform === 'darwin' || target.platform === 'mas';
  return {
    version: FuseVersion.V1,
    // Flipping bytes breaks the ad-hoc signature Apple Silicon requires; without a Developer ID to re-sign with,
    // an unsigned arm64 build would refuse to start unless the ad-hoc signature is redone.
    resetAdHocDarwinSignature: isMac && (target.arch === 'arm64' || target.arch === 'universal'),
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.js interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Encrypts the cookie store at rest with an OS-protected key.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect would let another process inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Electron checks app.asar against the hash electron-builder embeds (Info.plist / Windows resource).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Ignore a loose `app/` folder next to the asar: only the integrity-checked archive is loaded.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}

/**
 * Where the Electron executable of a packed app lives, the way electron-builder itself names it:
 * `<appOutDir>/<productFilename>.app` (macOS; @electron/fuses finds the framework inside),
 * `<appOutDir>/<productFilename>.exe` (Windows), `<appOutDir>/<executableName>` (Linux).
 * In: electron-builder's `AfterPackContext`. Throws for a platform it does not know.
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${String(electronPlatformName)}`);
  }
}

/** electron-builder's `Arch` enum value → name (`0` → `ia32`, `1` → `x64`, `3` → `arm64`, `4` → `universal`). */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * The hook. In: electron-builder's `AfterPackContext`. Flips the fuses on the packed binary; rejects (failing
 * the build) if the binary is missing or its fuse wire is unreadable — an unfused release must not ship.
 */
async function afterPack(context) {
  const fuses = require('@electron/fuses');
  const target = { platform: context.electronPlatformName, arch: ARCH_NAMES[context.arch] ?? String(context.arch) };
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, target));
  console.log(`  • after-pack: flipped Electron fuses  binary=${binary} arch=${target.arch}`);
}

module.exports = { afterPack, default: afterPack, fuseConfig, electronBinaryPath };
