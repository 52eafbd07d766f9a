import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallWindowOptions } from './wall/windowOptions';
import { FakeWindow } from './wall/fakeWindow';

/*
 * The composition root as it ships: the esbuild bundle dist/electron/main.cjs
 * loaded by Node with a stand-in for the 'electron' module, from a copy laid
 * out as in the package (electron/ beside renderer/). It checks what
 * the unit tests cannot: that main.ts hands startApp working adapters, that
 * the bundle runs (socket.io included), and that a window gets the pinned
 * security preferences and loads the wall from app://.
 */

type Listener = (...args: unknown[]) => void;
const appListeners = new Map<string, Listener[]>();
const created: Array<{ options: WallWindowOptions; window: FakeWindow }> = [];
const handlers = new Map<string, (request: Request) => Promise<Response>>();
const calls: string[] = [];
const home = mkdtempSync(join(tmpdir(), 'noc-wall-bundle-'));
const appDir = join(home, 'dist');
let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((done) => (resolveReady = done));

class BrowserWindow extends FakeWindow {
  constructor(options: WallWindowOptions) {
    super(options);
    created.push({ options, window: this });
  }
}

const fakeElectron = {
  app: {
    isPackaged: true,
    getPath: (name: string) => join(home, name),
    setPath: (name: string, path: string) => calls.push(`setPath ${name} ${path}`),
    getAppPath: () => home,
    requestSingleInstanceLock: () => true,
    disableHardwareAcceleration: () => calls.push('disableHardwareAcceleration'),
    whenReady: () => ready,
    getAppMetrics: () => [],
    relaunch: () => calls.push('relaunch'),
    exit: (code: number) => calls.push(`exit ${code}`),
    quit: () => calls.push('quit'),
    setLoginItemSettings: () => undefined,
    on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
  },
  BrowserWindow,
  dialog: { showErrorBox: (title: string, text: string) => calls.push(`dialog ${title}: ${text}`) },
  globalShortcut: { register: (accelerator: string) => (calls.push(`shortcut ${accelerator}`), true), unregisterAll: () => undefined },
  ipcMain: { handle: (channel: string) => calls.push(`ipc ${channel}`), on: (channel: string) => calls.push(`ipc ${channel}`), removeHandler: () => undefined, removeAllListeners: () => undefined },
  Menu: { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: () => calls.push('application menu') },
  powerSaveBlocker: { start: () => 1, stop: () => undefined },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`privileged ${JSON.stringify(schemes)}`),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handlers.set(scheme, handler),
  },
  screen: {
    getAllDisplays: () => [{ id: 5, label: 'Lobby TV', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    getPrimaryDisplay: () => ({ id: 5 }),
    on: () => undefined,
  },
  session: { defaultSession: { setPermissionRequestHandler: () => calls.push('permission requests denied'), setPermissionCheckHandler: () => calls.push('permission checks denied') } },
  shell: { openExternal: async () => undefined },
  Tray: class {
    setToolTip(): void {}
    setContextMenu(): void {
      calls.push('tray menu');
    }
    destroy(): void {}
  },
};

const moduleWithLoad = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const originalLoad = moduleWithLoad._load;
const savedArgv = process.argv;

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  mkdirSync(join(appDir, 'electron'), { recursive: true });
  mkdirSync(join(appDir, 'renderer'), { recursive: true });
  for (const file of ['main.cjs', 'preload.cjs', 'tray.png']) copyFileSync(join('dist/electron', file), join(appDir, 'electron', file));
  writeFileSync(join(appDir, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
  moduleWithLoad._load = (request, parent, isMain) => (request === 'electron' ? fakeElectron : originalLoad(request, parent, isMain));
  process.argv = ['/opt/noc-wall/noc-wall', '--kiosk'];
  const stderr = process.stderr.write.bind(process.stderr);
  // The shell logs to stderr; keep the test output readable.
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    createRequire(import.meta.url)(join(appDir, 'electron', 'main.cjs'));
    resolveReady();
    for (let i = 0; i < 100 && created.length === 0; i += 1) await new Promise((done) => setTimeout(done, 50));
  } finally {
    process.stderr.write = stderr;
  }
});

afterAll(() => {
  for (const listener of appListeners.get('will-quit') ?? []) listener();
  moduleWithLoad._load = originalLoad;
  process.argv = savedArgv;
  rmSync(home, { recursive: true, force: true });
});

describe('the bundled main process', () => {
  it('registers the app scheme, denies permissions and installs the controls', () => {
    expect(calls).toContain('privileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]');
    expect(calls).toEqual(expect.arrayContaining(['permission requests denied', 'permission checks denied', 'shortcut CommandOrControl+Shift+Q', 'ipc wall:get-settings', 'tray menu']));
    expect(calls.filter((c) => c.startsWith('exit'))).toEqual([]);
  });

  it('opens a kiosk window with the pinned security preferences and loads the wall from app://', () => {
    expect(created).toHaveLength(1);
    const [{ options, window }] = created as [(typeof created)[number]];
    expect(options).toMatchObject({ kiosk: true, show: false, x: 0, width: 1920 });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, backgroundThrottling: false, disableBlinkFeatures: 'Auxclick' });
    expect(options.webPreferences.preload).toBe(join(appDir, 'electron', 'preload.cjs'));
    expect(window.webContents.loads).toEqual(['app://wall/index.html']);
  });

  it('serves the wall with a CSP naming the embedded demo feed, which answers with a snapshot', async () => {
    const handler = handlers.get('app');
    const response = await handler?.(new Request('app://wall/index.html'));
    expect(response?.status).toBe(200);
    const csp = response?.headers.get('content-security-policy') ?? '';
    const feed = /connect-src (http:\/\/127\.0\.0\.1:\d+) ws:/.exec(csp)?.[1];
    expect(feed).toBeDefined();
    const socket = io(feed ?? '', { transports: ['websocket'], reconnection: false });
    try {
      const snapshot = await new Promise<{ services: unknown[] }>((done, fail) => {
        socket.on('feed:snapshot', done);
        socket.on('connect_error', fail);
      });
      expect(snapshot.services.length).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });
});
