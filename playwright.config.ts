import { defineConfig } from '@playwright/test';

// Real Chromium from Debian (/usr/bin/chromium; never `playwright install`), against the local
// web host started per test file by tests/e2e/fixtures.ts. CHROMIUM_PATH overrides the binary.
export default defineConfig({
  testDir: 'tests/e2e',
  // whole counter stories on a shared 2-core machine: a generous ceiling, not a speed check
  timeout: 150_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // a trace made a story a quarter slower, and CI keeps only the log: PW_TRACE=1 (or --trace on) to debug one
    trace: process.env.PW_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        // the document camera (高拍仪): Chromium's own test picture, allowed without asking
        '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      ],
    },
  },
});
