/**
 * The one contract between the wall (renderer) and its shell. The Electron
 * preload implements it with one named method per IPC channel and exposes it
 * as `window.nocWall`; the web build has no bridge and reads the same
 * settings from its URL (`?feed=…&quiet=1…#token=…`).
 */

/** The pages the wall rotates through. Quiet mode is a mode, not a page. */
export const WALL_PAGES = ['health', 'budgets', 'incidents'] as const;
/** One of {@link WALL_PAGES}. */
export type WallPage = (typeof WALL_PAGES)[number];

/** Colour themes. Both keep status readable without colour (shape and word). */
export const THEMES = ['dark', 'light'] as const;
/** One of {@link THEMES}. */
export type Theme = (typeof THEMES)[number];

/** What one wall window shows and where its data comes from. */
export interface WallSettings {
  /** The feed's `http(s)://host:port` URL. */
  feedUrl: string;
  /** The handshake token, when the feed requires one. */
  token?: string;
  /** Start in quiet mode (only burning budgets). */
  isQuiet: boolean;
  /** Seconds each page shows before the rotation moves on. */
  dwellSeconds: number;
  /** The pages this window rotates through, in order. */
  pages: WallPage[];
  /** True when the feed is the embedded simulator: the wall shows a DEMO DATA badge. */
  isDemo: boolean;
  theme: Theme;
  /** Seconds without any message before the wall turns stale (protocol default 15). */
  staleAfterSeconds: number;
  /** Minutes after which an entity's own `updatedAt` makes it stale (protocol default 5). */
  entityStaleAfterMinutes: number;
  /** Status colours: `safe` (colour-vision-safe, the default) or `classic` (red, amber, green). */
  palette?: Palette;
  /** Diagonal of the screen in inches, for the minimum text height (default 55). */
  screenInches?: number;
  /** Distance from the screen to its viewers in metres (default 3). */
  viewingDistanceMeters?: number;
  /** Seconds an SLO must hold a burn level, or hold `none`, before it moves the wall (default 120). */
  holdSeconds?: number;
  /** Seconds a page shows while it holds something urgent, per page (default twice the dwell). */
  urgentDwellSeconds?: Partial<Record<WallPage, number>>;
  /** Sound a chime when an SLO enters page level or a sev1 opens (default false). */
  chime?: boolean;
  /** Local hours in which the chime stays silent (default none). */
  chimeQuietHours?: TimeWindow | null;
  /** Local hours in which the calm screen dims, unless something burns or an incident is open (default none). */
  nightWindow?: TimeWindow | null;
}

/** Status colour palettes. Status is always shape, word and colour. */
export const PALETTES = ['safe', 'classic'] as const;
/** One of {@link PALETTES}. */
export type Palette = (typeof PALETTES)[number];

/** A span of local wall-clock time, `HH:MM` to `HH:MM`; it may cross midnight (`22:00` to `07:00`). */
export interface TimeWindow {
  from: string;
  to: string;
}

/** Commands the shell sends to a wall window (menu, tray, global shortcut). */
export const WALL_COMMANDS = ['toggle-quiet', 'toggle-pause', 'next-page', 'previous-page', 'toggle-help', 'toggle-diagnostics'] as const;
/** One of {@link WALL_COMMANDS}. */
export type WallCommand = (typeof WALL_COMMANDS)[number];

/** What the wall reports back to its shell, for menus and logs. */
export interface WallStatus {
  connection: 'live' | 'syncing' | 'stale' | 'offline' | 'refused' | 'connecting';
  page: WallPage | 'quiet';
  isQuiet: boolean;
  isPaused: boolean;
}

/**
 * The API the preload exposes on `window.nocWall`. Each `on…` method returns
 * an unsubscribe function and never passes the IPC event through.
 */
export interface WallBridge {
  /** The settings of this window, resolved by the shell from flags, environment and config. */
  getSettings(): Promise<WallSettings>;
  /** Called when the shell's settings change (config file edited, display re-assigned). */
  onSettingsChanged(listener: (settings: WallSettings) => void): () => void;
  /** Called for each command from the shell's menus and shortcuts. */
  onCommand(listener: (command: WallCommand) => void): () => void;
  /** Opens an incident's link in the system browser; the shell accepts only http(s) URLs. */
  openExternal(url: string): void;
  /** Tells the shell what the wall shows, so menus show the right checkmarks. */
  reportStatus(status: WallStatus): void;
}
