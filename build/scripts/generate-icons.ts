/**
 * Regenerates every icon the installers and the tray use from the SVG sources in `build/`:
 *
 * - `build/icon.svg` (1024×1024 master) → `build/icon.png` (1024 px), `build/icon.ico` (Windows, 16–256 px),
 *   `build/icon.icns` (macOS, 16–1024 px), `build/icons/<n>x<n>.png` (Linux hicolor sizes);
 * - `build/tray/src/tray-<health>.svg` and `tray-paused.svg` → `build/tray/<name>.png` (16 px) and `…@2x.png`
 *   (32 px), used on Windows and Linux: green operational, blue maintenance, yellow degraded (a triangle, so
 *   its shape reads at 16 px), orange partial outage, red major outage, grey unknown, violet paused;
 * - `build/tray/src/tray*Template.svg` → `build/tray/<name>.png` (22 px) and `@2x` (44 px): the macOS
 *   menu-bar template images (black + alpha; the `Template` suffix tells macOS and Electron to tint them) for
 *   operational, unknown, maintenance and paused;
 * - `trayBadge-<health>-light|dark.png` (22/44 px), composed here from `trayTemplate.svg`: the same glyph in
 *   the menu bar's text colour with a coloured badge (▲ degraded, ● partial outage, ■ major outage) cut into
 *   its corner — macOS when something is wrong (a coloured image cannot be a template);
 * - the app icon carries no health colour (docs/popover-window.md, "Icons").
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

/** The paused tray icon (Windows/Linux), beside the one per health. */
export const TRAY_EXTRA_COLOUR_ICONS: readonly string[] = ['tray-paused'];

/** macOS template images, each from `build/tray/src/<name>.svg`. */
export const MAC_TEMPLATES: readonly string[] = ['trayTemplate', 'trayUnknownTemplate', 'trayMaintenanceTemplate', 'trayPausedTemplate'];

/** Healths that get a coloured badge on macOS, with the badge's colour and shape. */
export const MAC_BADGES: Readonly<Record<'degraded' | 'partial_outage' | 'major_outage', { colour: string; shape: 'triangle' | 'disc' | 'square' }>> = {
  degraded: { colour: '#e0b000', shape: 'triangle' },
  partial_outage: { colour: '#ea6a0c', shape: 'disc' },
  major_outage: { colour: '#d92d20', shape: 'square' },
};

/** Menu-bar appearances a badge icon is drawn for, with the glyph colour macOS itself uses on each. */
export const MAC_APPEARANCES: Readonly<Record<'light' | 'dark', string>> = { light: '#000000', dark: '#ffffff' };

/**
 * The SVG of a macOS badge icon: the template's glyph recoloured for the menu-bar appearance, with a hole
 * around the badge so the badge's edge stays clear on either background. Pure text; 22×22 viewBox.
 */
export function badgeSvg(templateSvg: string, health: keyof typeof MAC_BADGES, appearance: keyof typeof MAC_APPEARANCES): string {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(templateSvg)?.[1];
  if (inner === undefined) throw new Error('trayTemplate.svg has no <svg> element');
  const glyph = inner.replace(/<!--[\s\S]*?-->/g, '').replaceAll('#000000', MAC_APPEARANCES[appearance]);
  const { colour, shape } = MAC_BADGES[health];
  const cx = 16.5;
  const cy = 16.5;
  const badge =
    shape === 'disc'
      ? `<circle cx="${cx}" cy="${cy}" r="5" fill="${colour}"/>`
      : shape === 'square'
        ? `<rect x="${cx - 4.6}" y="${cy - 4.6}" width="9.2" height="9.2" rx="1.4" fill="${colour}"/>`
        : `<path d="M${cx} ${cy - 5.6} L${cx + 5.8} ${cy + 4.6} L${cx - 5.8} ${cy + 4.6} Z" fill="${colour}" stroke="${colour}" stroke-width="0.8" stroke-linejoin="round"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22">',
    `<defs><mask id="cut"><rect width="22" height="22" fill="#ffffff"/><circle cx="${cx}" cy="${cy}" r="6.6" fill="#000000"/></mask></defs>`,
    `<g mask="url(#cut)">${glyph}</g>`,
    badge,
    '</svg>',
  ].join('\n');
}

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
  for (const name of [...TRAY_HEALTHS.map((h) => `tray-${h}`), ...TRAY_EXTRA_COLOUR_ICONS]) {
    const svg = await readFile(path.join(traySrc, `${name}.svg`));
    await write(`tray/${name}.png`, await renderSvg(svg, TRAY_SIZE_PX));
    await write(`tray/${name}@2x.png`, await renderSvg(svg, TRAY_SIZE_PX * 2));
  }
  for (const name of MAC_TEMPLATES) {
    const svg = await readFile(path.join(traySrc, `${name}.svg`));
    await write(`tray/${name}.png`, await renderSvg(svg, MAC_TRAY_SIZE_PX));
    await write(`tray/${name}@2x.png`, await renderSvg(svg, MAC_TRAY_SIZE_PX * 2));
  }
  const template = await readFile(path.join(traySrc, 'trayTemplate.svg'), 'utf8');
  for (const health of Object.keys(MAC_BADGES) as (keyof typeof MAC_BADGES)[]) {
    for (const appearance of Object.keys(MAC_APPEARANCES) as (keyof typeof MAC_APPEARANCES)[]) {
      const svg = Buffer.from(badgeSvg(template, health, appearance));
      await write(`tray/trayBadge-${health}-${appearance}.png`, await renderSvg(svg, MAC_TRAY_SIZE_PX));
      await write(`tray/trayBadge-${health}-${appearance}@2x.png`, await renderSvg(svg, MAC_TRAY_SIZE_PX * 2));
    }
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const files = await generateIcons();
  console.log(`generate-icons: wrote ${files.length} files under ${BUILD_DIR}`);
}
