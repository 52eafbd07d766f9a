import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { calmShop } from './support/scenarios';
import { openWall, shownValues } from './support/wall';

let feed: ScenarioFeed;
test.afterEach(async () => {
  await feed?.close();
});

/** The calm shop with one SLO burning: its ratios move, so deltas flow every tick. */
function movingShop(): object {
  const shop = calmShop() as { steps: object[] };
  return { ...shop, steps: [...shop.steps, { at: '0s', burn: { slo: 'checkout-availability', rate: 20 } }] };
}

test('a seq gap makes the wall ask for a resync and end up with the feed state', async ({ page, site }) => {
  feed = await startScenarioFeed(movingShop(), { speed: 10, tickMs: 200 });
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['health'] });
  await expect(root).toHaveAttribute('data-resyncs', '0');
  await expect.poll(async () => Number(await root.getAttribute('data-seq'))).toBeGreaterThan(0);

  feed.server.skipSeq(3);
  await expect(root).toHaveAttribute('data-resyncs', '1');
  await expect.poll(() => feed.log.filter((line) => line.startsWith('resync')).length).toBe(1);
  // Back in step: the wall's seq follows the feed's again.
  await expect.poll(async () => Number(await root.getAttribute('data-seq')) >= feed.server.seq - 1).toBe(true);
  await expect(root).toHaveAttribute('data-connection', 'live');
  expect((await shownValues(page, 'data-service-id')).sort()).toEqual(feed.snapshot().services.map((s) => s.id).sort());
});

test('malformed messages are dropped and counted while the wall keeps working', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop(), { heartbeatMs: 1_000 });
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 2 });
  await expect(page.locator('.status-bar .dropped')).toHaveCount(0);

  feed.server.emitRaw('feed:delta', { v: 1, seq: 'malformed', at: Date.now() });
  feed.server.emitRaw('feed:snapshot', 'not an object');
  feed.server.emitRaw('feed:delta', { v: 2, seq: feed.server.seq + 1, at: Date.now() });
  await expect(root).toHaveAttribute('data-dropped', '3');
  await expect(page.locator('.status-bar .dropped')).toContainText('3 dropped');

  // Still live, still rotating, nothing resynced or lost.
  await expect(root).toHaveAttribute('data-connection', 'live');
  await expect(root).toHaveAttribute('data-resyncs', '0');
  const before = await root.getAttribute('data-page');
  await expect(root).not.toHaveAttribute('data-page', before ?? '', { timeout: 5_000 });
  await expect(page.locator('[data-service-id], [data-slo-id]').first()).toBeVisible();
});

test('an invalid entity is dropped alone and counted; the rest of its message applies', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['health'] });
  const cart = { ...feed.snapshot().services.find((s) => s.id === 'cart'), status: 'down', updatedAt: feed.clock() };
  const broken = { id: 'broken', name: 'Broken', status: 'on-fire', updatedAt: feed.clock() };
  feed.server.pause();
  feed.server.emitRaw('feed:delta', { v: 1, seq: feed.server.seq + 1, at: feed.clock(), upsert: { services: [broken, cart] } });
  feed.server.skipSeq(1);
  feed.server.resume();
  await expect(page.locator('[data-service-id="cart"]')).toHaveAttribute('data-status', 'down');
  await expect(root).toHaveAttribute('data-dropped-entities', '1');
  await expect(root).toHaveAttribute('data-dropped', '0');
  await expect(page.locator('[data-service-id="broken"]')).toHaveCount(0);
  await expect(page.locator('.status-bar .dropped')).toContainText('1 dropped');
});
