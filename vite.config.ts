/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';
import { defineConfig, type Plugin, type PluginOption } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = resolve(ROOT, 'renderer');
const MAIN_ENTRY = resolve(ROOT, 'electron/main.ts');
const PRELOAD_ENTRY = resolve(ROOT, 'electron/preload.ts');
const ELECTRON_OUT = resolve(ROOT, 'dist/electron');

/**
 * One Vite config for every build of Status Tray, selected by `--mode`:
 * - `cli`: the headless runner bundled into `dist/cli/status-tray.mjs` (Node ESM, dependencies external).
 * - `test` (what Vitest runs with): only the `test` block, so no app plugin starts during unit tests.
 * - default: the desktop app — the renderer (two pages) into `dist/renderer/`, and, when their sources
 *   exist, the Electron main process (`dist/electron/main.js`, ESM) and preload (`dist/electron/preload.cjs`,
 *   one CommonJS file, because a sandboxed preload cannot load ES modules or require local files).
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
  const test = {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node' as const,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  };
  if (mode === 'test') return { test };
  return {
    root: RENDERER_DIR,
    // Pages load from file:// inside the packaged app, so every asset URL must be relative.
    base: './',
    publicDir: false,
    plugins: [react(), relaxCspForDevServer(), ...electronPlugins()],
    build: {
      outDir: resolve(ROOT, 'dist/renderer'),
      emptyOutDir: true,
      target: 'chrome130',
      rollupOptions: {
        input: {
          status: resolve(RENDERER_DIR, 'index.html'),
          settings: resolve(RENDERER_DIR, 'settings.html'),
        },
      },
    },
    test: { ...test, root: ROOT },
  };
});

/** Output settings shared by the main and preload builds (both land in dist/electron, beside each other). */
const ELECTRON_BUILD = {
  outDir: ELECTRON_OUT,
  emptyOutDir: false,
  target: 'node22',
  // Readable stack traces in logs matter more than bytes in a desktop app's main process.
  minify: false,
} as const;

/**
 * Main and preload builds. They are skipped while their source files do not exist, so the renderer can be
 * built on its own (the Electron glue is written in parallel); the build log says which were skipped.
 */
function electronPlugins(): PluginOption[] {
  const entries = [];
  if (existsSync(MAIN_ENTRY)) {
    entries.push({
      entry: MAIN_ENTRY,
      // `npm run dev` starts Electron after each main build. Where its binary is missing, keep the dev server
      // up anyway: the renderer still works in a browser against the in-memory fake API.
      async onstart({ startup }: { startup: () => Promise<boolean> }) {
        try {
          await startup();
        } catch (err) {
          console.warn(`[status-tray] Electron did not start (${(err as Error).message}); the renderer is still served for a browser.`);
        }
      },
      vite: {
        root: ROOT,
        build: {
          ...ELECTRON_BUILD,
          lib: { entry: MAIN_ENTRY, formats: ['es' as const], fileName: () => 'main.js' },
          // better-sqlite3 loads a native binding at run time: it stays in node_modules (rebuilt for Electron).
          rollupOptions: { external: ['electron-updater', 'electron-store', 'better-sqlite3'] },
        },
      },
    });
  }
  if (existsSync(PRELOAD_ENTRY)) {
    entries.push({
      // No `onstart` reload hook needed: the default restarts Electron when a preload changes in dev.
      vite: {
        root: ROOT,
        build: {
          ...ELECTRON_BUILD,
          rolldownOptions: {
            input: { preload: PRELOAD_ENTRY },
            output: { format: 'cjs' as const, entryFileNames: 'preload.cjs', codeSplitting: false },
          },
        },
      },
    });
  }
  if (entries.length < 2) {
    console.warn(
      `[status-tray] building without ${[!existsSync(MAIN_ENTRY) && 'electron/main.ts', !existsSync(PRELOAD_ENTRY) && 'electron/preload.ts'].filter(Boolean).join(' and ')} (not written yet)`,
    );
  }
  return entries.length > 0 ? electron(entries) : [];
}

/**
 * The pages carry a strict Content-Security-Policy (no inline scripts or styles). Vite's dev server injects an
 * inline React Fast Refresh preamble, inline `<style>` for CSS modules it hot-swaps, and a WebSocket for HMR,
 * so the dev server (only) widens the policy for those; built files keep it exactly as written.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'status-tray:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    },
  };
}
