import { evaluateSlo } from '../shared/slo/evaluate';
import { quietModeSlos } from '../shared/slo/quietMode';
import { budgetHook } from '../shared/wall/format';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { burningShop, calmShop } from './support/scenarios';
import { openWall, shownValues, wallRoot } from './support/wall';

let feed: ScenarioFeed;
test.afterEach(async () => {
  await feed?.close();
});

test('quiet mode shows exactly the burning SLOs of the scenario, in the engine order, with their levels and budgets', async ({ page, site }) => {
  feed = await startScenarioFeed(burningShop());
  const evaluations = feed.snapshot().slos.map(evaluateSlo);
  const expected = quietModeSlos(evaluations);
  // The scenario pins two page-level burns, one ticket-level one and one spent budget.
  expect(expected.map((e) => e.level)).toEqual(['page', 'page', 'ticket', 'exhausted']);

  // Viewers at 1 m: the screen-relative size, so all four large cards share one screen
  // (at the default 3 m the legible size shows one per sub-page).
  const root = await openWall(page, site.url, { feed: feed.server.url, quiet: true, extra: { distance: '1' } });
  await expect(root).toHaveAttribute('data-page', 'quiet');
  await expect(root).toHaveAttribute('data-quiet', 'true');
  await expect(page.locator('[data-slo-id]')).toHaveCount(expected.length);
  expect(await shownValues(page, 'data-slo-id')).toEqual(expected.map((e) => e.sloId));
  expect(await shownValues(page, 'data-burning')).toEqual(expected.map((e) => e.level));
  expect(await shownValues(page, 'data-budget-remaining')).toEqual(expected.map((e) => budgetHook(e.budgetRemaining)));
  await expect(page.locator('[data-calm]')).toHaveCount(0);
});

test('the budgets page lists every SLO, the burning ones first in the engine order', async ({ page, site }) => {
  feed = await startScenarioFeed(burningShop());
  const burning = quietModeSlos(feed.snapshot().slos.map(evaluateSlo)).map((e) => e.sloId);
  // Viewers at 1 m: the screen-relative size, so all six cards share one screen.
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['budgets'], extra: { distance: '1' } });
  await expect(root).toHaveAttribute('data-page', 'budgets');
  await expect(page.locator('[data-slo-id]')).toHaveCount(6);
  const shown = await shownValues(page, 'data-slo-id');
  expect(shown.slice(0, burning.length)).toEqual(burning);
  expect((await shownValues(page, 'data-burning')).slice(burning.length)).toEqual(['none', 'none']);
});

test('with nothing burning, quiet mode is a calm screen with the time, the count and the last update', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 20 });
  await page.keyboard.press('q');
  await expect(root).toHaveAttribute('data-page', 'quiet');
  const calm = page.locator('[data-calm="true"]');
  await expect(calm).toContainText('all 6 budgets within SLO');
  await expect(calm.locator('.calm-clock')).toHaveText(/^\d\d:\d\d$/);
  await expect(calm.locator('.calm-updated')).toHaveText(/last message \d\d:\d\d:\d\d · seq \d+/);
  await expect(page.locator('[data-slo-id]')).toHaveCount(0);
});

test('quiet mode never hides that the feed is gone', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, quiet: true });
  await expect(page.locator('[data-calm="true"]')).toContainText('all 6 budgets within SLO');
  await feed.close();
  await expect(root).toHaveAttribute('data-connection', 'offline');
  await expect(root).toHaveAttribute('data-quiet', 'true');
  await expect(page.locator('.feed-banner')).toContainText('FEED OFFLINE since');
  await expect(page.locator('[data-calm="true"]')).toContainText('last known: all 6 budgets within SLO');
  await expect(wallRoot(page).locator('.status-bar')).toContainText('OFFLINE');
});
