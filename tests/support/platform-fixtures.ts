/**
 * Status documents of the platforms added for issue 13, kept in this repository under
 * `tests/fixtures/platforms/<platform>/` with a MANIFEST.md beside each set saying where every file came from.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './feeds';

/** Absolute path of `tests/fixtures/platforms`. */
export const PLATFORM_FIXTURES_DIR = resolve(REPO_ROOT, 'tests/fixtures/platforms');

/** Read a platform fixture as UTF-8 text, e.g. `readPlatformFixture('gatus/gatus-api-endpoints-statuses-test-expected.json')`. */
export function readPlatformFixture(relativePath: string): string {
  return readFileSync(resolve(PLATFORM_FIXTURES_DIR, relativePath), 'utf8');
}
