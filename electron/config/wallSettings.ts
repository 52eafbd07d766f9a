import type { WallSettings } from '../../shared/bridge/wallBridge';
import type { WindowPlan } from '../displays/placement';
import type { ShellConfig } from './loadConfig';

/** The feed a window connects to: the configured one, or the embedded demo feed. */
export interface FeedTarget {
  url: string;
  token?: string;
  isDemo: boolean;
}

/** The settings one window gets: the shell's settings with its display's own settings on top. */
export function wallSettingsFor(config: ShellConfig, plan: Pick<WindowPlan, 'override'>, feed: FeedTarget): WallSettings {
  const override = plan.override;
  const settings: WallSettings = {
    feedUrl: feed.url,
    isQuiet: override?.quiet ?? config.isQuiet,
    dwellSeconds: override?.dwell ?? config.dwellSeconds,
    pages: [...(override?.pages ?? config.pages)],
    isDemo: feed.isDemo,
    theme: override?.theme ?? config.theme,
    staleAfterSeconds: config.staleAfterSeconds,
    entityStaleAfterMinutes: config.entityStaleAfterMinutes,
    palette: config.palette,
    screenInches: config.screenInches,
    viewingDistanceMeters: config.viewingDistanceMeters,
    holdSeconds: config.holdSeconds,
    urgentDwellSeconds: { ...config.urgentDwellSeconds },
    chime: config.chime,
    chimeQuietHours: config.chimeQuietHours,
    nightWindow: config.nightWindow,
  };
  return feed.token !== undefined ? { ...settings, token: feed.token } : settings;
}
