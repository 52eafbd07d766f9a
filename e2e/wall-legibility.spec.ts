import type { Page } from '@playwright/test';
import { CAP_HEIGHT_RATIO, minCapHeightPx } from '../shared/wall/legibility';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { badDay, calmShop } from './support/scenarios';
import { shoot } from './support/screenshots';
import { openWall, wallRoot } from './support/wall';

/*
 * Legibility from the default distance (a 55-inch screen at 3 m) on every
 * page at three window sizes, and status as shape, word and colour.
 *
 * What is measured: for every text node inside an entity
 * ([data-service-id], [data-slo-id], [data-incident-id]) the computed font
 * size of its element times the cap-height ratio the rule assumes
 * (CAP_HEIGHT_RATIO), compared with the capital height the rule asks for.
 * The font actually rendered is checked separately: the height of its
 * capital "H" (canvas measureText, actualBoundingBoxAscent) over its size
 * must not be below that ratio, so the assumption cannot hide small text.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const GEOMETRY = { screenInches: 55, viewingDistanceMeters: 3 };
const ENTITY = '[data-service-id], [data-slo-id], [data-incident-id]';

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

interface TextReport {
  texts: number;
  smallest: { px: number; text: string; entity: string };
  capRatios: number[];
}

/** Every entity text's font size, the smallest one, and the measured cap-height ratio of each font family in use. */
function measureTexts(page: Page): Promise<TextReport> {
  return page.locator(ENTITY).evaluateAll((entities) => {
    const report = { texts: 0, smallest: { px: Infinity, text: '', entity: '' }, capRatios: [] as number[] };
    const families = new Set<string>();
    for (const entity of entities) {
      const walker = document.createTreeWalker(entity, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!node.textContent?.trim() || !element || element.getClientRects().length === 0) continue;
        const style = getComputedStyle(element);
        const px = parseFloat(style.fontSize);
        report.texts += 1;
        families.add(`${style.fontWeight} 100px ${style.fontFamily}`);
        if (px < report.smallest.px) report.smallest = { px, text: node.textContent.trim(), entity: entity.getAttribute('data-service-id') ?? entity.getAttribute('data-slo-id') ?? entity.getAttribute('data-incident-id') ?? '' };
      }
    }
    const context = document.createElement('canvas').getContext('2d');
    for (const font of families) {
      if (!context) break;
      context.font = font;
      report.capRatios.push(context.measureText('H').actualBoundingBoxAscent / 100);
    }
    return report;
  });
}

/** Every status element shows a shape (an svg icon), a word and a colour (a tone that is not the text colour). */
function statusProblems(page: Page): Promise<string[]> {
  return page.locator('[data-service-id][data-status], [data-slo-id][data-burning], [data-incident-id][data-severity]').evaluateAll((elements) =>
    elements.flatMap((element) => {
      const id = element.getAttribute('data-service-id') ?? element.getAttribute('data-slo-id') ?? element.getAttribute('data-incident-id') ?? element.className;
      const problems: string[] = [];
      const icon = element.querySelector('svg');
      if (!icon) problems.push(`${id}: no shape`);
      const words = new Set(['OK', 'DEGRADED', 'DOWN', 'MAINT', 'UNKNOWN', 'NO SIGNAL', 'PAGE', 'TICKET', 'EXHAUSTED', 'WITHIN SLO', 'SEV1', 'SEV2', 'SEV3', 'SEV4']);
      const texts: string[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent?.trim() ?? '');
      if (!texts.some((text) => words.has(text))) problems.push(`${id}: no status word`);
      const tone = getComputedStyle(element).getPropertyValue('--tone').trim();
      if (tone === '' || (icon && getComputedStyle(icon).color === getComputedStyle(element).color && getComputedStyle(icon).color === getComputedStyle(document.body).color)) problems.push(`${id}: no status colour`);
      return problems;
    }),
  );
}

async function check(page: Page, view: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  const minCap = minCapHeightPx(GEOMETRY, size);
  const report = await measureTexts(page);
  expect(report.texts, `${view}: entity texts measured`).toBeGreaterThan(0);
  for (const ratio of report.capRatios) expect(ratio, `${view}: measured cap height of the font in use`).toBeGreaterThanOrEqual(CAP_HEIGHT_RATIO - 0.005);
  const smallestCap = report.smallest.px * CAP_HEIGHT_RATIO;
  expect(smallestCap, `${view} at ${size.width}x${size.height}: "${report.smallest.text}" of ${report.smallest.entity} is ${report.smallest.px}px, capitals ${smallestCap.toFixed(1)}px; the rule asks for ${minCap.toFixed(1)}px`).toBeGreaterThanOrEqual(minCap - 0.05);
  expect(await statusProblems(page), `${view}: status as shape, word and colour`).toEqual([]);
}

/** Screenshots at 720p and 1080p only: the palette shots, not every 4K page again. */
async function shootUpTo1080(page: Page, name: string): Promise<void> {
  if ((page.viewportSize()?.width ?? 0) > 1920) return;
  await shoot(page, name);
}

for (const size of SIZES) {
  for (const palette of size.width > 1920 ? ['safe'] : ['safe', 'classic']) {
    test(`every entity text is legible from 3 m on a 55-inch screen at ${size.width}x${size.height} (${palette} palette)`, async ({ page, site }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      feed = await startScenarioFeed(badDay());
      for (const view of ['health', 'budgets', 'incidents']) {
        // One page per visit: its first sub-page, the one with the worst news.
        await openWall(page, site.url, { feed: feed.server.url, dwell: 600, pages: [view], extra: { palette } });
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.palette)).toBe(palette);
        await expect(wallRoot(page)).toHaveAttribute('data-page', view);
        await expect(page.locator(ENTITY).first()).toBeVisible();
        await check(page, view);
        await shootUpTo1080(page, `palette-${palette}-${view}`);
      }
      await openWall(page, site.url, { feed: feed.server.url, quiet: true, extra: { palette } });
      await expect(wallRoot(page)).toHaveAttribute('data-page', 'quiet');
      await expect(page.locator('[data-slo-id]').first()).toBeVisible();
      await check(page, 'quiet');
      await shootUpTo1080(page, `palette-${palette}-quiet-burning`);
    });
  }

  test(`the calm screen is legible at ${size.width}x${size.height}`, async ({ page, site }) => {
    await page.setViewportSize(size);
    feed = await startScenarioFeed(calmShop());
    await openWall(page, site.url, { feed: feed.server.url, quiet: true });
    await expect(page.locator('[data-calm="true"]')).toBeVisible();
    // The calm screen shows no entity; its own smallest text meets the same rule.
    const smallest = await page.locator('[data-calm="true"]').evaluate((calm) => {
      let px = Infinity;
      const walker = document.createTreeWalker(calm, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent?.trim() && node.parentElement) px = Math.min(px, parseFloat(getComputedStyle(node.parentElement).fontSize));
      }
      return px;
    });
    expect(smallest * CAP_HEIGHT_RATIO).toBeGreaterThanOrEqual(minCapHeightPx(GEOMETRY, size) - 0.05);
    await shootUpTo1080(page, 'palette-safe-quiet-calm');
    await expect(wallRoot(page)).toHaveAttribute('data-page', 'quiet');
  });
}

test('the classic palette is chosen by address and the safe one is the default', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  await openWall(page, site.url, { feed: feed.server.url });
  const ok = () => page.locator('[data-status="ok"]').first().evaluate((e) => getComputedStyle(e).getPropertyValue('--tone').trim());
  await expect.poll(ok).toBe('#56b4e9');
  await page.goto(page.url() + '&palette=classic');
  await expect(wallRoot(page)).toHaveAttribute('data-ready', 'true');
  await expect.poll(ok).toBe('#3ccf9c');
});
