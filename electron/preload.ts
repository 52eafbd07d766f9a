/*
 * The preload: the one file that touches ipcRenderer. It runs sandboxed
 * (bundled to CommonJS with only 'electron' external) and exposes exactly
 * the WallBridge contract as window.nocWall: one method per channel, no
 * raw IPC, no event objects handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { WALL_COMMANDS } from '../shared/bridge/wallBridge';
import type { WallBridge, WallCommand, WallSettings, WallStatus } from '../shared/bridge/wallBridge';
import { CHANNELS } from './ipc/channels';

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const handler = (_event: unknown, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const isCommand = (value: unknown): value is WallCommand => typeof value === 'string' && (WALL_COMMANDS as readonly string[]).includes(value);
const isSettings = (value: unknown): value is WallSettings => typeof value === 'object' && value !== null && typeof (value as { feedUrl?: unknown }).feedUrl === 'string';

const bridge: WallBridge = {
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings) as Promise<WallSettings>,
  onSettingsChanged: (listener) => subscribe(CHANNELS.settingsChanged, isSettings, listener),
  onCommand: (listener) => subscribe(CHANNELS.command, isCommand, listener),
  openExternal: (url: string) => ipcRenderer.send(CHANNELS.openExternal, String(url)),
  reportStatus: (status: WallStatus) => ipcRenderer.send(CHANNELS.reportStatus, { connection: status.connection, page: status.page, isQuiet: status.isQuiet, isPaused: status.isPaused }),
};

contextBridge.exposeInMainWorld('nocWall', bridge);
