import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. `renderer` project: the BUILT renderer (run `vite build` first; global-setup checks) in
 * Debian's Chromium, driven by the real engine and AppController in the test process (see support/harness.ts).
 * `electron` project: the packaged app via Playwright's `_electron`, where an Electron binary exists.
 */
export default defineConfig({
  testDir: '.',
  globalSetup: './support/global-setup.ts',
  outputDir: '../../test-results/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores on CI: one browser at a time keeps the engine's timing predictable.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    colorScheme: 'light',
    viewport: { width: 760, height: 820 },
    launchOptions: {
      executablePath: process.env.STATUS_TRAY_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'renderer', testMatch: /.*\.spec\.ts$/, testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
