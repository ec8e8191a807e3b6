import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Health } from '../../../shared/domain/types';
import { badgeSvg, generateIcons, MAC_TEMPLATES } from '../../../build/scripts/generate-icons';
import { REPO_ROOT, readEffectiveConfig } from './builder-config';

const BUILD = path.join(REPO_ROOT, 'build');

/** Every Health; `satisfies` makes this fail to compile when a health is added without a tray icon. */
const HEALTH_FLAGS = {
  operational: true,
  maintenance: true,
  degraded: true,
  partial_outage: true,
  major_outage: true,
  unknown: true,
} as const satisfies Record<Health, true>;
const HEALTHS = Object.keys(HEALTH_FLAGS) as Health[];

async function size(file: string): Promise<[number | undefined, number | undefined]> {
  const meta = await sharp(file).metadata();
  return [meta.width, meta.height];
}

/** Icon sizes inside a Windows .ico (ICONDIR + ICONDIRENTRY; a stored 0 means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const sizes: number[] = [];
  for (let i = 0; i < bytes.readUInt16LE(4); i++) sizes.push(bytes[6 + 16 * i] || 256);
  return sizes;
}

/** Chunk types inside an Apple .icns ('icns', total length, then type + length chunks). */
function icnsTypes(bytes: Buffer): string[] {
  expect(bytes.toString('ascii', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const types: string[] = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) types.push(bytes.toString('ascii', at, at + 4));
  return types;
}

/** RGBA of one pixel. */
async function pixel(file: string, x: number, y: number): Promise<[number, number, number, number]> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
}

describe('app icons for every installer target', () => {
  it('has the 1024×1024 master PNG', async () => {
    expect(await size(path.join(BUILD, 'icon.png'))).toEqual([1024, 1024]);
  });

  it('has a Windows .ico with every shell size up to 256 px (what NSIS and the exe embed)', async () => {
    const config = await readEffectiveConfig();
    const sizes = icoSizes(readFileSync(path.join(REPO_ROOT, config.win?.icon ?? 'build/icon.ico')));
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('has a macOS .icns with every slot from 16 px to 1024 px (512@2x)', async () => {
    const config = await readEffectiveConfig();
    const types = icnsTypes(readFileSync(path.join(REPO_ROOT, config.mac?.icon ?? 'build/icon.icns')));
    // ic07–ic10: 128, 256, 512, 1024; ic11–ic14: 16@2x, 32@2x, 128@2x, 256@2x; is32/il32: 16, 32 px.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14', 'is32', 'il32']));
  });

  it('has the Linux icon set electron-builder installs into hicolor, each file as large as its name says', async () => {
    const config = await readEffectiveConfig();
    const dir = path.join(REPO_ROOT, config.linux?.icon ?? 'build/icons');
    for (const n of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(await size(path.join(dir, `${n}x${n}.png`))).toEqual([n, n]);
    }
  });
});

describe('tray icons', () => {
  const COLOUR_ICONS = [...HEALTHS, 'paused'] as const;
  it.each(COLOUR_ICONS)('has %s at 16 px and @2x 32 px (Windows and Linux trays)', async (health) => {
    expect(await size(path.join(BUILD, 'tray', `tray-${health}.png`))).toEqual([16, 16]);
    expect(await size(path.join(BUILD, 'tray', `tray-${health}@2x.png`))).toEqual([32, 32]);
  });

  // Inside the shape, away from every glyph: the state's colour (green, blue, yellow, orange, red, grey, violet).
  const colourChecks: Record<(typeof COLOUR_ICONS)[number], { at: [number, number]; ok: (r: number, g: number, b: number) => boolean }> = {
    operational: { at: [5, 16], ok: (r, g, b) => g > r + 60 && g > b + 60 },
    maintenance: { at: [5, 16], ok: (r, g, b) => b > r + 60 && b > g + 40 },
    degraded: { at: [9, 26], ok: (r, g, b) => r > 180 && g > 140 && b < 80 },
    partial_outage: { at: [5, 16], ok: (r, g, b) => r > 200 && g > 70 && g < 160 && b < 60 },
    major_outage: { at: [5, 16], ok: (r, g, b) => r > 180 && g < 80 && b < 80 },
    unknown: { at: [5, 16], ok: (r, g, b) => Math.abs(r - g) < 20 && Math.abs(g - b) < 30 && r > 90 && r < 170 },
    // Paused is not the grey of unknown: clearly violet.
    paused: { at: [5, 16], ok: (r, g, b) => b > g + 80 && r > g + 20 },
  };
  it.each(COLOUR_ICONS)('draws %s in its tray colour', async (health) => {
    const { at, ok } = colourChecks[health];
    const [r, g, b, a] = await pixel(path.join(BUILD, 'tray', `tray-${health}@2x.png`), ...at);
    expect(a).toBe(255);
    expect({ health, rgb: [r, g, b], matches: ok(r, g, b) }).toMatchObject({ matches: true });
  });

  /** Pixels drawn (alpha above half) in a 16 px icon. */
  async function silhouette(name: string): Promise<boolean[]> {
    const { data } = await sharp(path.join(BUILD, 'tray', `${name}.png`)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const out: boolean[] = [];
    for (let i = 3; i < data.length; i += 4) out.push(data[i]! > 127);
    return out;
  }

  it('gives degraded its own outline at 16 px (a triangle), not only its own colour', async () => {
    const degraded = await silhouette('tray-degraded');
    for (const other of ['operational', 'partial_outage', 'major_outage', 'unknown']) {
      const disc = await silhouette(`tray-${other}`);
      const differing = disc.filter((on, i) => on !== degraded[i]).length;
      expect({ other, differing: differing >= 20 }).toEqual({ other, differing: true });
    }
  });

  it.each(MAC_TEMPLATES)('has the macOS template %s at 22 px and @2x 44 px, black plus alpha only', async (name) => {
    expect(name.endsWith('Template')).toBe(true);
    for (const [file, n] of [[`${name}.png`, 22], [`${name}@2x.png`, 44]] as const) {
      const { data, info } = await sharp(path.join(BUILD, 'tray', file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([n, n]);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! === 0) continue;
        drawn++;
        expect(Math.max(data[i]!, data[i + 1]!, data[i + 2]!)).toBeLessThanOrEqual(8);
      }
      expect(drawn).toBeGreaterThan(n * 2);
    }
  });

  it.each([
    ['degraded', (r: number, g: number, b: number) => r > 180 && g > 140 && b < 80],
    ['partial_outage', (r: number, g: number, b: number) => r > 200 && g > 70 && g < 160 && b < 60],
    ['major_outage', (r: number, g: number, b: number) => r > 180 && g < 80 && b < 80],
  ] as const)('has macOS badge icons for %s: a coloured badge, glyph black on light and white on dark menu bars', async (health, colour) => {
    for (const appearance of ['light', 'dark'] as const) {
      const file = path.join(BUILD, 'tray', `trayBadge-${health}-${appearance}@2x.png`);
      expect(await size(file)).toEqual([44, 44]);
      const [r, g, b, a] = await pixel(file, 33, 35);
      expect({ appearance, a, badge: colour(r, g, b) }).toEqual({ appearance, a: 255, badge: true });
      // The ring's left edge: the glyph in the menu bar's text colour.
      const [gr, , , ga] = await pixel(file, 5, 22);
      expect({ appearance, drawn: ga > 200, shade: appearance === 'light' ? gr < 30 : gr > 225 }).toEqual({ appearance, drawn: true, shade: true });
    }
  });

  it('composes badges from the template glyph, recoloured, with a hole around the badge', () => {
    const svg = badgeSvg('<svg viewBox="0 0 22 22"><!-- note --><circle stroke="#000000"/></svg>', 'degraded', 'dark');
    expect(svg).toContain('<g mask="url(#cut)"><circle stroke="#ffffff"/></g>');
    expect(svg).not.toContain('note');
    expect(svg).toContain('fill="#e0b000"');
    expect(() => badgeSvg('not svg', 'degraded', 'dark')).toThrow(/no <svg>/);
  });
});

describe('app icon', () => {
  it('carries no health colour: its status light is white, not green', async () => {
    // Centre of the status light in the 1024 px master (build/icon.svg).
    const [r, g, b] = await pixel(path.join(BUILD, 'icon.png'), 770, 188);
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(30);
    expect(Math.min(r, g, b)).toBeGreaterThan(180);
  });
});

describe('build/scripts/generate-icons.ts', () => {
  let fresh: string;
  let written: string[];
  beforeAll(async () => {
    fresh = mkdtempSync(path.join(tmpdir(), 'status-tray-icons-'));
    written = await generateIcons({ sourceDir: BUILD, outDir: fresh });
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('writes every committed icon file', () => {
    for (const rel of written) expect(existsSync(path.join(BUILD, rel))).toBe(true);
    expect(written).toEqual(expect.arrayContaining(['icon.png', 'icon.ico', 'icon.icns', 'tray/trayTemplate@2x.png']));
  });

  it('matches the committed PNGs (regenerate with `npm run icons` after editing an SVG source)', async () => {
    for (const rel of written.filter((f) => f.endsWith('.png'))) {
      const [a, b] = await Promise.all(
        [path.join(BUILD, rel), path.join(fresh, rel)].map((f) => sharp(f).ensureAlpha().raw().toBuffer({ resolveWithObject: true })),
      );
      expect([rel, a!.info.width, a!.info.height]).toEqual([rel, b!.info.width, b!.info.height]);
      // Tolerate rounding between libvips builds on different OSes; an edited source changes far more.
      let worst = 0;
      for (let i = 0; i < a!.data.length; i++) worst = Math.max(worst, Math.abs(a!.data[i]! - b!.data[i]!));
      expect({ rel, worst: worst <= 3 }).toEqual({ rel, worst: true });
    }
  });

  it('is deterministic: a second run writes the same bytes', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'status-tray-icons-'));
    try {
      await generateIcons({ sourceDir: BUILD, outDir: again });
      for (const rel of written) {
        expect({ rel, same: readFileSync(path.join(fresh, rel)).equals(readFileSync(path.join(again, rel))) }).toEqual({ rel, same: true });
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
