import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { company } from './support/scenarios';
import { wallRoot, wallUrl } from './support/wall';

let feed: ScenarioFeed;
test.afterEach(async () => {
  await feed?.close();
});

/** What the screen said at each change of `data-loading-slos`, recorded in the page as it happened. */
interface Seen {
  loading: string;
  ready: string;
  header: string;
  body: string;
  statusBar: string;
}

// Installed before the wall loads: the two-step state lasts a few frames, so
// the page records what it showed at every change instead of a test polling for it.
function recordLoading(): void {
  const seen: Seen[] = [];
  (window as unknown as { __seen: Seen[] }).__seen = seen;
  const watch = () => {
    const wall = document.getElementById('wall');
    if (!wall) {
      setTimeout(watch, 10);
      return;
    }
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
    new MutationObserver(() =>
      seen.push({
        loading: wall.dataset.loadingSlos ?? '',
        ready: wall.dataset.ready ?? '',
        header: text('.page-header'),
        body: text('[data-calm]'),
        statusBar: text('.status-bar'),
      }),
    ).observe(wall, { attributes: true, attributeFilter: ['data-loading-slos'] });
  };
  watch();
}

test('a first snapshot of over 10,000 SLOs shows its services at once and says its SLOs are loading, never calm, until they are all in', async ({ page, site }) => {
  test.setTimeout(120_000);
  feed = await startScenarioFeed(company(6_000), { tickMs: 60_000 });
  const total = feed.snapshot().slos.length;
  expect(total).toBeGreaterThan(10_000);
  await page.addInitScript(recordLoading);
  await page.goto(wallUrl(site.url, { feed: feed.server.url, quiet: true }));
  const root = wallRoot(page);
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(root).toHaveAttribute('data-loading-slos', '0', { timeout: 60_000 });

  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
  const loading = seen.find((s) => s.loading === String(total));
  expect(loading, `the wall showed the snapshot's services while its ${total} SLOs loaded`).toBeDefined();
  expect(loading!.ready).toBe('true');
  const count = total.toLocaleString('en-US');
  expect(loading!.header).toContain(`loading ${count} SLOs`);
  expect(loading!.header).not.toContain('burning');
  expect(loading!.body).toContain(`loading ${count} SLOs`);
  expect(loading!.statusBar).toContain('loading SLOs');

  // Then every SLO is in, and quiet mode counts them.
  await expect(page.locator('.page-header')).toContainText(`of ${total} burning`);
  await expect(page.locator('.status-bar')).not.toContainText('loading SLOs');
});

test('the health page says its SLOs are loading: a tile without a burn badge then is not a tile that burns nothing', async ({ page, site }) => {
  test.setTimeout(120_000);
  feed = await startScenarioFeed(company(6_000), { tickMs: 60_000 });
  const total = feed.snapshot().slos.length;
  await page.addInitScript(recordLoading);
  await page.goto(wallUrl(site.url, { feed: feed.server.url, pages: ['health'] }));
  const root = wallRoot(page);
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(root).toHaveAttribute('data-loading-slos', '0', { timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
  const loading = seen.find((s) => s.loading === String(total));
  expect(loading, `the wall showed the health page while its ${total} SLOs loaded`).toBeDefined();
  expect(loading!.header).toContain('Service health');
  expect(loading!.header).toContain(`loading ${total.toLocaleString('en-US')} SLOs`);
  await expect(page.locator('.page-header')).not.toContainText('loading');
});
