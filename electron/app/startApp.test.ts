import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemSpec } from '../controls/menuTemplate';
import type { DisplayInfo } from '../displays/placement';
import type { IpcEventLike, IpcMainLike } from '../ipc/wallIpc';
import { createLog } from '../log';
import { ManualTimers } from '../recovery/manualTimers';
import { FakeWindow } from '../wall/fakeWindow';
import type { Platform } from './platform';
import { startApp } from './startApp';

const rendererRoot = mkdtempSync(join(tmpdir(), 'noc-wall-start-'));
writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><div id="root"></div>');

const display = (id: number, x: number): DisplayInfo => ({ id, label: `TV ${id}`, bounds: { x, y: 0, width: 1920, height: 1080 }, workArea: { x, y: 0, width: 1920, height: 1040 } });

type AnyListener = (...args: never[]) => void;

function fakePlatform(argv: string[], files: Record<string, string> = {}) {
  const calls: string[] = [];
  const appListeners = new Map<string, AnyListener>();
  const screenListeners = new Map<string, () => void>();
  const windows: FakeWindow[] = [];
  const menus: Array<MenuItemSpec[] | null> = [];
  const written = new Map<string, string>();
  const lines: string[] = [];
  let handler: ((request: Request) => Promise<Response>) | undefined;
  let displays = [display(1, 0), display(2, 1920)];
  const timers = new ManualTimers();
  const ipcMain: IpcMainLike = { handle: () => calls.push('ipc.handle'), on: () => calls.push('ipc.on'), removeHandler: () => undefined, removeAllListeners: () => undefined };
  const p: Platform = {
    app: {
      isPackaged: true,
      getPath: (name) => ({ userData: '/home/ops/.config/noc-wall', appData: '/home/ops/.config', home: '/home/ops', exe: '/opt/noc-wall/noc-wall' })[name],
      setPath: (_name, path) => calls.push(`setPath ${path}`),
      getAppPath: () => '/opt/noc-wall/resources/app.asar',
      requestSingleInstanceLock: () => !argv.includes('--second'),
      disableHardwareAcceleration: () => calls.push('disableHardwareAcceleration'),
      whenReady: async () => calls.push('ready'),
      getAppMetrics: () => [],
      relaunch: (options) => calls.push(`relaunch ${JSON.stringify(options)}`),
      exit: (code) => calls.push(`exit ${code}`),
      quit: () => calls.push('quit'),
      setLoginItemSettings: (s) => calls.push(`login ${JSON.stringify(s)}`),
      on: (event: string, listener: AnyListener) => appListeners.set(event, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => calls.push(`privileged ${JSON.stringify(schemes)}`),
      handle: (scheme, h) => {
        calls.push(`handle ${scheme}`);
        handler = h;
      },
    },
    session: { setPermissionRequestHandler: () => calls.push('permission request handler'), setPermissionCheckHandler: () => calls.push('permission check handler') },
    screen: { getAllDisplays: () => displays, getPrimaryDisplay: () => ({ id: 1 }), on: (event: string, listener: () => void) => screenListeners.set(event, listener) },
    ipcMain,
    menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => menus.push(menu ? (menu as { template: MenuItemSpec[] }).template : null) },
    createTray: () => ({ setToolTip: () => undefined, setContextMenu: () => calls.push('tray menu'), destroy: () => undefined }),
    globalShortcut: { register: (accelerator) => (calls.push(`shortcut ${accelerator}`), true), unregisterAll: () => undefined },
    openInBrowser: () => undefined,
    powerSaveBlocker: { start: () => 1, stop: () => undefined },
    createWindow: (options) => {
      const w = new FakeWindow(options);
      windows.push(w);
      return w;
    },
    startDemoFeed: async () => (calls.push('demo feed'), { url: 'http://127.0.0.1:45678', isDemo: true, close: async () => undefined }),
    paths: { preload: '/opt/preload.cjs', rendererRoot, trayIcon: '/opt/tray.png' },
    argv: ['/opt/noc-wall/noc-wall', ...argv.filter((a) => a !== '--second')],
    env: {},
    platform: 'linux',
    electronVersion: '45.5.0',
    configFs: {
      exists: (path) => path in files,
      readText: (path) => {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return text;
      },
    },
    autostartFs: { write: (path) => calls.push(`autostart write ${path}`), remove: () => undefined, exists: () => false },
    writeText: (path, text) => written.set(path, text),
    timers,
    every: () => () => undefined,
    log: createLog((line) => lines.push(line)),
    print: (text) => calls.push(`print ${text.split('\n')[0]}`),
    fail: (message) => calls.push(`fail ${message}`),
  };
  return { p, calls, appListeners, screenListeners, windows, menus, written, lines, timers, request: (url: string) => handler?.(new Request(url)), setDisplays: (d: DisplayInfo[]) => (displays = d) };
}

describe('startApp', () => {
  it('prints help and exits without opening anything', async () => {
    const { p, calls, windows } = fakePlatform(['--help']);
    expect(await startApp(p)).toBeUndefined();
    expect(calls).toContain('print noc-wall [settings]');
    expect(calls).toContain('exit 0');
    expect(windows).toHaveLength(0);
  });

  it('stops with the one settings message and exit code 2 on a bad setting', async () => {
    const { p, calls, windows } = fakePlatform(['--dwell', 'fast']);
    expect(await startApp(p)).toBeUndefined();
    expect(calls).toContain('fail flag --dwell: "fast" is not a number of seconds (allowed: 5 to 600)');
    expect(calls.at(-1)).toBe('exit 2');
    expect(windows).toHaveLength(0);
  });

  it('quits a second instance before it opens anything', async () => {
    const { p, calls, windows } = fakePlatform(['--second']);
    expect(await startApp(p)).toBeUndefined();
    expect(calls).toContain('quit');
    expect(calls).not.toContain('ready');
    expect(windows).toHaveLength(0);
  });

  it('registers the app scheme before ready, starts the demo feed and serves the wall with a CSP for it', async () => {
    const { p, calls, windows, request } = fakePlatform(['--kiosk']);
    const running = await startApp(p);
    expect(calls.indexOf('privileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]')).toBeLessThan(calls.indexOf('ready'));
    expect(calls).toContain('demo feed');
    expect(running?.feed).toMatchObject({ url: 'http://127.0.0.1:45678', isDemo: true });
    expect(calls).toEqual(expect.arrayContaining(['permission request handler', 'permission check handler', 'handle app', 'shortcut CommandOrControl+Shift+Q']));
    const response = await request('app://wall/index.html');
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain('connect-src http://127.0.0.1:45678 ws://127.0.0.1:45678');
    expect(windows.map((w) => w.options.x)).toEqual([0, 1920]);
  });

  it('uses the configured feed and token instead of the demo feed', async () => {
    const { p, calls, request } = fakePlatform(['--feed', 'https://feed.example:8443', '--token-file', '/run/token'], { '/run/token': 'abc\n' });
    const running = await startApp(p);
    expect(calls).not.toContain('demo feed');
    expect(running?.feed).toEqual({ url: 'https://feed.example:8443', token: 'abc', isDemo: false });
    expect((await request('app://wall/index.html'))?.headers.get('content-security-policy')).toContain('connect-src https://feed.example:8443 wss://feed.example:8443');
  });

  it('hides the menu bar in kiosk mode and shows the application menu otherwise', async () => {
    const kiosk = fakePlatform(['--kiosk']);
    await startApp(kiosk.p);
    expect(kiosk.menus.at(-1)).toBeNull();
    const laptop = fakePlatform([]);
    await startApp(laptop.p);
    expect(laptop.menus.at(-1)?.map((m) => m.label)).toEqual(['File', 'Wall']);
  });

  it('re-places windows once display events settle', async () => {
    const { p, screenListeners, windows, timers, setDisplays } = fakePlatform(['--kiosk']);
    await startApp(p);
    setDisplays([display(1, 0)]);
    screenListeners.get('display-removed')?.();
    screenListeners.get('display-metrics-changed')?.();
    expect(windows[1]?.isClosed).toBe(false);
    timers.advance(500);
    expect(windows[1]?.isClosed).toBe(true);
  });

  it('remembers a GPU fallback and relaunches; a later start turns acceleration off', async () => {
    const first = fakePlatform(['--kiosk']);
    await startApp(first.p);
    const gone = first.appListeners.get('child-process-gone') as unknown as (event: unknown, details: { type: string; reason: string }) => void;
    for (let i = 0; i < 3; i += 1) gone({}, { type: 'GPU', reason: 'crashed' });
    const file = '/home/ops/.config/noc-wall/gpu-fallback.json';
    expect(JSON.parse(first.written.get(file) ?? '{}')).toMatchObject({ electronVersion: '45.5.0', reason: 'GPU process gone 3 times (last: crashed)' });
    expect(first.calls).toEqual(expect.arrayContaining(['relaunch {"args":["--kiosk"]}', 'exit 0']));
    const second = fakePlatform([], { [file]: first.written.get(file) ?? '' });
    await startApp(second.p);
    expect(second.calls.indexOf('disableHardwareAcceleration')).toBeLessThan(second.calls.indexOf('ready'));
  });

  it('writes the XDG autostart entry when autostart is on', async () => {
    const { p, calls } = fakePlatform(['--autostart']);
    await startApp(p);
    expect(calls).toContain('autostart write /home/ops/.config/autostart/noc-wall.desktop');
  });

  it('answers only trusted IPC senders through the shell', async () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    const setup = fakePlatform([]);
    setup.p.ipcMain = { handle: (c, l) => handlers.set(c, l), on: (c, l) => handlers.set(c, l), removeHandler: () => undefined, removeAllListeners: () => undefined };
    await startApp(setup.p);
    const contents = setup.windows[0]?.webContents;
    const get = handlers.get('wall:get-settings');
    expect(get?.({ sender: { id: contents?.id ?? -1 }, senderFrame: contents?.mainFrame ?? null })).toMatchObject({ feedUrl: 'http://127.0.0.1:45678', isDemo: true });
    expect(() => get?.({ sender: { id: contents?.id ?? -1 }, senderFrame: { url: 'https://evil.example/', processId: 1, routingId: 1, parent: null } })).toThrow('refused');
  });
});
