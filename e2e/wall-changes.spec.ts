import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './support/fixtures';
import { startScenarioFeed } from './support/feed';
import type { ScenarioFeed } from './support/feed';
import { openWall, pauseOn, wallRoot, wallUrl } from './support/wall';

/*
 * The what-changed strip, the incident banners and the chime, played from
 * feed/scenarios/what-changed.yaml: the story starts 60 s in and ends at
 * 120 s of scenario time.
 */

let feed: ScenarioFeed | undefined;
test.afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

// Six scenario seconds per real second: the story runs from 10 s to 20 s,
// leaving a loaded machine time to connect before it starts, and its steps
// arrive well apart.
const SPEED = 6;

function story(): object {
  return parse(readFileSync('feed/scenarios/what-changed.yaml', 'utf8')) as object;
}

/** The strip's changes oldest first, as `kind entity to`. */
async function stripChanges(page: Page): Promise<string[]> {
  const items = await page.locator('.change-strip [data-change-kind]').evaluateAll((elements) =>
    elements.map((e) => [e.getAttribute('data-change-kind'), e.getAttribute('data-change-entity-id'), e.getAttribute('data-change-to'), e.getAttribute('data-change-at')]),
  );
  // Newest first in the document (it is laid out right to left).
  const oldestFirst = items.reverse();
  const times = oldestFirst.map((i) => Number(i[3]));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  return oldestFirst.map((i) => i.slice(0, 3).join(' '));
}

test('the strip lists the story’s transitions in order with their times, on every page and on the calm screen', async ({ page, site }) => {
  feed = await startScenarioFeed(story(), { speed: SPEED, tickMs: 200 });
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 60 });
  const strip = page.locator('.change-strip');
  await expect(strip).toHaveAttribute('data-changes', '0');
  await expect(strip).toContainText('no changes');

  await expect(strip).toHaveAttribute('data-changes', '9', { timeout: 25_000 });
  const changes = await stripChanges(page);
  const of = (id: string) => changes.filter((c) => c.split(' ')[1] === id);
  expect(of('checkout-availability')).toEqual(['slo-burning checkout-availability page', 'slo-calm checkout-availability none']);
  expect(of('checkout')).toEqual(['service-down checkout down', 'service-recovered checkout ok']);
  expect(of('inc-7')).toEqual(['incident-opened inc-7 triggered', 'incident-status inc-7 identified', 'incident-resolved inc-7 resolved']);
  expect(of('inc-8')).toEqual(['incident-opened inc-8 triggered', 'incident-resolved inc-8 resolved']);
  // The page and the sev1 came before the sev2; the recoveries and resolutions after it.
  expect(changes.indexOf('incident-opened inc-8 triggered')).toBeGreaterThan(changes.indexOf('incident-status inc-7 identified'));
  expect(changes.indexOf('slo-calm checkout-availability none')).toBeGreaterThan(changes.indexOf('incident-opened inc-8 triggered'));

  // The newest is on screen, whole, with its time.
  const newest = strip.locator('[data-change-entity-id="inc-8"][data-change-kind="incident-resolved"]');
  await expect(newest).toContainText(/\d\d:\d\d\s*RESOLVED\s*Cart slow to load/);
  const box = (await strip.boundingBox())!;
  const item = (await newest.boundingBox())!;
  expect(item.y).toBeGreaterThanOrEqual(box.y - 1);
  expect(item.y + item.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(item.x + item.width).toBeLessThanOrEqual(box.x + box.width + 1);

  for (const target of ['health', 'budgets', 'incidents']) {
    await pauseOn(page, target);
    await expect(page.locator('.change-strip')).toHaveAttribute('data-changes', '9');
  }
  await page.keyboard.press('q');
  await expect(root).toHaveAttribute('data-page', 'quiet');
  await expect(page.locator('[data-calm="true"]')).toBeVisible();
  await expect(page.locator('.change-strip')).toHaveAttribute('data-changes', '9');
});

test('one banner per open sev1/sev2 incident, each clearing itself when its incident resolves', async ({ page, site }) => {
  // Slower: the two incidents are open together for 20 scenario seconds, and a loaded machine must not miss it.
  test.setTimeout(120_000);
  feed = await startScenarioFeed(story(), { speed: 3, tickMs: 200 });
  await openWall(page, site.url, { feed: feed.server.url, dwell: 60, pages: ['health'] });
  const banners = page.locator('[data-banner-incident-id]');
  await expect(banners).toHaveCount(0);

  await expect(banners).toHaveCount(1, { timeout: 40_000 });
  await expect(banners.first()).toHaveAttribute('data-banner-incident-id', 'inc-7');
  await expect(banners.first()).toContainText('SEV1');
  await expect(banners.first()).toContainText('Checkout failing for card payments');
  await expect(banners.first()).toContainText('IDENTIFIED', { timeout: 15_000 });
  // The status change updates the one banner; it does not add another.
  await expect(banners).toHaveCount(1);

  await expect(banners).toHaveCount(2, { timeout: 15_000 });
  expect(await banners.evaluateAll((els) => els.map((e) => e.getAttribute('data-banner-incident-id')))).toEqual(['inc-7', 'inc-8']);

  await expect(page.locator('[data-banner-incident-id="inc-7"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(banners).toHaveCount(1);
  await expect(page.locator('[data-banner-incident-id="inc-8"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.incident-banners')).toHaveCount(0);
});

test('the chime sounds once for the story’s events, rate-limited, and not at all when it is off', async ({ page, site }) => {
  feed = await startScenarioFeed(story(), { speed: SPEED, tickMs: 200 });
  await page.goto(wallUrl(site.url, { feed: feed.server.url, dwell: 60, pages: ['health'] }).replace('?', '?chime=1&'));
  const root = wallRoot(page);
  await expect(root).toHaveAttribute('data-connection', 'live');
  // The page-level SLO (60 s) chimes; the sev1 10 s later is within the minute: silenced, not queued.
  await expect(root).toHaveAttribute('data-chimes', '1', { timeout: 20_000 });
  // The story's last change: everything after the chime has been judged too.
  await expect(page.locator('[data-change-entity-id="inc-8"][data-change-kind="incident-resolved"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(root).toHaveAttribute('data-chimes', '1');
  // Both events were judged (unless a slow start let the wall join after the first): one played, the other silenced.
  expect(Number(await root.getAttribute('data-chimes-silenced'))).toBeLessThanOrEqual(1);
  const worthy = await page.locator('[data-change-kind="slo-burning"][data-change-to="page"]').count();
  expect(Number(await root.getAttribute('data-chimes-silenced'))).toBe(worthy);
});

test('with the chime off (the default) nothing sounds, and the events are counted as silenced', async ({ page, site }) => {
  feed = await startScenarioFeed(story(), { speed: SPEED, tickMs: 200 });
  const root = await openWall(page, site.url, { feed: feed.server.url, dwell: 60, pages: ['health'] });
  await expect(page.locator('.change-strip')).toHaveAttribute('data-changes', '9', { timeout: 25_000 });
  await expect(root).toHaveAttribute('data-chimes-silenced', '2');
  await expect(root).toHaveAttribute('data-chimes', '0');
});
