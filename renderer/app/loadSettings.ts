import type { WallBridge, WallSettings } from '../../shared/bridge/wallBridge';
import { DEFAULT_SETTINGS, isFeedUrl, settingsFromUrl } from '../../shared/wall/urlSettings';

/** The shell's bridge, when the wall runs inside the Electron shell. */
export function findBridge(): WallBridge | null {
  return (window as Window & { nocWall?: WallBridge }).nocWall ?? null;
}

/** Settings, or why there are none. */
export type LoadedSettings = { ok: true; settings: WallSettings } | { ok: false; reason: string };

/**
 * The settings of this window: from the shell when there is one, otherwise
 * from the address (`?feed=…#token=…`). A web wall served by the kiosk
 * server, whose feed shares its origin, may leave `feed` out.
 */
export async function loadSettings(bridge: WallBridge | null): Promise<LoadedSettings> {
  // A shell older than the optional settings leaves them out: the wall's defaults fill them.
  if (bridge !== null) return { ok: true, settings: { ...DEFAULT_SETTINGS, ...(await bridge.getSettings()) } };
  const { feedUrl, ...rest } = settingsFromUrl(window.location.search, window.location.hash);
  const origin = window.location.origin;
  const url = feedUrl ?? (isFeedUrl(origin) ? origin : null);
  if (url === null) return { ok: false, reason: 'No feed address: open this page with ?feed=http://host:port (and #token=… if the feed needs one).' };
  return { ok: true, settings: { ...rest, feedUrl: url } };
}
