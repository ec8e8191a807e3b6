/**
 * Where the real captured status documents live: `../shared/feeds/` beside the repository (see its
 * MANIFEST.md). Tests read them in place; they are never copied into this repository.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of `../shared/feeds`. Override with STATUS_TRAY_FEEDS for unusual layouts. */
export const FEEDS_DIR = process.env.STATUS_TRAY_FEEDS ?? resolve(REPO_ROOT, '../shared/feeds');

/** Absolute path of `../shared`. */
export const SHARED_DIR = resolve(FEEDS_DIR, '..');

/** Read a feed as bytes, e.g. `readFeedBytes('statuspage-json/cursor-summary-2026-09-25-active-incident.json')`. */
export function readFeedBytes(relativePath: string): Buffer {
  return readFileSync(resolve(FEEDS_DIR, relativePath));
}

/** Read a feed as UTF-8 text. */
export function readFeed(relativePath: string): string {
  return readFeedBytes(relativePath).toString('utf8');
}
