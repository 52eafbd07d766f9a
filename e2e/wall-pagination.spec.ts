import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { company } from './support/scenarios';
import { openWall, shownValues, wallRoot } from './support/wall';

let feed: ScenarioFeed;
test.afterEach(async () => {
  await feed?.close();
});

interface Box {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  isClipped: boolean;
}

/** Every element carrying `attribute`, its box, and whether its own content overflows it. */
function boxes(page: Page, attribute: string): Promise<Box[]> {
  return page.locator(`[${attribute}]`).evaluateAll(
    (elements, name) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        return { id: e.getAttribute(name) ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom, isClipped: e.scrollHeight > e.clientHeight + 1 };
      }),
    attribute,
  );
}

/** Smallest computed font size of any text inside elements matching `selector`. */
function smallestText(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((elements) => {
    let smallest = Infinity;
    for (const root of elements) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || !node.parentElement) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
      }
    }
    return smallest;
  });
}

/** Steps through every sub-page of the paused current page, checking each screen, and returns the ids shown on each. */
async function walkSubPages(page: Page, attribute: string): Promise<string[][]> {
  const root = wallRoot(page);
  const [, total] = ((await root.getAttribute('data-subpage')) ?? '1/1').split('/').map(Number) as [number, number];
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const content = await page.locator('.content').boundingBox();
  const statusBar = await page.locator('.status-bar').boundingBox();
  if (content === null || statusBar === null) throw new Error('no content or status bar');
  const seen: string[][] = [];
  for (let n = 1; n <= total; n += 1) {
    await expect(root).toHaveAttribute('data-subpage', `${n}/${total}`);
    const shown = await boxes(page, attribute);
    expect(shown.length).toBeGreaterThan(0);
    for (const box of shown) {
      expect(box.left, `${box.id} left edge`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${box.id} right edge`).toBeLessThanOrEqual(viewport.width);
      expect(box.top, `${box.id} top edge`).toBeGreaterThanOrEqual(content.y);
      expect(box.bottom, `${box.id} bottom edge`).toBeLessThanOrEqual(statusBar.y);
      expect(box.isClipped, `${box.id} content fits its box`).toBe(false);
    }
    seen.push(shown.map((b) => b.id));
    await page.keyboard.press('ArrowRight');
  }
  // Nothing scrolls: the document is exactly the viewport.
  expect(await page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).toBeLessThanOrEqual(viewport.height);
  return seen;
}

for (const size of [
  { width: 1920, height: 1080, minText: 19 },
  { width: 1280, height: 720, minText: 12.8 },
]) {
  test(`300 services split into sub-pages at ${size.width}x${size.height}, every tile whole and every service shown once`, async ({ page, site }) => {
    await page.setViewportSize(size);
    feed = await startScenarioFeed(company(300));
    const ids = feed.snapshot().services.map((s) => s.id);
    expect(ids).toHaveLength(300);
    const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['health'], dwell: 600 });
    await page.keyboard.press('Space');
    await expect(root).toHaveAttribute('data-subpage', /^1\/([2-9]|\d\d)$/);
    expect(await smallestText(page, '.tile')).toBeGreaterThanOrEqual(size.minText - 0.05);

    const pages = await walkSubPages(page, 'data-service-id');
    const all = pages.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all)).toEqual(new Set(ids));
    // Worst first across the sub-pages: the last sub-page wraps to the first.
    await expect(root).toHaveAttribute('data-subpage', `1/${pages.length}`);
  });
}

test('sub-pages rotate on their own within the page', async ({ page, site }) => {
  feed = await startScenarioFeed(company(300));
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['health'], dwell: 2 });
  await expect(root).toHaveAttribute('data-subpage', /^1\//);
  await expect(root).toHaveAttribute('data-subpage', /^2\//, { timeout: 5_000 });
  await expect(root).toHaveAttribute('data-subpage', /^3\//, { timeout: 5_000 });
});

test('82 SLOs split into budget sub-pages with every card whole and every SLO shown once', async ({ page, site }) => {
  feed = await startScenarioFeed(company(40));
  const ids = feed.snapshot().slos.map((s) => s.id);
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['budgets'], dwell: 600 });
  await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-paused', 'true');
  expect(await smallestText(page, '.slo')).toBeGreaterThanOrEqual(19);
  const pages = await walkSubPages(page, 'data-slo-id');
  expect(pages.length).toBeGreaterThan(1);
  expect(pages.flat().sort()).toEqual([...ids].sort());
  expect(await shownValues(page, 'data-budget-remaining')).toEqual(expect.arrayContaining([expect.stringMatching(/^-?\d+\.\d{4}$/)]));
});
