import { resolve } from 'node:path';
import { REPO_ROOT } from '../../support/feeds';

/** The built renderer the e2e tests serve. */
export const RENDERER_DIST = resolve(REPO_ROOT, 'dist/renderer');
/** Where the README screenshots are written. */
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'tests/e2e/screenshots');
