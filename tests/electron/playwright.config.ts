import { defineConfig } from '@playwright/test';

// The Electron end-to-end test (tests/electron/*.e2e.ts). Run through tests/electron/run.mjs, which
// skips plainly where the Electron binary is not installed and uses xvfb-run where there is no display.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
});
