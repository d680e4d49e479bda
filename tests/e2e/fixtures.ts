import { test as base } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../helpers/web-host-process';

/** Each test gets its own workstation: a fresh data folder and its own web host process. */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const host = await startHostProcess();
    await use(host);
    await host.stop();
  },
});
export { expect } from '@playwright/test';
