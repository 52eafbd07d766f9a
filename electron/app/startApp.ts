import { join } from 'node:path';
import { buildCsp } from '../../web/csp';
import { applyAutostart } from '../autostart/autostart';
import { helpText } from '../config/help';
import { loadConfig } from '../config/loadConfig';
import { watchConfig } from '../config/watchConfig';
import type { ShellConfig } from '../config/loadConfig';
import { userArgs } from '../config/sources';
import type { FeedTarget } from '../config/wallSettings';
import { installControls } from '../controls/installControls';
import type { Controls } from '../controls/installControls';
import { registerWallIpc } from '../ipc/wallIpc';
import { parseGpuFallback } from '../recovery/gpuPolicy';
import { handleAppRequest } from '../security/appProtocol';
import { APP_SCHEME, guardPermissions } from '../security/guards';
import { WallShell } from '../wall/wallShell';
import type { Platform } from './platform';

/** How often the memory watchdog polls app.getAppMetrics(). */
const MEMORY_POLL_MS = 30_000;
/** Display events come in bursts while a screen is plugged or re-moded; place once it settles. */
const DISPLAY_SETTLE_MS = 500;
/** How long a renderer may stay unresponsive before it is crashed and reloaded. */
const HANG_GRACE_MS = 15_000;

/** A running wall, for tests and for quitting. */
export interface RunningWall {
  shell: WallShell;
  feed: FeedTarget;
  config: ShellConfig;
}

function readText(p: Platform, path: string): string | undefined {
  try {
    return p.configFs.readText(path);
  } catch {
    return undefined;
  }
}

/**
 * Starts the wall: settings, single instance, GPU fallback, the app://
 * protocol with its CSP, permission guards, the feed (the embedded demo
 * when none is configured), windows on displays, controls, recovery and
 * autostart. Returns undefined when the process should end (help, bad
 * settings, a second instance).
 */
export async function startApp(p: Platform): Promise<RunningWall | undefined> {
  const { app, log } = p;
  // A fixed folder name, so the config and state stay put whatever the packager calls the app.
  app.setPath('userData', join(app.getPath('appData'), 'noc-wall'));
  const userData = app.getPath('userData');
  const result = loadConfig({ args: userArgs(p.argv, app.isPackaged), env: p.env, configDir: userData, fs: p.configFs });
  if (result.kind === 'help') {
    p.print(helpText(userData));
    app.exit(0);
    return undefined;
  }
  if (result.kind === 'error') {
    p.fail(result.message);
    app.exit(2);
    return undefined;
  }
  const { config } = result;
  log.info(`settings: ${result.configPath ? `config ${result.configPath}` : 'no config file'}; ${config.isKiosk ? 'kiosk' : 'windowed'}; feed ${config.feedUrl ?? 'embedded demo'}`);

  if (!app.requestSingleInstanceLock()) {
    log.info('another wall is already running: it will come to the front');
    app.quit();
    return undefined;
  }

  const gpuFile = join(userData, 'gpu-fallback.json');
  const fallback = parseGpuFallback(readText(p, gpuFile), p.electronVersion);
  if (!config.hasHardwareAcceleration || fallback) {
    app.disableHardwareAcceleration();
    log.warn(`gpu: hardware acceleration off (${fallback ? `${fallback.reason} on ${fallback.since}; delete ${gpuFile} to try again` : 'settings'})`);
  }
  p.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

  await app.whenReady();
  const demo = config.feedUrl === undefined ? await p.startDemoFeed() : undefined;
  const feed: FeedTarget = demo ?? (config.token !== undefined ? { url: config.feedUrl as string, token: config.token, isDemo: false } : { url: config.feedUrl as string, isDemo: false });
  if (demo) log.info(`feed: embedded demo feed at ${demo.url}`);
  const csp = buildCsp({ feedUrl: feed.url });

  let controls: Controls | undefined = undefined;
  const wall = new WallShell({
    config,
    feed,
    createWindow: p.createWindow,
    preloadPath: p.paths.preload,
    timers: p.timers,
    log,
    hangGraceMs: HANG_GRACE_MS,
    openInBrowser: p.openInBrowser,
    powerSaveBlocker: p.powerSaveBlocker,
    relaunchWithoutGpu: (reason) => {
      p.writeText(gpuFile, JSON.stringify({ electronVersion: p.electronVersion, since: new Date(p.timers.now()).toISOString(), reason }));
      app.relaunch({ args: p.argv.slice(1) });
      app.exit(0);
    },
    onControlsChanged: () => controls?.refresh(),
  });
  p.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await handleAppRequest(request.method, request.url, { root: p.paths.rendererRoot, csp: () => csp, errorDetail: () => wall.lastFailure });
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(request.method === 'HEAD' ? null : body, { status: answer.status, headers: answer.headers });
  });
  guardPermissions(p.session, log);
  const disposeIpc = registerWallIpc(p.ipcMain, wall, log);

  const place = () => wall.place(p.screen.getAllDisplays(), p.screen.getPrimaryDisplay().id);
  let settle: unknown;
  const placeSoon = () => {
    if (settle !== undefined) p.timers.clearTimeout(settle);
    settle = p.timers.setTimeout(() => {
      settle = undefined;
      place();
    }, DISPLAY_SETTLE_MS);
  };
  p.screen.on('display-added', placeSoon);
  p.screen.on('display-removed', placeSoon);
  p.screen.on('display-metrics-changed', placeSoon);
  place();

  controls = installControls(p, p.paths.trayIcon, config.isKiosk, () => wall.controlState(), wall.actions(() => app.quit()));
  const stopWatchdog = p.every(MEMORY_POLL_MS, () => wall.checkMemory(app.getAppMetrics()));

  try {
    const launch = { command: p.env.APPIMAGE ?? app.getPath('exe'), args: app.isPackaged ? [] : [app.getAppPath()] };
    log.info(applyAutostart(config.isAutostart, { platform: p.platform, launch, app, fs: p.autostartFs, env: p.env, home: app.getPath('home') }));
  } catch (error) {
    log.error(`autostart: ${error instanceof Error ? error.message : String(error)}`);
  }

  app.on('second-instance', () => wall.openWindows[0]?.focus());
  app.on('child-process-gone', (_event, details) => wall.childProcessGone(details.type, details.reason));
  app.on('window-all-closed', () => app.quit());
  const stopWatchingConfig = p.watchDir
    ? watchConfig(
        {
          configDir: userData,
          reload: () => loadConfig({ args: userArgs(p.argv, app.isPackaged), env: p.env, configDir: userData, fs: p.configFs }),
          onChange: (next) => {
            // The page's CSP names the feed it was started with: a new address needs a restart.
            if (next.feedUrl !== config.feedUrl) log.warn(`config: the feed address changed to ${next.feedUrl ?? 'the embedded demo'}: restart the wall to use it`);
            const target: FeedTarget = demo ?? (next.token !== undefined ? { url: feed.url, token: next.token, isDemo: false } : { url: feed.url, isDemo: false });
            log.info('config: the config file changed: new settings sent to the walls');
            wall.reconfigure({ ...next, feedUrl: config.feedUrl }, target);
          },
          onError: (message) => log.warn(`config: ${message}; the walls keep their settings`),
          deps: { watch: p.watchDir, setTimeout: p.timers.setTimeout, clearTimeout: p.timers.clearTimeout },
        },
        config,
      )
    : () => undefined;

  app.on('will-quit', () => {
    stopWatchingConfig();
    stopWatchdog();
    controls?.dispose();
    disposeIpc();
    demo?.close().catch(() => undefined);
  });
  return { shell: wall, feed, config };
}
