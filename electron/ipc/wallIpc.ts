import { z } from 'zod';
import { WALL_COMMANDS, WALL_PAGES } from '../../shared/bridge/wallBridge';
import type { WallCommand, WallSettings, WallStatus } from '../../shared/bridge/wallBridge';
import { LIMITS } from '../../shared/protocol/limits';
import type { Log } from '../log';
import { isAppUrl } from '../security/guards';
import { CHANNELS } from './channels';

/*
 * The one file that touches ipcMain. Every message is checked twice before a
 * handler sees it: the sender must be the main frame of one of our wall
 * windows, showing our app:// origin (never a subframe, never a page that
 * somehow navigated away), and the payload must pass its schema.
 */

/** The identity of a frame, as Electron's WebFrameMain gives it. */
export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
  parent: FrameLike | null;
}

/** The part of an IPC event the checks read. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: FrameLike | null;
}

/** The part of ipcMain this wrapper uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
  removeHandler(channel: string): void;
  removeAllListeners(channel: string): unknown;
}

/** What the wrapper needs from the rest of the shell, keyed by the sender's webContents id. */
export interface WallIpcHandlers {
  /** The main frame of our wall window with this webContents id, or undefined for any other sender. */
  mainFrameOf(contentsId: number): FrameLike | undefined;
  settingsFor(contentsId: number): WallSettings | undefined;
  /** An incident link the wall asked to open; the shell decides whether it may. */
  openLink(contentsId: number, url: string): void;
  reportStatus(contentsId: number, status: WallStatus): void;
}

/** The part of a webContents the shell sends through. */
export interface SendTarget {
  send(channel: string, ...args: unknown[]): void;
}

const urlPayload = z.string().min(1).max(LIMITS.urlLength);
const statusPayload = z.strictObject({
  connection: z.enum(['live', 'syncing', 'stale', 'offline', 'refused', 'connecting']),
  page: z.enum([...WALL_PAGES, 'quiet']),
  isQuiet: z.boolean(),
  isPaused: z.boolean(),
});

/** True when the event comes from the main frame of a wall window, on our app:// origin. */
export function isTrustedSender(event: IpcEventLike, mainFrameOf: (contentsId: number) => FrameLike | undefined): boolean {
  const frame = event.senderFrame;
  const main = mainFrameOf(event.sender.id);
  if (!frame || !main) return false;
  return frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
}

/** Registers the wall's channels; returns a function that removes them. */
export function registerWallIpc(ipcMain: IpcMainLike, handlers: WallIpcHandlers, log: Log): () => void {
  const refuse = (channel: string, event: IpcEventLike, why: string) => log.warn(`ipc: refused ${channel} from webContents ${event.sender.id}: ${why}`);
  const trusted = (channel: string, event: IpcEventLike) => {
    if (isTrustedSender(event, (id) => handlers.mainFrameOf(id))) return true;
    refuse(channel, event, `untrusted sender ${event.senderFrame?.url.slice(0, 200) ?? '(no frame)'}`);
    return false;
  };

  ipcMain.handle(CHANNELS.getSettings, (event) => {
    if (!trusted(CHANNELS.getSettings, event)) throw new Error('refused');
    const settings = handlers.settingsFor(event.sender.id);
    if (!settings) throw new Error('no settings for this window');
    return settings;
  });
  ipcMain.on(CHANNELS.openExternal, (event, url) => {
    if (!trusted(CHANNELS.openExternal, event)) return;
    const parsed = urlPayload.safeParse(url);
    if (!parsed.success) return refuse(CHANNELS.openExternal, event, 'payload is not a URL string');
    handlers.openLink(event.sender.id, parsed.data);
  });
  ipcMain.on(CHANNELS.reportStatus, (event, status) => {
    if (!trusted(CHANNELS.reportStatus, event)) return;
    const parsed = statusPayload.safeParse(status);
    if (!parsed.success) return refuse(CHANNELS.reportStatus, event, 'payload is not a wall status');
    handlers.reportStatus(event.sender.id, parsed.data);
  });
  return () => {
    ipcMain.removeHandler(CHANNELS.getSettings);
    ipcMain.removeAllListeners(CHANNELS.openExternal);
    ipcMain.removeAllListeners(CHANNELS.reportStatus);
  };
}

/** Sends a menu or shortcut command to one wall window. */
export function sendCommand(target: SendTarget, command: WallCommand): void {
  if (WALL_COMMANDS.includes(command)) target.send(CHANNELS.command, command);
}

/** Sends a window its new settings. */
export function sendSettings(target: SendTarget, settings: WallSettings): void {
  target.send(CHANNELS.settingsChanged, settings);
}
