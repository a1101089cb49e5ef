import { test as base } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';

/** Playwright's test with a fresh data directory and a web host on it, per test. */
export const test = base.extend<{ dataDir: string; host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  dataDir: async ({}, use) => {
    const data = tempDataDir();
    await use(data.dir);
    data.remove();
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(['--data-dir', dataDir]);
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
