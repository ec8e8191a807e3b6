/**
 * Regenerates every icon the installers and the tray use from the SVG sources in `build/`:
 *
 * - `build/icon.svg` (1024×1024 master) → `build/icon.png` (1024 px), `build/icon.ico` (Windows, 16–256 px),
 *   `build/icon.icns` (macOS, 16–1024 px), `build/icons/<n>x<n>.png` (Linux hicolor sizes);
 * - `build/tray/src/tray-<health>.svg` → `build/tray/tray-<health>.png` (16 px) and `…@2x.png` (32 px), used on
 *   Windows and Linux, one per `Health` (green operational, blue maintenance, yellow degraded, orange partial
 *   outage, red major outage, grey unknown/paused);
 * - `build/tray/src/trayTemplate.svg` → `build/tray/trayTemplate.png` (22 px) and `trayTemplate@2x.png` (44 px),
 *   the macOS menu-bar template image (black + alpha; the `Template` suffix tells Electron to treat it as one).
 *
 * Run with `npm run icons` and commit the results (the packaging tests check them). Deterministic: same sources
 * and same sharp/libvips version give the same bytes — no text (fonts vary by machine), metadata stripped,
 * fixed PNG encoder settings, outputs written in a fixed order.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import png2icons from 'png2icons';
import type { Health } from '../../shared/domain/types';

/** Every tray health in a fixed order; one tray icon pair each. */
export const TRAY_HEALTHS: readonly Health[] = [
  'operational',
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
  'unknown',
];

/** Linux hicolor sizes electron-builder copies from `build/icons/` into the AppImage, deb and rpm. */
export const LINUX_ICON_SIZES: readonly number[] = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Tray icon edge in px at 1× for Windows/Linux (Windows' small-icon metric) and for the macOS menu bar. */
export const TRAY_SIZE_PX = 16;
export const MAC_TRAY_SIZE_PX = 22;

/** Where the sources are read from and the outputs written to; both default to the repo's `build/`. */
export interface IconPaths {
  /** Folder holding `icon.svg` and `tray/src/*.svg`. */
  sourceDir: string;
  /** Folder receiving `icon.*`, `icons/`, `tray/`. May equal `sourceDir`. */
  outDir: string;
}

/** The repo's `build/` folder (this file lives in `build/scripts/`). */
export const BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Renders an SVG to a square PNG of `sizePx`, rasterising the vector at the target size (not downscaling a large
 * bitmap) so 16 px tray icons stay crisp. `svg` is the file's bytes; its `viewBox` must be square.
 * Returns PNG bytes with no metadata. Throws if sharp cannot parse the SVG.
 */
export async function renderSvg(svg: Buffer, sizePx: number): Promise<Buffer> {
  const meta = await sharp(svg).metadata();
  const nominal = meta.width ?? sizePx;
  // librsvg rasterises at `density` dpi relative to 72 dpi for the SVG's own width; scale so it lands on sizePx.
  const density = (72 * sizePx) / nominal;
  return sharp(svg, { density })
    .resize(sizePx, sizePx, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    .toBuffer();
}

/** Bytes of the Windows `.ico` (PNG entries, BMP below 64 px for old Explorer) built from a 1024 px PNG. */
export function icoFromPng(master: Buffer): Buffer {
  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, true, true);
  if (!ico) throw new Error('png2icons could not build icon.ico from the 1024 px master');
  return ico;
}

/** Bytes of the macOS `.icns` (16 px … 1024 px incl. @2x slots) built from a 1024 px PNG. */
export function icnsFromPng(master: Buffer): Buffer {
  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (!icns) throw new Error('png2icons could not build icon.icns from the 1024 px master');
  return icns;
}

/**
 * Renders the whole icon set from `paths.sourceDir` into `paths.outDir`, creating folders as needed.
 * Returns the written files, relative to `outDir`, in the order written (POSIX separators).
 * Throws on a missing or unparsable source.
 */
export async function generateIcons(paths: IconPaths = { sourceDir: BUILD_DIR, outDir: BUILD_DIR }): Promise<string[]> {
  const written: string[] = [];
  const write = async (relative: string, bytes: Buffer): Promise<void> => {
    const target = path.join(paths.outDir, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    written.push(relative);
  };

  const masterSvg = await readFile(path.join(paths.sourceDir, 'icon.svg'));
  const master = await renderSvg(masterSvg, 1024);
  await write('icon.png', master);
  await write('icon.ico', icoFromPng(master));
  await write('icon.icns', icnsFromPng(master));
  for (const size of LINUX_ICON_SIZES) {
    await write(`icons/${size}x${size}.png`, size === 1024 ? master : await renderSvg(masterSvg, size));
  }

  const traySrc = path.join(paths.sourceDir, 'tray', 'src');
  for (const health of TRAY_HEALTHS) {
    const svg = await readFile(path.join(traySrc, `tray-${health}.svg`));
    await write(`tray/tray-${health}.png`, await renderSvg(svg, TRAY_SIZE_PX));
    await write(`tray/tray-${health}@2x.png`, await renderSvg(svg, TRAY_SIZE_PX * 2));
  }
  const template = await readFile(path.join(traySrc, 'trayTemplate.svg'));
  await write('tray/trayTemplate.png', await renderSvg(template, MAC_TRAY_SIZE_PX));
  await write('tray/trayTemplate@2x.png', await renderSvg(template, MAC_TRAY_SIZE_PX * 2));
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const files = await generateIcons();
  console.log(`generate-icons: wrote ${files.length} files under ${BUILD_DIR}`);
}
