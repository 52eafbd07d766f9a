import { evaluateSlo } from '../shared/slo/evaluate';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { openWall, shownValues, wallRoot } from './support/wall';

/*
 * Rotation by importance with hysteresis, against the reference feed: an
 * SLO that flaps between page and calm every 1.5 s must not move the wall
 * (quiet mode, urgency, page order), while one that burns steadily does,
 * once it has held its level for `hold` seconds (8 s here).
 */

const HOLD_S = 8;
const FLAP_FROM_S = 20;
const STEADY_FROM_S = 22;
const short = (ratio: number) => ({ '5m': ratio, '30m': ratio, '1h': ratio, '2h': ratio, '6h': ratio, '1d': ratio, '3d': ratio, window: 0.0002 });

function flapAndBurn(): object {
  const flaps: Array<{ at: string; ratios: object }> = [];
  for (let at = FLAP_FROM_S; at < 75; at += 3) {
    flaps.push({ at: `${at}s`, ratios: { slo: 'search-api-availability', ...short(0.03) } });
    flaps.push({ at: `${at + 1.5}s`, ratios: { slo: 'search-api-availability', ...short(0.0001) } });
  }
  return {
    name: 'flap and burn',
    services: [
      { id: 'search-api', name: 'Search API', team: 'search', tier: 1 },
      { id: 'checkout', name: 'Checkout', team: 'payments', tier: 1 },
    ],
    slos: [
      { id: 'search-api-availability', service: 'search-api', objective: 0.999, windowDays: 30 },
      { id: 'checkout-availability', service: 'checkout', objective: 0.999, windowDays: 30 },
    ],
    steps: [
      { at: '0s', all: 'healthy' },
      { at: '0s', ratios: { slo: 'search-api-availability', ...short(0.0001) } },
      { at: '0s', ratios: { slo: 'checkout-availability', ...short(0.0001) } },
      // Steps in time order, as the scenario format asks.
      ...[...flaps, { at: `${STEADY_FROM_S}s`, ratios: { slo: 'checkout-availability', ...short(0.03) } }].sort((a, b) => parseFloat(a.at) - parseFloat(b.at)),
    ],
  };
}

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

/** The feed-side level of an SLO now, to prove the flap really happens. */
function feedLevel(id: string): string {
  const slo = feed?.snapshot().slos.find((s) => s.id === id);
  return slo ? evaluateSlo(slo).level : 'gone';
}

test('a flapping SLO never enters quiet mode; a sustained burn does once it held page level for the hold time', async ({ page, site }) => {
  test.setTimeout(150_000);
  const started = Date.now();
  feed = await startScenarioFeed(flapAndBurn(), { tickMs: 250 });
  await openWall(page, site.url, { feed: feed.server.url, quiet: true, extra: { hold: String(HOLD_S) } });
  // The wall takes a level it sees first at once; it must first see the flapping SLO calm.
  expect(Date.now() - started, 'the wall connected before the flapping began').toBeLessThan(FLAP_FROM_S * 1_000 - 500);

  const feedLevels = new Set<string>();
  let steadySeenAt: number | null = null;
  while (Date.now() - started < (STEADY_FROM_S + HOLD_S + 8) * 1_000) {
    feedLevels.add(feedLevel('search-api-availability'));
    const shown = await shownValues(page, 'data-slo-id');
    expect(shown, 'the flapping SLO stays out of quiet mode').not.toContain('search-api-availability');
    if (steadySeenAt === null && shown.includes('checkout-availability')) steadySeenAt = Date.now() - started;
    await page.waitForTimeout(200);
  }
  expect([...feedLevels].sort(), 'the feed really flapped between page and none').toEqual(['none', 'page']);
  expect(steadySeenAt, 'the sustained burn reached quiet mode').not.toBeNull();
  // Burning from 22 s, held for 8 s: not before 30 s (a second of slack for the feed's tick and the wall's).
  expect(steadySeenAt as number).toBeGreaterThanOrEqual((STEADY_FROM_S + HOLD_S - 1) * 1_000);
  expect(steadySeenAt as number).toBeLessThanOrEqual((STEADY_FROM_S + HOLD_S + 4) * 1_000);
  // The card itself shows the true level.
  await expect(page.locator('[data-slo-id="checkout-availability"]')).toHaveAttribute('data-burning', 'page');
});

test('the rotation ignores the flap, then puts the burning budgets page next and keeps it twice as long', async ({ page, site }) => {
  test.setTimeout(150_000);
  const started = Date.now();
  feed = await startScenarioFeed(flapAndBurn(), { tickMs: 250 });
  await openWall(page, site.url, { feed: feed.server.url, pages: ['health', 'budgets'], dwell: 3, extra: { hold: String(HOLD_S) } });
  expect(Date.now() - started, 'the wall connected before the flapping began').toBeLessThan(FLAP_FROM_S * 1_000 - 500);
  const root = wallRoot(page);

  // Flapping alone (from 20 s, and from 22 s until the steady burn has held): nothing is urgent.
  while (Date.now() - started < (STEADY_FROM_S + HOLD_S - 1) * 1_000) {
    await expect(root).toHaveAttribute('data-urgent', '');
    await page.waitForTimeout(250);
  }
  await expect(root).toHaveAttribute('data-urgent', 'budgets', { timeout: 6_000 });
  // The budgets page now shows for its urgent dwell (6 s), health for the plain one (3 s).
  const spans: Array<{ page: string; ms: number }> = [];
  let current = await root.getAttribute('data-page');
  let since = Date.now();
  while (spans.length < 4) {
    await page.waitForTimeout(100);
    const now = await root.getAttribute('data-page');
    if (now !== current) {
      spans.push({ page: current ?? '', ms: Date.now() - since });
      current = now;
      since = Date.now();
    }
  }
  // The first span may be cut short by when the loop began; the full ones tell the dwell.
  const full = spans.slice(1);
  for (const span of full) {
    if (span.page === 'budgets') expect(span.ms).toBeGreaterThanOrEqual(5_500);
    if (span.page === 'health') expect(span.ms).toBeLessThan(4_500);
  }
  expect(full.some((s) => s.page === 'budgets')).toBe(true);
});
