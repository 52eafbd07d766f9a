import { expect, test } from './support/fixtures';
import { startLocalFeed } from '../scripts/faults/harness';
import type { LocalFeed } from '../scripts/faults/harness';
import { wallRoot, wallUrl } from './support/wall';

let feed: LocalFeed | null = null;
test.afterEach(async () => {
  await feed?.close();
  feed = null;
});

const HOUR = 3_600_000;

test('the diagnostics overlay (d) shows drops by reason, resyncs, reconnects, versions and the clock offset as faults happen', async ({ page, site }) => {
  // No heartbeats of its own while the test sends its faults: a v1 heartbeat
  // arriving between two checks would clear the foreign-version banner.
  feed = await startLocalFeed({ clock: () => Date.now() + HOUR, heartbeatMs: 600_000 });
  const port = feed.server.port;
  await page.goto(wallUrl(site.url, { feed: feed.server.url, pages: ['health'] }));
  const root = wallRoot(page);
  await expect(root).toHaveAttribute('data-connection', 'live');
  const panel = page.locator('[data-diagnostics]');
  await expect(panel).toHaveCount(0);
  await page.keyboard.press('d');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(feed.server.url);
  await expect(panel).toHaveAttribute('data-diag-dropped', '0');
  await expect(panel).toHaveAttribute('data-diag-reconnects', '0');
  await expect.poll(async () => Math.abs(Number(await panel.getAttribute('data-diag-offset-ms')) - HOUR)).toBeLessThan(5_000);
  await expect(panel).toContainText('feed 3600 s ahead of this wall');

  feed.server.emitRaw('feed:delta', { v: 1, seq: 'bad', at: Date.now() });
  await expect(panel).toHaveAttribute('data-diag-dropped', '1');
  await expect(panel.locator('[data-diag-reason="message: seq"]')).toHaveAttribute('data-count', '1');

  const broken = { ...feed.source.snapshot().services[0]!, id: 'broken', status: 'on-fire' };
  feed.server.emitRaw('feed:delta', { v: 1, seq: feed.server.seq, at: Date.now(), upsert: { services: [broken] } });
  await expect(panel).toHaveAttribute('data-diag-dropped-entities', '1');
  await expect(panel.locator('[data-diag-reason="service: status"]')).toHaveAttribute('data-count', '1');

  feed.server.emitRaw('feed:heartbeat', { v: 2, seq: 1, at: Date.now() });
  await expect(panel).toHaveAttribute('data-diag-unsupported', '1');
  await expect(page.locator('[data-protocol-banner="2"]')).toBeVisible();
  await expect(root).toHaveAttribute('data-protocol-unsupported', '2');

  feed.server.skipSeq(2);
  feed.source.push(feed.source.randomChange(Math.random));
  await expect(panel).toHaveAttribute('data-diag-resyncs', '1');
  await expect(page.locator('[data-protocol-banner]')).toHaveCount(0);
  await expect(panel).toHaveAttribute('data-diag-seq', String(feed.server.seq));

  // The feed goes away and comes back on the same address.
  await feed.close();
  await expect(root).toHaveAttribute('data-connection', 'offline');
  feed = await startLocalFeed({ port });
  await expect(root).toHaveAttribute('data-connection', 'live', { timeout: 15_000 });
  await expect(panel).toHaveAttribute('data-diag-reconnects', '1');
  await expect(root).toHaveAttribute('data-reconnects', '1');
  await expect.poll(async () => Math.abs(Number(await panel.getAttribute('data-diag-offset-ms')))).toBeLessThan(5_000);

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});
