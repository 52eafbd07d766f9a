/**
 * The IPC channels behind `WallBridge` (shared/bridge/wallBridge.ts), one per
 * bridge method. Only the preload and ipc/wallIpc.ts use them.
 */
export const CHANNELS = {
  /** invoke, renderer → main: this window's WallSettings. */
  getSettings: 'wall:get-settings',
  /** send, main → renderer: new WallSettings for this window. */
  settingsChanged: 'wall:settings-changed',
  /** send, main → renderer: a WallCommand from a menu or shortcut. */
  command: 'wall:command',
  /** send, renderer → main: an incident link for the system browser. */
  openExternal: 'wall:open-external',
  /** send, renderer → main: the WallStatus the menus mirror. */
  reportStatus: 'wall:report-status',
} as const;
