import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { pixelsOfColour, themeColour } from './support/canvas';
import { calmShop } from './support/scenarios';
import { openWall, pauseOn } from './support/wall';

/*
 * A chart keeps the size of its card: when the window (or a legend's wrap)
 * changes a card's size, its canvas follows and is drawn again.
 */

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

interface ChartFit {
  id: string;
  box: string;
  canvas: string;
}

/** Each chart's box and its canvas's CSS size, as "width x height". */
function chartFits(page: Page): Promise<ChartFit[]> {
  return page.locator('[data-slo-id] .chart-canvas').evaluateAll((boxes) =>
    boxes.map((box) => {
      const canvas = box.querySelector('canvas');
      return {
        id: box.closest('[data-slo-id]')?.getAttribute('data-slo-id') ?? '',
        box: `${box.clientWidth}x${box.clientHeight}`,
        canvas: canvas === null ? 'none' : `${canvas.clientWidth}x${canvas.clientHeight}`,
      };
    }),
  );
}

/** The charts whose canvas is not the size of its box. */
async function misfits(page: Page): Promise<ChartFit[]> {
  return (await chartFits(page)).filter((f) => f.box !== f.canvas);
}

test('each budget chart follows its card when the window or its box changes size, and is drawn again at the new size', async ({ page, site }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  feed = await startScenarioFeed(calmShop());
  await openWall(page, site.url, { feed: feed.server.url, dwell: 600, pages: ['budgets'], stale: 60 });
  await pauseOn(page, 'budgets');
  const budgetColour = await themeColour(page, '--chart-budget');
  const lineOf = (id: string) => pixelsOfColour(page, `[data-slo-id="${id}"] .chart-canvas`, budgetColour);

  await expect.poll(() => misfits(page)).toEqual([]);
  const before = await chartFits(page);
  expect(before.length).toBeGreaterThan(1);
  await expect.poll(() => lineOf(before[0]!.id)).toBeGreaterThan(20);

  for (const size of [
    { width: 1280, height: 720 },
    { width: 2560, height: 1440 },
  ]) {
    await page.setViewportSize(size);
    // The cards changed size, so every canvas must have: a chart left at its old size would not match.
    await expect.poll(async () => (await chartFits(page)).find((f) => f.id === before[0]!.id)?.box).not.toBe(before[0]!.box);
    await expect.poll(() => misfits(page)).toEqual([]);
    const after = await chartFits(page);
    for (const { id } of after) await expect.poll(() => lineOf(id), { message: `${id} drawn at ${size.width}x${size.height}` }).toBeGreaterThan(20);
  }

  // A card's chart box changes height with nothing new from the feed (as when a legend wraps differently): the canvas follows too.
  feed.server.pause();
  const heights = (await chartFits(page)).map((f) => f.box);
  await page.addStyleTag({ content: '.chart-canvas { flex: 0 0 auto; height: 90px; }' });
  await expect.poll(async () => (await chartFits(page)).map((f) => f.box)).not.toEqual(heights);
  await expect.poll(() => misfits(page)).toEqual([]);
  for (const { id } of await chartFits(page)) await expect.poll(() => lineOf(id), { message: `${id} drawn 90 px high` }).toBeGreaterThan(20);
});
