import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { calmShop } from './support/scenarios';
import { pixelsOfColour, themeColour } from './support/canvas';
import { openWall, pauseOn, wallRoot } from './support/wall';

/*
 * No signal is its own state, and quiet mode proves the feed is alive.
 */

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

function scenarioFile(name: string): object {
  return parse(readFileSync(`feed/scenarios/${name}.yaml`, 'utf8')) as object;
}

/** Sends one SLO of the feed again, last computed `ageMs` ago on the feed's clock, as the feed's next delta. */
function sendOldSlo(f: ScenarioFeed, id: string, ageMs: number): void {
  const slo = { ...f.snapshot().slos.find((s) => s.id === id), updatedAt: f.clock() - ageMs };
  f.server.pause();
  f.server.emitRaw('feed:delta', { v: 1, seq: f.server.seq + 1, at: f.clock(), upsert: { slos: [slo] } });
  f.server.skipSeq(1);
  f.server.resume();
}

test('services and SLOs without a signal are grey with the reason on every page, never green or red, and counted apart in quiet mode', async ({ page, site }) => {
  feed = await startScenarioFeed(scenarioFile('no-signal'));
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 60 });

  await pauseOn(page, 'health');
  const ranking = page.locator('[data-service-id="ranking"]');
  await expect(ranking).toHaveAttribute('data-status', 'unknown');
  await expect(ranking).toHaveAttribute('data-signal', 'none');
  await expect(ranking).toHaveAttribute('data-signal-reason', 'status unknown');
  await expect(ranking).toContainText('NO SIGNAL');
  await expect(ranking).toHaveClass(/tone-nosignal/);
  await expect(ranking).not.toHaveClass(/is-alert/);
  await expect(page.locator('[data-service-id="checkout"]')).not.toHaveAttribute('data-signal', /.*/);

  await pauseOn(page, 'budgets');
  const exportSlo = page.locator('[data-slo-id="batch-export-availability"]');
  await expect(exportSlo).toHaveAttribute('data-signal', 'none');
  await expect(exportSlo).toHaveAttribute('data-signal-reason', 'no traffic');
  await expect(exportSlo).toHaveAttribute('data-burning', 'none');
  await expect(exportSlo).toContainText('NO SIGNAL');
  await expect(exportSlo).not.toContainText('WITHIN SLO');
  // Grey: the badge's colour is neither the colour of fine nor that of burning.
  const colour = (selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).color);
  const grey = await colour('[data-slo-id="batch-export-availability"] .badge');
  expect(grey).not.toBe(await colour('[data-slo-id="checkout-availability"] .badge'));
  const unknownColour = await themeColour(page, '--unknown');
  expect(grey).toBe(unknownColour);
  // Its chart too: the legend in grey, and no pixel of its canvas in the budget line's colour, which a card with a signal has.
  await expect.poll(() => colour('[data-slo-id="batch-export-availability"] .legend-budget')).toBe(unknownColour);
  await expect.poll(() => colour('[data-slo-id="batch-export-availability"] .legend-burn')).toBe(unknownColour);
  const budgetColour = await themeColour(page, '--chart-budget');
  const budgetLinePixels = (sloId: string) => pixelsOfColour(page, `[data-slo-id="${sloId}"] .chart-canvas`, budgetColour);
  await expect.poll(() => budgetLinePixels('checkout-availability')).toBeGreaterThan(20);
  expect(await budgetLinePixels('batch-export-availability')).toBe(0);

  // An SLO whose data is 7½ minutes old on the feed's clock: no data, whatever its ratios said.
  sendOldSlo(feed, 'cart-availability', 7.5 * 60_000);
  const cart = page.locator('[data-slo-id="cart-availability"]');
  await expect(cart).toHaveAttribute('data-signal-reason', 'no data for 7 min');
  await expect(cart).toContainText('no data for 7 min');
  await expect(root).toHaveAttribute('data-resyncs', '0');

  await page.keyboard.press('q');
  await expect(root).toHaveAttribute('data-page', 'quiet');
  const calm = page.locator('[data-calm="true"]');
  await expect(calm).toHaveAttribute('data-without-signal', '2');
  await expect(calm).toContainText('all 2 budgets within SLO, 2 without signal');
  await expect(calm.locator('[data-no-signal-slo-id]')).toHaveText([/no traffic|no data for 7 min/, /no traffic|no data for 7 min/]);
});

test('quiet mode proves the feed is alive; when the feed goes quiet the mark stops, seq and time stay, and the wall says stale', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop(), { heartbeatMs: 1_000 });
  const root = await openWall(page, site.url, { feed: feed.server.url, quiet: true, stale: 4 });
  const life = page.locator('[data-calm="true"] .calm-life');
  const track = life.locator('.life-track');
  await expect(life).toHaveAttribute('data-last-seq', (await root.getAttribute('data-seq')) ?? 'missing');

  // Heartbeats are messages: each one moves the mark a step.
  const beats = async () => Number(await life.getAttribute('data-heartbeat'));
  const first = await beats();
  const firstStep = await track.getAttribute('style');
  await expect.poll(beats, { timeout: 5_000 }).toBeGreaterThanOrEqual(first + 2);
  expect(await track.getAttribute('style')).not.toBe(firstStep);
  await expect(life.locator('.calm-updated')).toHaveText(/last message \d\d:\d\d:\d\d · seq \d+/);
  await expect(life).not.toHaveClass(/is-stopped/);

  feed.server.pause({ heartbeats: false });
  await expect(root).toHaveAttribute('data-connection', 'stale', { timeout: 8_000 });
  await expect(page.locator('.feed-banner')).toContainText(/FEED STALE/);
  await expect(life).toHaveClass(/is-stopped/);
  const stopped = { beats: await beats(), step: await track.getAttribute('style'), text: await life.locator('.calm-updated').textContent() };
  await page.waitForTimeout(2_500);
  expect({ beats: await beats(), step: await track.getAttribute('style'), text: await life.locator('.calm-updated').textContent() }).toEqual(stopped);
  await expect(page.locator('[data-calm="true"]')).toContainText('last known: all 6 budgets within SLO');

  feed.server.resume();
  await expect(root).toHaveAttribute('data-connection', 'live', { timeout: 5_000 });
  await expect.poll(beats, { timeout: 5_000 }).toBeGreaterThan(stopped.beats);
  await expect(wallRoot(page).locator('.feed-banner')).toHaveCount(0);
});
