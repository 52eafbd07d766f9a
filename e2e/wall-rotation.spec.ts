import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { busyShop, calmShop } from './support/scenarios';
import { openWall, wallRoot } from './support/wall';

let feed: ScenarioFeed;
test.afterEach(async () => {
  await feed?.close();
});

test('the rotation advances on its own through every page with content, in order', async ({ page, site }) => {
  feed = await startScenarioFeed(busyShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 2 });
  const seen: string[] = [];
  const started = Date.now();
  while (seen.length < 4 && Date.now() - started < 15_000) {
    const current = await root.getAttribute('data-page');
    if (current !== null && current !== seen[seen.length - 1]) seen.push(current);
    await page.waitForTimeout(100);
  }
  expect(seen).toEqual(['health', 'budgets', 'incidents', 'health']);
});

test('space pauses and resumes the rotation; the arrows step pages both ways', async ({ page, site }) => {
  feed = await startScenarioFeed(busyShop());
  // Viewed from 1 m each page fits one screen, so each arrow is one page.
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 2, extra: { distance: '1' } });
  await expect(root).toHaveAttribute('data-page', 'health');
  await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-paused', 'true');
  await expect(page.locator('.status-bar .paused')).toBeVisible();
  await page.waitForTimeout(4_500);
  await expect(root).toHaveAttribute('data-page', 'health');

  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-page', 'budgets');
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-page', 'incidents');
  await page.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('data-page', 'budgets');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('data-page', 'incidents');
  await page.waitForTimeout(3_000);
  await expect(root).toHaveAttribute('data-page', 'incidents');

  await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-paused', 'false');
  await expect(root).toHaveAttribute('data-page', 'health', { timeout: 4_000 });
});

test('a page with nothing to show is skipped and the status bar says there are no incidents', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 1 });
  await expect(page.locator('.status-bar .no-incidents')).toHaveText(/no active incidents/);
  const seen = new Set<string>();
  const started = Date.now();
  while (Date.now() - started < 5_000) {
    seen.add((await root.getAttribute('data-page')) ?? '');
    await page.waitForTimeout(100);
  }
  expect([...seen].sort()).toEqual(['budgets', 'health']);
});

test('q toggles quiet mode, h and ? open the help, Escape closes it', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 20 });
  await page.keyboard.press('q');
  await expect(root).toHaveAttribute('data-quiet', 'true');
  await expect(root).toHaveAttribute('data-page', 'quiet');
  await page.keyboard.press('q');
  await expect(root).toHaveAttribute('data-quiet', 'false');
  await expect(root).not.toHaveAttribute('data-page', 'quiet');

  await page.keyboard.press('h');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Help' })).toContainText('pause / resume');
  await expect(wallRoot(page)).toHaveAttribute('data-connection', 'live');
});

test('the mouse cursor hides after a few idle seconds and comes back when the mouse moves', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  await openWall(page, site.url, { feed: feed.server.url });
  const html = page.locator('html');
  await page.mouse.move(200, 200);
  await expect(html).not.toHaveClass(/cursor-hidden/);
  await expect(html).toHaveClass(/cursor-hidden/, { timeout: 5_000 });
  await page.mouse.move(300, 300);
  await expect(html).not.toHaveClass(/cursor-hidden/);
});

test('the dwell bar fills a step with each tick of the clock, in the same task, and stands still while paused', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 20, extra: { distance: '1' } });
  await expect(root).toHaveAttribute('data-page', 'health');
  // When the bar's transform and the clock's text change, on the page's clock.
  const watch = () =>
    page.evaluate(
      (ms) =>
        new Promise<{ bar: Array<[number, string]>; clock: number[] }>((resolve) => {
          const bar = document.querySelector<HTMLElement>('.dwell-fill')!;
          const clock = document.querySelector<HTMLElement>('.status-bar .clock')!;
          const seen = { bar: [] as Array<[number, string]>, clock: [] as number[] };
          const observer = new MutationObserver((records) => {
            const at = performance.now();
            if (records.some((r) => r.target === bar)) seen.bar.push([at, bar.style.transform]);
            if (records.some((r) => r.target !== bar)) seen.clock.push(at);
          });
          observer.observe(bar, { attributes: true, attributeFilter: ['style'] });
          observer.observe(clock, { childList: true, characterData: true, subtree: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(seen);
          }, ms);
        }),
      3_500,
    );
  const running = await watch();
  const scales = running.bar.map(([, transform]) => Number(/scaleX\(([\d.]+)\)/.exec(transform)?.[1]));
  expect(scales.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < scales.length; i += 1) expect(scales[i]).toBeGreaterThan(scales[i - 1]!);
  // Each step of the bar came with a step of the clock: one frame a second, not two.
  for (const [at] of running.bar) expect(running.clock.some((c) => Math.abs(c - at) < 5)).toBe(true);

  await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-paused', 'true');
  const paused = await watch();
  expect(paused.bar).toEqual([]);
  expect(paused.clock.length).toBeGreaterThanOrEqual(3);
});
