import { existsSync } from 'node:fs';
import { RENDERER_DIST } from './paths';

/** The e2e tests use the built renderer; fail at once, with the fix, if it has not been built. */
export default function globalSetup(): void {
  for (const page of ['index.html', 'settings.html']) {
    if (!existsSync(`${RENDERER_DIST}/${page}`)) {
      throw new Error(`${RENDERER_DIST}/${page} is missing: run \`npm run build\` (vite build) before the e2e tests.`);
    }
  }
}
