import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { badDay, calmShop, company } from './support/scenarios';
import { shoot } from './support/screenshots';
import { openWall, pauseOn, wallRoot } from './support/wall';

/*
 * Screenshots of every page and of quiet mode (burning and calm) at the two
 * sizes the issue names, plus a 4K TV, saved under artifacts/screenshots/
 * for a person to look at. Each also checks that the shot shows what it
 * claims.
 */

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 3840, height: 2160 },
];

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});


for (const size of SIZES) {
  test(`pages and burning quiet mode at ${size.width}x${size.height}`, async ({ page, site }) => {
    await page.setViewportSize(size);
    // Twenty times real time: the charts gather two minutes of history while
    // the test waits, and the incident resolved at the start is still shown.
    feed = await startScenarioFeed(badDay(), { speed: 20, tickMs: 250 });
    // Viewed from 1 m each page fits one screen, so the down service is on the one shown.
    const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 20, demo: true, extra: { distance: '1' } });
    await page.waitForTimeout(6_000);

    await pauseOn(page, 'health');
    await expect(page.locator('[data-status="down"]').first()).toBeVisible();
    await shoot(page, 'health');

    await pauseOn(page, 'budgets');
    await expect(page.locator('[data-burning="page"]').first()).toBeVisible();
    await shoot(page, 'budgets');

    await pauseOn(page, 'incidents');
    await expect(page.locator('[data-severity="sev1"]').first()).toBeVisible();
    await shoot(page, 'incidents');

    await page.keyboard.press('q');
    await expect(root).toHaveAttribute('data-page', 'quiet');
    await expect(page.locator('[data-slo-id]').first()).toBeVisible();
    await shoot(page, 'quiet-burning');

    await page.keyboard.press('q');
    await page.keyboard.press('h');
    await shoot(page, 'help');
    await page.keyboard.press('Escape');

    await feed.close();
    feed = undefined;
    await expect(root).toHaveAttribute('data-connection', 'offline');
    await shoot(page, 'offline');
  });

  test(`calm quiet mode and the light theme at ${size.width}x${size.height}`, async ({ page, site }) => {
    await page.setViewportSize(size);
    feed = await startScenarioFeed(calmShop());
    await openWall(page, site.url, { feed: feed.server.url, quiet: true });
    await expect(page.locator('[data-calm="true"]')).toContainText('all 6 budgets within SLO');
    await shoot(page, 'quiet-calm');

    await page.goto(page.url().replace('quiet=1', 'theme=light'));
    await expect(wallRoot(page)).toHaveAttribute('data-connection', 'live');
    await pauseOn(page, 'budgets');
    await shoot(page, 'budgets-light');
  });
}

test('the first of several health sub-pages of 300 services at 1920x1080', async ({ page, site }) => {
  feed = await startScenarioFeed(company(300));
  const root = await openWall(page, site.url, { feed: feed.server.url, pages: ['health'], dwell: 600 });
  await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-subpage', /^1\/\d+$/);
  await shoot(page, 'health-300-services');
});
