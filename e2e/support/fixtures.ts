import { test as base } from '@playwright/test';
import { startStaticSite } from './staticSite';
import type { StaticSite } from './staticSite';

/** Browser tests with the built wall served once per worker. */
export const test = base.extend<object, { site: StaticSite }>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const site = await startStaticSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
