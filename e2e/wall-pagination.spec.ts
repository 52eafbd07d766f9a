import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { minFontPx } from '../shared/wall/legibility';
import { company } from './support/scenarios';
import { shoot } from './support/screenshots';
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
  /** Its content is wider than it: something inside spills out of its right edge. */
  isClippedX: boolean;
  /** Text of elements inside it whose text is wider than the element: cut off, or cut with an ellipsis. */
  cutText: string[];
}

/** Every element carrying `attribute`, its box, whether its own content overflows it, and any text cut short inside it. */
function boxes(page: Page, attribute: string): Promise<Box[]> {
  return page.locator(`[${attribute}]`).evaluateAll(
    (elements, name) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        const cutText: string[] = [];
        for (const element of [e, ...e.querySelectorAll('*')]) {
          const hasText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (hasText && element.scrollWidth > element.clientWidth + 1) cutText.push(element.textContent?.trim() ?? '');
        }
        return { id: e.getAttribute(name) ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom, isClipped: e.scrollHeight > e.clientHeight + 1, isClippedX: e.scrollWidth > e.clientWidth + 1, cutText };
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
      expect(box.isClippedX, `${box.id} content fits its width`).toBe(false);
      expect(box.cutText, `${box.id} text fits its width`).toEqual([]);
    }
    seen.push(shown.map((b) => b.id));
    await page.keyboard.press('ArrowRight');
  }
  // Nothing scrolls: the document is exactly the viewport.
  expect(await page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).toBeLessThanOrEqual(viewport.height);
  return seen;
}

// The smallest text the legibility rule allows for a 55-inch screen at 3 m (the defaults).
const legible = (width: number, height: number) => minFontPx({ screenInches: 55, viewingDistanceMeters: 3 }, { width, height });

for (const size of [
  { width: 1920, height: 1080, minText: legible(1920, 1080) },
  { width: 1280, height: 720, minText: legible(1280, 720) },
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
  // At the legible size 300 services take some thirty sub-pages of 2 s: start from wherever the wall is.
  const [start, total] = ((await root.getAttribute('data-subpage')) ?? '1/1').split('/').map(Number) as [number, number];
  expect(total).toBeGreaterThan(3);
  const next = (n: number) => new RegExp(`^${(n % total) + 1}/`);
  await expect(root).toHaveAttribute('data-subpage', next(start), { timeout: 5_000 });
  await expect(root).toHaveAttribute('data-subpage', next(start + 1), { timeout: 5_000 });
});

test('82 SLOs split into budget sub-pages with every card whole and every SLO shown once', async ({ page, site }) => {
  feed = await startScenarioFeed(company(40));
  const ids = feed.snapshot().slos.map((s) => s.id);
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['budgets'], dwell: 600 });
  await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-paused', 'true');
  expect(await smallestText(page, '.slo')).toBeGreaterThanOrEqual(legible(1920, 1080) - 0.05);
  const pages = await walkSubPages(page, 'data-slo-id');
  expect(pages.length).toBeGreaterThan(1);
  expect(pages.flat().sort()).toEqual([...ids].sort());
  expect(await shownValues(page, 'data-budget-remaining')).toEqual(expect.arrayContaining([expect.stringMatching(/^-?\d+\.\d{4}$/)]));
});

/** Long names everywhere: services, an SLO and an incident touching nine services. */
function longNames(): object {
  const names = ['Postgres Primary Replication Coordinator', 'Customer Notification Preferences Gateway', 'Payments Reconciliation Ledger Writer', 'Kafka', 'Search Autocomplete Suggestion Ranker', 'Object Store Lifecycle Manager', 'Identity Federation Token Broker', 'Inventory Reservation Saga Orchestrator', 'Shipping Label Renderer'];
  const services = names.map((name, i) => ({ id: `svc-${i}`, name, team: 'platform-infrastructure-and-data', tier: 1 }));
  return {
    name: 'long names',
    services,
    slos: [{ id: 'long-slo', service: 'svc-0', name: 'Postgres Primary Replication Coordinator write latency p99 below 40 ms', objective: 0.999, windowDays: 30 }],
    steps: [
      { at: '0s', all: 'healthy' },
      { at: '0s', service: { id: 'svc-0', status: 'degraded' } },
      {
        at: '0s',
        incident: { id: 'inc-long', severity: 'sev3', title: 'Replication lag on the Postgres primary delays order confirmations for some customers in the EU region', services: services.map((s) => s.id), summary: 'Failover to the standby is being prepared; writes are slowed to let the replicas catch up before the switch.' },
      },
    ],
  };
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`long names wrap instead of being cut, and long service lists end in "+N more", at ${size.width}x${size.height}`, async ({ page, site }) => {
    await page.setViewportSize(size);
    feed = await startScenarioFeed(longNames());
    for (const [view, attribute] of [
      ['health', 'data-service-id'],
      ['budgets', 'data-slo-id'],
      ['incidents', 'data-incident-id'],
    ] as const) {
      await openWall(page, site.url, { feed: feed.server.url, pages: [view], dwell: 600 });
      await page.keyboard.press('Space');
      await expect(wallRoot(page)).toHaveAttribute('data-page', view);
      await walkSubPages(page, attribute);
    }
    await expect(page.locator('[data-incident-id="inc-long"] .inc-services')).toContainText('+5 more');
    // A wrapped name takes two lines where one would not do.
    const titleLines = await page.locator('[data-incident-id="inc-long"] .inc-title').evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));
    expect(titleLines).toBe(2);
  });
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the widest status and figures fit a tile at ${size.width}x${size.height}`, async ({ page, site }) => {
    await page.setViewportSize(size);
    feed = await startScenarioFeed({
      name: 'wide figures',
      services: [{ id: 'ledger', name: 'Ledger', team: 'payments', tier: 1, signals: { rps: 900_000, latencyP99Ms: 900 } }],
      slos: [{ id: 'ledger-availability', service: 'ledger', objective: 0.999, windowDays: 30 }],
      steps: [
        { at: '0s', all: 'healthy' },
        { at: '0s', ratios: { slo: 'ledger-availability', '5m': 0.9, window: 0.0005 } },
        { at: '0s', service: { id: 'ledger', status: 'degraded' } },
      ],
    });
    await openWall(page, site.url, { feed: feed.server.url, pages: ['health'], dwell: 600 });
    const tile = page.locator('[data-service-id="ledger"]');
    // The widest each format makes: three digits and the unit.
    await expect(tile.locator('.tile-status')).toHaveText('DEGRADED');
    await expect(tile.locator('.sig-rps')).toHaveText(/^\d{3}k\/s$|^\d\.\dM\/s$/);
    await expect(tile.locator('.sig-err')).toHaveText(/^\d\d\.\d%$/);
    await expect(tile.locator('.sig-p99')).toHaveText(/^\d{3} ms$/);
    const [box] = await boxes(page, 'data-service-id');
    expect(box).toMatchObject({ cutText: [], isClipped: false, isClippedX: false });
  });
}

/** An SLO card's facts, each against its column and the chart beside it. */
function sloCardFit(page: Page, id: string) {
  return page.locator(`[data-slo-id="${id}"]`).evaluate((card) => {
    const chart = card.querySelector('.slo-chart')!.getBoundingClientRect();
    // The canvas ECharts last sized, in device pixels: a resize reallocates it.
    const canvas = card.querySelector<HTMLCanvasElement>('.chart-canvas canvas')!;
    const head = card.querySelector('.slo-head')!.getBoundingClientRect();
    const name = card.querySelector('.slo-name')!;
    const facts = [...card.children].filter((e) => !e.classList.contains('slo-chart') && !e.classList.contains('slo-head'));
    const explain = card.querySelector('.slo-explain')!;
    const lineHeight = parseFloat(getComputedStyle(explain).lineHeight);
    const lines = Number(getComputedStyle(explain).webkitLineClamp);
    return {
      nameLines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)),
      // Content wider than its column spills into the chart's.
      spilling: facts.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className} ${e.scrollWidth} > ${e.clientWidth}`),
      overChart: facts.filter((e) => e.getBoundingClientRect().right > chart.left + 1).map((e) => e.className),
      // Up to its clamp, the explanation shows whole lines: a squeezed row cuts the last in half.
      explainCut: explain.clientHeight < Math.min(explain.scrollHeight, lines * lineHeight) - 1,
      headOverChart: head.bottom > chart.top + 1,
      // The chart ends where the header's badge does, at the card's padding.
      chartEnd: Math.round(chart.right - head.right),
      canvas: { width: canvas.width, height: canvas.height },
    };
  });
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the widest figures and a two-line name fit an SLO card, whose chart keeps one size, at ${size.width}x${size.height}`, async ({ page, site }) => {
    await page.setViewportSize(size);
    const long = 'Payments Reconciliation Ledger Writer write availability';
    feed = await startScenarioFeed({
      name: 'wide SLO figures',
      services: [{ id: 'ledger', name: 'Ledger', team: 'payments', tier: 1 }],
      slos: [
        { id: 'overspent', service: 'ledger', name: long, objective: 0.99999, windowDays: 365.25 },
        { id: 'slow-burn', service: 'ledger', name: `${long} in the EU`, objective: 0.99995, windowDays: 28 },
        { id: 'short', service: 'ledger', name: 'Ledger reads', objective: 0.99, windowDays: 30 },
      ],
      steps: [
        { at: '0s', all: 'healthy' },
        // Every request failing at five nines: 100,000x in every window, and the budget overspent 99 times over.
        { at: '0s', ratios: { slo: 'overspent', '5m': 1, '30m': 1, '1h': 1, '2h': 1, '6h': 1, '1d': 1, '3d': 1, window: 0.0009999 } },
        { at: '0s', ratios: { slo: 'short', '5m': 0.03, '30m': 0.03, '1h': 0.03, '2h': 0.03, '6h': 0.03, '1d': 0.03, '3d': 0.03, window: 0.001 } },
        // 99.9% of the budget left, burning 1.003x over 1h: empty in 27 days and some hours.
        { at: '0s', ratios: { slo: 'slow-burn', '5m': 0.00005015, '30m': 0.00005015, '1h': 0.00005015, '2h': 0.00005015, '6h': 0.000722, '1d': 0.000722, '3d': 0.000722, window: 0.00000005 } },
      ],
    });
    for (const quiet of [false, true]) {
      // The budgets page's cards, then quiet mode's larger ones: all three burn.
      const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['budgets'], dwell: 600, quiet });
      await page.keyboard.press('Space');
      await expect(root).toHaveAttribute('data-paused', 'true');
      // The budgets page shows all three; quiet mode at the legible size one large card a screen.
      await expect(root).toHaveAttribute('data-subpage', quiet ? '1/3' : '1/1');
      const cards = [];
      for (const id of ['overspent', 'slow-burn', 'short']) {
        const card = page.locator(`[data-slo-id="${id}"]`);
        for (let step = 0; step < 3 && !(await card.isVisible()); step++) {
          const shown = (await root.getAttribute('data-subpage')) ?? '';
          await page.keyboard.press('ArrowRight');
          await expect(root).not.toHaveAttribute('data-subpage', shown);
        }
        await expect(card).toBeVisible();
        if (quiet) await expect(card).toHaveClass(/is-large/);
        if (id === 'overspent') {
          // The widest each format makes: four digits of percent, three of thousands.
          await expect(card.locator('.slo-number')).toHaveText('−9899%');
          await expect(card.locator('.slo-burns dd')).toHaveText(['100kx', '100kx', '100kx']);
          // An objective and window too long to follow "budget" (five nines over a year and a quarter day) show alone.
          await expect(card.locator('.legend-budget')).toHaveText('99.999%/365.25d');
        }
        if (id === 'slow-burn') {
          await expect(card.locator('.slo-number')).toHaveText('99.9%');
          await expect(card.locator('.slo-tte-value')).toHaveText(/^27d \d\dh$/);
          await expect(card.locator('.legend-budget')).toHaveText('budget 99.995%/28d');
        }
        // A chart that just turned to this SLO draws in the chart queue's next task.
        await expect(card.locator('.chart-canvas')).toHaveCSS('visibility', 'visible');
        cards.push(await sloCardFit(page, id));
        for (const box of await boxes(page, 'data-slo-id')) expect(box).toMatchObject({ cutText: [], isClipped: false, isClippedX: false });
      }
      // The widest figures, for a person to look at: the charts' axes keep to short labels too.
      if (!quiet) await shoot(page, 'budgets-widest-figures');
      expect(cards.map((c) => c.nameLines)).toEqual([2, 2, 1]);
      for (const card of cards) expect(card).toMatchObject({ spilling: [], overChart: [], explainCut: false, headOverChart: false, chartEnd: 0 });
      // The chart's canvas is one size whatever the name's lines and the objective: a turn to another SLO draws it in place.
      expect(new Set(cards.map((c) => JSON.stringify(c.canvas))).size).toBe(1);
      expect(cards[0]!.canvas.height).toBeGreaterThan(40);
    }
  });
}
