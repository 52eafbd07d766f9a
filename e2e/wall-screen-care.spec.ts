import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { burningShop, busyShop, calmShop } from './support/scenarios';
import { openWall } from './support/wall';

/*
 * Screen care against the reference feed, with the page's clock fixed
 * (page.clock.setFixedTime: Date stands still, timers keep running) so the
 * test chooses the wall-clock time: the chrome's orbit step and the night
 * window both follow it.
 */

test.use({ timezoneId: 'UTC' });

const NOON = Date.parse('2026-11-27T12:00:00Z');
const NIGHT = Date.parse('2026-11-27T23:30:00Z');
const STEP_MS = 180_000;

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

test('the header, strip and status bar move one orbit step every three minutes', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  await page.clock.setFixedTime(NOON);
  const root = await openWall(page, site.url, { feed: feed.server.url });
  const step = Math.floor(NOON / STEP_MS) % 8;
  await expect(root).toHaveAttribute('data-orbit', String(step));
  // The shift is the chrome's own transform, so a banner that pushes the layout cannot blur it.
  const offsets = () =>
    page.locator('.page-header, .change-strip, .status-bar').evaluateAll((elements) =>
      elements.map((e) => {
        const m = new DOMMatrixReadOnly(getComputedStyle(e).transform);
        return [m.e, m.f] as [number, number];
      }),
    );
  const before = await offsets();
  expect(before.length).toBeGreaterThanOrEqual(2);

  await page.clock.setFixedTime(NOON + STEP_MS);
  await expect(root).toHaveAttribute('data-orbit', String((step + 1) % 8));
  const after = await offsets();
  // One step moves 2 px along one axis, the same for all static chrome.
  for (const [i, [x, y]] of after.entries()) {
    const [x0, y0] = before[i] ?? [Number.NaN, Number.NaN];
    expect(Math.abs(x - x0) + Math.abs(y - y0)).toBeCloseTo(2, 5);
    expect([x, y]).toEqual(after[0]);
  }
});

test('the night window dims the calm screen, and only at night', async ({ page, site }) => {
  feed = await startScenarioFeed(calmShop());
  await page.clock.setFixedTime(NIGHT);
  const root = await openWall(page, site.url, { feed: feed.server.url, quiet: true, extra: { night: '22:00-07:00' } });
  await expect(page.locator('[data-calm="true"]')).toBeVisible();
  await expect(root).toHaveAttribute('data-dimmed', 'true');
  expect(await root.evaluate((e) => getComputedStyle(e).filter)).toContain('brightness');

  await page.clock.setFixedTime(NOON);
  await expect(root).toHaveAttribute('data-dimmed', 'false');
});

test('the night window never dims while something burns or an incident is open', async ({ page, site }) => {
  await page.clock.setFixedTime(NIGHT);
  feed = await startScenarioFeed(burningShop());
  const root = await openWall(page, site.url, { feed: feed.server.url, quiet: true, extra: { night: '22:00-07:00' } });
  await expect(page.locator('[data-burning="page"]').first()).toBeVisible();
  await expect(root).toHaveAttribute('data-dimmed', 'false');
  await feed.close();

  // Nothing burns, but a sev3 is open: the calm screen shows, bright.
  feed = await startScenarioFeed(busyShop());
  await openWall(page, site.url, { feed: feed.server.url, quiet: true, extra: { night: '22:00-07:00' } });
  await expect(page.locator('[data-calm="true"]')).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(root).toHaveAttribute('data-dimmed', 'false');
});
