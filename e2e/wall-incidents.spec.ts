import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { outageStory } from './support/scenarios';
import { openWall } from './support/wall';

let feed: ScenarioFeed;
test.afterEach(async () => {
  await feed?.close();
});

// Thirty scenario seconds per real second: the sev1 opens 5 s in, resolves
// 6 s in, and its five minutes as "recently resolved" end 16 s in.
const SPEED = 30;

test('a sev1 that opens takes over the rotation; when it resolves it is marked resolved, then leaves', async ({ page, site }) => {
  feed = await startScenarioFeed(outageStory(), { speed: SPEED, tickMs: 200 });
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 20 });
  await expect(root).toHaveAttribute('data-page', 'health');
  await expect(page.locator('.status-bar .no-incidents')).toBeVisible();

  const incident = page.locator('[data-incident-id="inc-checkout"]');
  await expect(incident).toBeVisible({ timeout: 10_000 });
  // With a 20 s dwell only the interrupt can have brought the incidents page this soon.
  await expect(root).toHaveAttribute('data-page', 'incidents');
  await expect(incident).toHaveAttribute('data-severity', 'sev1');
  await expect(incident).toContainText('Checkout failing for card payments');
  await expect(page.locator('.status-bar .active-incidents')).toContainText('1 active incident');

  await expect(incident).toHaveAttribute('data-incident-status', 'resolved', { timeout: 10_000 });
  await expect(incident).toContainText('RESOLVED');
  await expect(page.locator('.status-bar .no-incidents')).toBeVisible();

  // Once its retention is over it is gone, and the empty page gives way
  // before the hold of one dwell would have ended.
  await expect(incident).toHaveCount(0, { timeout: 15_000 });
  await expect(root).not.toHaveAttribute('data-page', 'incidents');
});

test('the takeover holds the incidents page for its urgent dwell, then the rotation goes on', async ({ page, site }) => {
  feed = await startScenarioFeed(outageStory(), { speed: 30, tickMs: 200 });
  // The urgent dwell of the incidents page (default twice the dwell) set to 5 s.
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 5, pages: ['health', 'budgets', 'incidents'], extra: { urgentDwell: 'incidents:5' } });
  await expect(root).toHaveAttribute('data-page', 'incidents', { timeout: 10_000 });
  const since = Date.now();
  await expect(root).not.toHaveAttribute('data-page', 'incidents', { timeout: 8_000 });
  const held = Date.now() - since;
  expect(held).toBeGreaterThan(4_000);
  expect(held).toBeLessThan(6_500);
});

test('a sev3 that opens appears without taking over the rotation', async ({ page, site }) => {
  const story = outageStory() as { steps: Array<{ incident?: { severity?: string } }> };
  for (const step of story.steps) if (step.incident?.severity) step.incident.severity = 'sev3';
  feed = await startScenarioFeed(story, { speed: SPEED, tickMs: 200 });
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 30 });
  await expect(page.locator('.status-bar .active-incidents')).toContainText('1 active incident', { timeout: 10_000 });
  await page.waitForTimeout(1_500);
  await expect(root).toHaveAttribute('data-page', 'health');
});
