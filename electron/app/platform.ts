import type { ConfigFs } from '../config/loadConfig';
import type { FeedTarget } from '../config/wallSettings';
import type { MenuItemSpec } from '../controls/menuTemplate';
import type { DisplayInfo } from '../displays/placement';
import type { IpcMainLike } from '../ipc/wallIpc';
import type { Log } from '../log';
import type { AutostartFs, LoginItems } from '../autostart/autostart';
import type { ProcessMetricLike } from '../recovery/memoryWatchdog';
import type { Timers } from '../recovery/timers';
import type { WatchDeps } from '../config/watchConfig';
import type { PermissionSession } from '../security/guards';
import type { PowerSaveBlockerLike } from '../wall/wallShell';
import type { WallBrowserWindow } from '../wall/wallWindow';
import type { WallWindowOptions } from '../wall/windowOptions';

/*
 * The slice of Electron the shell uses, as interfaces. electron/main.ts
 * passes the real modules; tests pass fakes. Nothing here imports
 * 'electron', so everything behind it runs under plain Node and vitest.
 */

/** The part of Electron's app the shell uses. */
export interface AppLike extends LoginItems {
  readonly isPackaged: boolean;
  getPath(name: 'userData' | 'appData' | 'home' | 'exe'): string;
  setPath(name: 'userData', path: string): void;
  getAppPath(): string;
  requestSingleInstanceLock(): boolean;
  disableHardwareAcceleration(): void;
  whenReady(): Promise<unknown>;
  getAppMetrics(): ProcessMetricLike[];
  relaunch(options?: { args?: string[] }): void;
  exit(code?: number): void;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: { type: string; reason: string }) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: () => void): unknown;
}

/** The part of Electron's protocol module the shell uses. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }>): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** The part of Electron's screen module the shell uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): { id: number };
  on(event: 'display-added', listener: () => void): unknown;
  on(event: 'display-removed', listener: () => void): unknown;
  on(event: 'display-metrics-changed', listener: () => void): unknown;
}

/** A built menu, opaque to the shell. */
export type BuiltMenu = object;

/** The part of Electron's Menu class the shell uses. */
export interface MenuFactory {
  buildFromTemplate(template: MenuItemSpec[]): BuiltMenu;
  setApplicationMenu(menu: BuiltMenu | null): void;
}

/** The part of an Electron Tray the shell uses. */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: BuiltMenu): void;
  destroy(): void;
}

/** The part of Electron's globalShortcut the shell uses. */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

/** Everything the shell is started with. */
export interface Platform {
  app: AppLike;
  protocol: ProtocolLike;
  session: PermissionSession;
  screen: ScreenLike;
  ipcMain: IpcMainLike;
  menu: MenuFactory;
  createTray(iconPath: string): TrayLike;
  globalShortcut: GlobalShortcutLike;
  /** Electron's shell.openExternal, for links already checked to be http(s). */
  openInBrowser(url: string): void;
  powerSaveBlocker: PowerSaveBlockerLike;
  createWindow(options: WallWindowOptions): WallBrowserWindow;
  /** Starts the embedded simulator feed on a loopback port. */
  startDemoFeed(): Promise<FeedTarget & { close(): Promise<void> }>;
  paths: { preload: string; rendererRoot: string; trayIcon: string };
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  electronVersion: string;
  configFs: ConfigFs;
  autostartFs: AutostartFs;
  /** Writes a small state file (the GPU fallback). */
  writeText(path: string, text: string): void;
  timers: Timers;
  /** Watches a folder (fs.watch), so an edited config file reaches the walls; absent, the config is read once. */
  watchDir?: WatchDeps['watch'];
  /** Repeats a callback; returns a function that stops it. */
  every(ms: number, callback: () => void): () => void;
  log: Log;
  /** Prints help to stdout. */
  print(text: string): void;
  /** Reports a fatal settings error where an operator will see it (stderr, and a dialog when there is no terminal). */
  fail(message: string): void;
}
