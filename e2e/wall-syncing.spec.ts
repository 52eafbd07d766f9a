import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import { expect, test } from './support/fixtures';
import { exampleService } from '../shared/protocol/fixtures';
import { openWall } from './support/wall';

/**
 * A feed the test answers by hand: the second connection hears heartbeats
 * but no snapshot until the test sends one, as a feed does while it loads a
 * large state after a restart.
 */
async function handFeed() {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const service = (name: string) => exampleService({ name, updatedAt: Date.now() });
  io.on('connection', (socket) => {
    sockets.push(socket);
    if (sockets.length === 1) socket.emit('feed:snapshot', { v: 1, seq: 1, at: Date.now(), services: [service('Checkout before')], slos: [], incidents: [] });
    timers.push(setInterval(() => socket.emit('feed:heartbeat', { v: 1, seq: 1, at: Date.now() }), 300));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    sockets,
    service,
    close: async () => {
      timers.forEach(clearInterval);
      await io.close();
    },
  };
}

test('after a reconnect the wall says SYNCING, not LIVE, until the new connection’s snapshot replaces what it shows', async ({ page, site }) => {
  const feed = await handFeed();
  try {
    const root = await openWall(page, site.url, { feed: feed.url, pages: ['health'], extra: { distance: '1' } });
    await expect(page.locator('[data-service-id="checkout"]')).toContainText('Checkout before');

    // The feed hangs up; the wall comes back on its own, and hears only heartbeats.
    feed.sockets[0]!.disconnect(true);
    await expect.poll(() => feed.sockets.length, { timeout: 10_000 }).toBe(2);
    await expect(root).toHaveAttribute('data-connection', 'syncing');
    await expect(page.locator('.feed-banner')).toContainText('SYNCING WITH FEED');
    await expect(page.locator('.feed-banner')).toContainText('data below is not live');
    await expect(page.locator('.connection-badge')).toContainText('SYNCING');
    await expect(root).toHaveClass(/is-not-live/);
    // Heartbeats keep it connected and heard from, never live.
    await page.waitForTimeout(1_500);
    await expect(root).toHaveAttribute('data-connection', 'syncing');
    // What it showed stays on screen, marked as not live.
    await expect(page.locator('[data-service-id="checkout"]')).toContainText('Checkout before');

    feed.sockets[1]!.emit('feed:snapshot', { v: 1, seq: 1, at: Date.now(), services: [feed.service('Checkout after')], slos: [], incidents: [] });
    await expect(root).toHaveAttribute('data-connection', 'live');
    await expect(page.locator('.feed-banner')).toHaveCount(0);
    await expect(page.locator('[data-service-id="checkout"]')).toContainText('Checkout after');
  } finally {
    await feed.close();
  }
});
