import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { calmShop, company } from './support/scenarios';
import { openWall, shownValues, wallRoot, wallUrl } from './support/wall';

const feeds: ScenarioFeed[] = [];
async function feed(...args: Parameters<typeof startScenarioFeed>): Promise<ScenarioFeed> {
  const started = await startScenarioFeed(...args);
  feeds.push(started);
  return started;
}
test.afterEach(async () => {
  await Promise.all(feeds.splice(0).map((f) => f.close()));
});

async function shownStatuses(page: Page): Promise<Map<string, string>> {
  const ids = await shownValues(page, 'data-service-id');
  const statuses = await shownValues(page, 'data-status');
  return new Map(ids.map((id, i) => [id, statuses[i] ?? '']));
}

test('a feed that stops turns the wall offline within 5 s; restarted on its port, the wall is live with exactly its state', async ({ page, site }) => {
  const first = await feed(calmShop());
  // Viewed from 1 m, every service of both companies fits one screen.
  const root = await openWall(page, site.url, { feed: first.server.url, pages: ['health'], extra: { distance: '1' } });
  expect([...(await shownStatuses(page)).keys()].sort()).toEqual(first.snapshot().services.map((s) => s.id).sort());

  const port = first.server.port;
  const stoppedAt = Date.now();
  await first.close();
  await expect(root).toHaveAttribute('data-connection', 'offline', { timeout: 5_000 });
  expect(Date.now() - stoppedAt).toBeLessThan(5_000);
  await expect(page.locator('.feed-banner')).toContainText(/FEED OFFLINE since \d\d:\d\d/);
  await expect(root).toHaveClass(/is-not-live/);

  // Another state behind the same address: a different company.
  const second = await feed(company(12, 3), { port });
  await expect(root).toHaveAttribute('data-connection', 'live', { timeout: 15_000 });
  await expect(page.locator('.feed-banner')).toHaveCount(0);
  const expected = new Map(second.snapshot().services.map((s) => [s.id, s.status]));
  await expect.poll(async () => [...(await shownStatuses(page)).entries()].sort()).toEqual([...expected.entries()].sort());
});

test('a feed that goes silent with its socket open turns the wall stale, and live again when it speaks', async ({ page, site }) => {
  const silent = await feed(calmShop(), { heartbeatMs: 1_000 });
  const root = await openWall(page, site.url, { feed: silent.server.url, stale: 3 });
  await page.waitForTimeout(2_000);
  await expect(root).toHaveAttribute('data-connection', 'live');
  silent.server.pause({ heartbeats: false });
  await expect(root).toHaveAttribute('data-connection', 'stale', { timeout: 5_000 });
  await expect(page.locator('.feed-banner')).toContainText(/FEED STALE — last update \d\d:\d\d:\d\d/);
  await expect(root).toHaveClass(/is-not-live/);
  silent.server.resume();
  await expect(root).toHaveAttribute('data-connection', 'live', { timeout: 5_000 });
});

test('a feed that refuses the token shows as refused and is not retried; the right token gets in', async ({ page, site }) => {
  const guarded = await feed(calmShop(), { token: 's3cret' });
  await page.goto(wallUrl(site.url, { feed: guarded.server.url, token: 'wrong' }));
  const root = wallRoot(page);
  await expect(root).toHaveAttribute('data-connection', 'refused');
  await expect(page.locator('.feed-banner')).toContainText('FEED REFUSED THE TOKEN');
  await page.waitForTimeout(4_000);
  expect(guarded.log.filter((line) => line.startsWith('refused')).length).toBe(1);
  await expect(root).toHaveAttribute('data-connection', 'refused');

  await page.goto('about:blank');
  await openWall(page, site.url, { feed: guarded.server.url, token: 's3cret' });
  expect(guarded.server.clientCount).toBe(1);
});

test('freshness is judged on the feed clock: a feed hours behind is current, an entity not updated for 10 minutes is stale', async ({ page, site }) => {
  const behind = await feed(calmShop(), { startAt: Date.now() - 3 * 3_600_000 });
  await openWall(page, site.url, { feed: behind.server.url, pages: ['health'] });
  expect(new Set(await shownValues(page, 'data-stale'))).toEqual(new Set(['false']));

  // One service last measured ten minutes ago on the feed's clock, sent as
  // the next delta of the feed's own sequence.
  const old = { ...behind.snapshot().services.find((s) => s.id === 'cart'), updatedAt: behind.clock() - 10 * 60_000 };
  behind.server.pause();
  behind.server.emitRaw('feed:delta', { v: 1, seq: behind.server.seq + 1, at: behind.clock(), upsert: { services: [old] } });
  behind.server.skipSeq(1);
  behind.server.resume();
  const cart = page.locator('[data-service-id="cart"]');
  await expect(cart).toHaveAttribute('data-stale', 'true');
  // The page judges age in 5 s steps: ten minutes ago may read as nine whole minutes.
  await expect(cart).toContainText(/NO SIGNAL.*no data for (9|10) min/);
  await expect(cart).toHaveAttribute('data-signal', 'none');
  await expect(page.locator('[data-service-id="auth"]')).toHaveAttribute('data-stale', 'false');
  await expect(wallRoot(page)).toHaveAttribute('data-resyncs', '0');
});
