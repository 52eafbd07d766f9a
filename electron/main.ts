/*
 * The composition root of the main process: the one file besides the
 * preload that imports 'electron'. It hands Electron's modules to startApp
 * as the small interfaces of app/platform.ts; all behaviour lives behind
 * them, where tests reach it without an Electron binary.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, ipcMain, Menu, powerSaveBlocker, protocol, screen, session, shell, Tray } from 'electron';
import { startDemoFeed } from './app/demoFeed';
import { fileLogSink, nodeAutostartFs, nodeConfigFs, writeTextFile } from './app/nodeFiles';
import { startApp } from './app/startApp';
import { createLog } from './log';
import { systemTimers } from './recovery/timers';
import { nodeWatchDir } from './config/watchConfig';

const logFile = fileLogSink(join(app.getPath('appData'), 'noc-wall', 'logs', 'wall.log'));
const log = createLog((line) => {
  process.stderr.write(`${line}\n`);
  logFile(line);
});

startApp({
  app,
  protocol,
  // session.defaultSession exists only once the app is ready; startApp uses it after that.
  session: {
    setPermissionRequestHandler: (handler) => session.defaultSession.setPermissionRequestHandler(handler),
    setPermissionCheckHandler: (handler) => session.defaultSession.setPermissionCheckHandler(handler),
  },
  screen,
  ipcMain,
  menu: { buildFromTemplate: (template) => Menu.buildFromTemplate(template), setApplicationMenu: (menu) => Menu.setApplicationMenu(menu as Menu | null) },
  createTray: (icon) => {
    const tray = new Tray(icon);
    return { setToolTip: (text) => tray.setToolTip(text), setContextMenu: (menu) => tray.setContextMenu(menu as Menu), destroy: () => tray.destroy() };
  },
  globalShortcut,
  openInBrowser: (url) => {
    // WallShell.openLink lets only http(s) URLs through (isExternalLink), so this call never sees file:, smb: or custom schemes.
    shell.openExternal(url).catch((error: unknown) => log.warn(`openExternal: ${String(error)}`)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  },
  powerSaveBlocker,
  // The options come from wall/windowOptions.ts; the security preferences are
  // pinned again here, where the window is made, so no edit elsewhere can loosen them.
  createWindow: (options) =>
    new BrowserWindow({
      ...options,
      webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
    }),
  startDemoFeed: () => startDemoFeed(log),
  paths: { preload: join(__dirname, 'preload.cjs'), rendererRoot: join(__dirname, '..', 'renderer'), trayIcon: join(__dirname, 'tray.png') },
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  electronVersion: process.versions.electron ?? 'unknown',
  configFs: nodeConfigFs,
  autostartFs: nodeAutostartFs,
  writeText: writeTextFile,
  timers: systemTimers,
  watchDir: nodeWatchDir,
  every: (ms, callback) => {
    const timer = setInterval(callback, ms);
    return () => clearInterval(timer);
  },
  log,
  print: (text) => process.stdout.write(`${text}\n`),
  fail: (message) => {
    process.stderr.write(`noc-wall: ${message}\n`);
    if (!process.stderr.isTTY) dialog.showErrorBox('NOC Wall cannot start', message);
  },
}).catch((error: unknown) => {
  log.error(`startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  app.exit(1);
});
