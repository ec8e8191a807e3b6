/**
 * Generates shared/catalog/catalog.json from the catalog seed beside the repository
 * (`../shared/catalog-seed/services.json`, see its README) plus shared/catalog/additions.ts.
 * Run: `npx tsx build/scripts/generate-catalog.ts` (or `npm run catalog`). Output is deterministic: sorted by
 * id, no timestamps, so re-running on the same seed changes nothing. Prints counts and what was skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type ListedPage, type SeedService } from '../../shared/catalog/build-catalog';
import { slugify } from '../../shared/domain/text';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = process.env.STATUS_TRAY_CATALOG_SEED ?? resolve(repoRoot, '../shared/catalog-seed/services.json');
const outPath = resolve(repoRoot, 'shared/catalog/catalog.json');

const listedPath = resolve(repoRoot, 'shared/catalog/sources/statusphere-pages.json');

const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedService[];
if (!Array.isArray(seed)) throw new Error(`${seedPath}: expected a JSON array`);
const listed = JSON.parse(readFileSync(listedPath, 'utf8')) as ListedPage[];
if (!Array.isArray(listed)) throw new Error(`${listedPath}: expected a JSON array`);
const { entries, skipped: all, listedSkipped } = buildCatalog(seed, undefined, listed);
// Seed rows that a hand-made addition stands in for (GitLab) are not really missing.
const ids = new Set(entries.map((e) => e.id));
const skipped = all.filter((s) => !ids.has(slugify(s.name)));

// One entry per line keeps diffs of a regenerated catalog readable.
const body = entries.map((e) => '  ' + JSON.stringify(e)).join(',\n');
writeFileSync(outPath, `[\n${body}\n]\n`);

const perPlatform = new Map<string, number>();
for (const e of entries) perPlatform.set(e.platform, (perPlatform.get(e.platform) ?? 0) + 1);
const skippedPerPlatform = new Map<string, number>();
for (const s of skipped) skippedPerPlatform.set(s.platform, (skippedPerPlatform.get(s.platform) ?? 0) + 1);
const SLICES = new Set(['aws', 'gcp', 'azure', 'apple']);
const slices = entries.filter((e) => SLICES.has(e.platform)).length;
const presumed = entries.filter((e) => e.presumed).length;
console.log(`Wrote ${entries.length} entries to ${outPath}`);
console.log(`  ${entries.length - slices} independent services (${presumed} of them on a presumed platform), ${slices} AWS/Google Cloud/Azure/Apple slices`);
console.log(`  ${listed.length - listedSkipped} of ${listed.length} listed pages added (the rest already known or without a usable platform)`);
console.log('  by platform:', Object.fromEntries([...perPlatform].sort()));
console.log(`  skipped ${skipped.length} seed rows:`, Object.fromEntries([...skippedPerPlatform].sort()));
for (const s of skipped.filter((s) => s.platform !== 'other')) {
  console.log(`    ${s.name} (${s.platform}): ${s.reason}`);
}
