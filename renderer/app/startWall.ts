import type { WallBridge, WallCommand, WallSettings, WallStatus } from '../../shared/bridge/wallBridge';
import { currentView } from '../../shared/wall/rotation';
import type { WallStore } from '../store/store';
import { connectFeed } from '../transport/feedSocket';
import type { FeedConnection } from '../transport/feedSocket';
import type { FlushScheduler } from '../transport/ingest';

// Four ticks a second: the rotation and the freshness judgement move on
// time, while the store only wakes its clock subscribers once a second.
const TICK_MS = 250;

function runCommand(store: WallStore, command: WallCommand): void {
  const s = store.getState();
  const now = Date.now();
  switch (command) {
    case 'toggle-quiet':
      return s.toggleQuiet(now);
    case 'toggle-pause':
      return s.togglePause(now);
    case 'next-page':
      return s.step(1, now);
    case 'previous-page':
      return s.step(-1, now);
    case 'toggle-help':
      return s.toggleHelp();
    case 'toggle-diagnostics':
      return s.toggleDiagnostics();
  }
}

function statusOf(store: WallStore): WallStatus {
  const s = store.getState();
  return {
    connection: s.socket === 'connecting' && s.offlineSince === null ? 'connecting' : s.connection,
    page: currentView(s.rotation),
    isQuiet: s.rotation.isQuiet,
    isPaused: s.rotation.pausedAt !== null,
  };
}

/**
 * Starts the wall's data path and its clock: connects to the feed, ticks
 * the store, and, inside the shell, follows its commands and settings and
 * reports what the wall shows. Returns a function that stops all of it.
 */
export function startWall(store: WallStore, bridge: WallBridge | null, options: { schedule?: FlushScheduler } = {}): () => void {
  let feed: FeedConnection = open(store.getState().settings);
  const timer = setInterval(() => {
    const now = Date.now();
    feed.ingest.tick(now);
    store.getState().tick(now);
  }, TICK_MS);
  const stops: Array<() => void> = [() => clearInterval(timer), () => feed.close()];

  function open(settings: WallSettings): FeedConnection {
    return connectFeed({
      url: settings.feedUrl,
      store,
      ...(settings.token === undefined ? {} : { token: settings.token }),
      ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
    });
  }

  if (bridge !== null) {
    stops.push(bridge.onCommand((command) => runCommand(store, command)));
    stops.push(
      bridge.onSettingsChanged((settings) => {
        const before = store.getState().settings;
        store.getState().setSettings(settings, Date.now());
        if (settings.feedUrl !== before.feedUrl || settings.token !== before.token) {
          feed.close();
          feed = open(settings);
        }
      }),
    );
    let last = '';
    const report = () => {
      const status = statusOf(store);
      const key = JSON.stringify(status);
      if (key === last) return;
      last = key;
      bridge.reportStatus(status);
    };
    report();
    stops.push(store.subscribe(report));
  }

  return () => {
    for (const stop of stops) stop();
  };
}
