/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/**
 * One Vite config for every build of Status Tray, selected by `--mode`:
 * - `cli`: the headless runner bundled into `dist/cli/status-tray.mjs` (Node ESM, dependencies external).
 * - default: the desktop app (main, preload, renderer) — see the Electron section below.
 * The `test` block configures Vitest for the Node unit tests in `tests/unit/`.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    return {
      build: {
        ssr: 'cli/main.ts',
        outDir: 'dist/cli',
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: { output: { entryFileNames: 'status-tray.mjs', banner: '#!/usr/bin/env node' } },
      },
    };
  }
  return {
    test: {
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
      testTimeout: 20_000,
      hookTimeout: 20_000,
    },
  };
});
