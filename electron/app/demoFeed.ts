import { startFeedServer } from '../../feed/server';
import { createSimulatorSource } from '../../feed/simulator/simulatorSource';
import type { FeedTarget } from '../config/wallSettings';
import type { Log } from '../log';
import { APP_HOST, APP_SCHEME } from '../security/guards';

/**
 * The embedded demo feed: the seeded simulator, in this process, on a
 * loopback port nobody else can reach. The wall marks it DEMO DATA. CORS
 * admits only our app:// origin, for socket.io's polling fallback.
 */
export async function startDemoFeed(log: Log): Promise<FeedTarget & { close(): Promise<void> }> {
  const source = createSimulatorSource({ seed: 1 });
  const server = await startFeedServer({
    source,
    host: '127.0.0.1',
    port: 0,
    cors: { origin: `${APP_SCHEME}://${APP_HOST}` },
    log: (line) => log.info(`demo feed: ${line}`),
  });
  return { url: server.url, isDemo: true, close: () => server.close() };
}
