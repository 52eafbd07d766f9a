import type { WallSettings } from '../../shared/bridge/wallBridge';
import type { Rect, WindowPlan } from '../displays/placement';
import type { FrameLike, SendTarget } from '../ipc/wallIpc';
import { sendSettings } from '../ipc/wallIpc';
import type { Log } from '../log';
import { HangWatch } from '../recovery/hangWatch';
import { RestartPolicy } from '../recovery/restartPolicy';
import type { RestartOptions } from '../recovery/restartPolicy';
import type { Timers } from '../recovery/timers';
import { ERROR_PAGE_URL, WALL_URL } from '../security/appProtocol';
import { guardContents } from '../security/guards';
import type { PreventableEvent } from '../security/guards';
import { wallWindowOptions } from './windowOptions';
import type { WallWindowOptions } from './windowOptions';

/** The part of Electron's WebContents a wall window uses. */
export interface WallContents extends SendTarget {
  readonly id: number;
  readonly mainFrame: FrameLike;
  loadURL(url: string): Promise<void>;
  forcefullyCrashRenderer(): void;
  getOSProcessId(): number;
  insertCSS(css: string): Promise<string>;
  isDestroyed(): boolean;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's BrowserWindow a wall window uses. */
export interface WallBrowserWindow {
  readonly webContents: WallContents;
  setBounds(bounds: Rect): void;
  show(): void;
  focus(): void;
  close(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  on(event: 'responsive', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** What every wall window shares. */
export interface WallWindowDeps {
  createWindow(options: WallWindowOptions): WallBrowserWindow;
  preloadPath: string;
  isKiosk: boolean;
  timers: Timers;
  log: Log;
  restart?: RestartOptions;
  /** How long a renderer may stay unresponsive before it is crashed and reloaded. */
  hangGraceMs: number;
  /** Called when the window is first shown and when it closes, for the power-save blocker. */
  onShown(window: WallWindow): void;
  onClosed(window: WallWindow): void;
  /** Called with a line for the error page when the window gives up reloading. */
  onGiveUp(detail: string): void;
}

/**
 * One wall window on one display, with its own recovery: backoff reloads
 * after a crash, the error page past the cap, a forced crash when hung.
 * Every recovery is logged with its reason.
 */
export class WallWindow {
  readonly window: WallBrowserWindow;
  private readonly restart: RestartPolicy;
  private readonly hang: HangWatch;
  private retryTimer: unknown;
  private isForcedCrash = false;
  private isClosed = false;

  constructor(
    private readonly deps: WallWindowDeps,
    public plan: WindowPlan,
    public settings: WallSettings,
  ) {
    this.restart = new RestartPolicy(deps.restart);
    this.hang = new HangWatch(deps.hangGraceMs, deps.timers, (ms) => this.crashHung(ms));
    this.window = deps.createWindow(wallWindowOptions(plan.bounds, deps.isKiosk, deps.preloadPath));
    const contents = this.window.webContents;
    guardContents(contents, deps.log, this.name);
    this.window.once('ready-to-show', () => {
      this.window.show();
      deps.onShown(this);
    });
    this.window.on('unresponsive', () => {
      deps.log.warn(`recovery: ${this.name} unresponsive; crashing it if still hung in ${Math.round(deps.hangGraceMs / 1000)} s`);
      this.hang.unresponsive();
    });
    this.window.on('responsive', () => this.hang.responsive());
    this.window.on('closed', () => this.dispose());
    contents.on('render-process-gone', (_event, details) => this.handleGone(details.reason, details.exitCode));
    contents.on('did-finish-load', () => {
      // A user style sheet, which CSP does not govern; the literal keeps it obviously constant.
      if (deps.isKiosk) contents.insertCSS('* { cursor: none !important; }').catch(() => undefined);
    });
    this.load(WALL_URL);
  }

  /** "display 2 (LG TV)", for logs. */
  get name(): string {
    return `display ${this.plan.position}${this.plan.label ? ` (${this.plan.label})` : ''}`;
  }

  get contentsId(): number {
    return this.window.webContents.id;
  }

  /** The renderer's process id, for the memory watchdog; undefined while there is none. */
  get pid(): number | undefined {
    if (this.isClosed || this.window.webContents.isDestroyed()) return undefined;
    const pid = this.window.webContents.getOSProcessId();
    return pid > 0 ? pid : undefined;
  }

  /** Loads the wall afresh (menu, GPU recovery, memory watchdog), logging why. */
  reload(reason: string): void {
    if (this.isClosed) return;
    this.deps.log.warn(`recovery: reloading ${this.name}: ${reason}`);
    this.clearRetry();
    this.load(WALL_URL);
  }

  /** Moves the window to a new plan and sends it its settings. */
  update(plan: WindowPlan, settings: WallSettings): void {
    this.plan = plan;
    this.settings = settings;
    if (this.isClosed) return;
    this.window.setBounds(plan.bounds);
    sendSettings(this.window.webContents, settings);
  }

  focus(): void {
    if (!this.isClosed) this.window.focus();
  }

  close(): void {
    if (!this.isClosed && !this.window.isDestroyed()) this.window.close();
    this.dispose();
  }

  private load(url: string): void {
    this.window.webContents.loadURL(url).catch((error: unknown) => {
      // A load aborted by the next reload or a crash is routine; render-process-gone handles real crashes.
      this.deps.log.warn(`load: ${this.name} ${url}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private crashHung(ms: number): void {
    if (this.isClosed) return;
    this.deps.log.error(`recovery: ${this.name} hung for ${Math.round(ms / 1000)} s: crashing the renderer and reloading`);
    this.isForcedCrash = true;
    this.window.webContents.forcefullyCrashRenderer();
    this.load(WALL_URL);
  }

  private handleGone(reason: string, exitCode: number): void {
    this.hang.responsive();
    if (this.isClosed) return;
    if (this.isForcedCrash) {
      // Our own crash of a hung renderer; crashHung already reloaded it.
      this.isForcedCrash = false;
      return;
    }
    const decision = this.restart.onGone(reason, this.deps.timers.now());
    const what = `${this.name} renderer gone (${reason}, exit ${exitCode})`;
    if (decision.action === 'ignore') return;
    this.clearRetry();
    if (decision.action === 'reload') {
      this.deps.log.error(`recovery: ${what}: reload ${decision.attempt} in ${decision.delayMs / 1000} s`);
      this.retryTimer = this.deps.timers.setTimeout(() => this.retryLoad(), decision.delayMs);
      return;
    }
    const detail = `The renderer stopped ${decision.attempt} times (last: ${reason}). The wall tries again every ${decision.retryInMs / 1000} seconds.`;
    this.deps.log.error(`recovery: ${what}: crash ${decision.attempt} is past the cap; showing the error page and retrying every ${decision.retryInMs / 1000} s`);
    this.deps.onGiveUp(detail);
    this.load(ERROR_PAGE_URL);
    this.retryTimer = this.deps.timers.setTimeout(() => this.retryLoad(), decision.retryInMs);
  }

  private retryLoad(): void {
    this.retryTimer = undefined;
    if (!this.isClosed) this.load(WALL_URL);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.deps.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private dispose(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.clearRetry();
    this.hang.dispose();
    this.deps.onClosed(this);
  }
}
