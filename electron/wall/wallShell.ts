import type { WallCommand, WallSettings, WallStatus } from '../../shared/bridge/wallBridge';
import type { DisplaySelector } from '../config/fields';
import type { ShellConfig } from '../config/loadConfig';
import { wallSettingsFor } from '../config/wallSettings';
import type { FeedTarget } from '../config/wallSettings';
import { displayChoices } from '../controls/menuTemplate';
import type { ControlActions, ControlState } from '../controls/menuTemplate';
import { diffPlacement, planWindows } from '../displays/placement';
import type { DisplayInfo, WindowPlan } from '../displays/placement';
import { sendCommand } from '../ipc/wallIpc';
import type { FrameLike, WallIpcHandlers } from '../ipc/wallIpc';
import { GpuPolicy } from '../recovery/gpuPolicy';
import type { GpuOptions } from '../recovery/gpuPolicy';
import { MemoryWatchdog } from '../recovery/memoryWatchdog';
import type { ProcessMetricLike } from '../recovery/memoryWatchdog';
import { isExternalLink } from '../security/guards';
import { WallWindow } from './wallWindow';
import type { WallWindowDeps } from './wallWindow';

/** The part of Electron's powerSaveBlocker the shell uses. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
}

/** What the shell needs beyond what each window needs. */
export interface WallShellDeps extends Omit<WallWindowDeps, 'onShown' | 'onClosed' | 'onGiveUp' | 'isKiosk'> {
  config: ShellConfig;
  feed: FeedTarget;
  /** Electron's shell.openExternal; called only with validated http(s) URLs. */
  openInBrowser(url: string): void;
  powerSaveBlocker: PowerSaveBlockerLike;
  /** Restarts the app without hardware acceleration, remembering why. */
  relaunchWithoutGpu(reason: string): void;
  /** Called when the menus should be rebuilt (status, displays, selection). */
  onControlsChanged(): void;
  gpu?: GpuOptions;
}

/**
 * The wall's windows across displays: placement and re-placement, IPC
 * answers, menu actions, GPU and memory recovery, and keeping the display
 * awake while any window shows.
 */
export class WallShell implements WallIpcHandlers {
  private readonly windows = new Map<number, WallWindow>();
  private readonly statuses = new Map<number, WallStatus>();
  private readonly gpu: GpuPolicy;
  private readonly watchdog: MemoryWatchdog;
  private displays: DisplayInfo[] = [];
  private primaryId = 0;
  private selection: DisplaySelector;
  private blockerId: number | undefined;
  private isQuiet: boolean;
  private isPaused = false;
  /** The line the error page shows. */
  lastFailure = 'The wall is restarting.';

  constructor(private deps: WallShellDeps) {
    this.selection = deps.config.display;
    this.isQuiet = deps.config.isQuiet;
    this.gpu = new GpuPolicy(deps.gpu);
    this.watchdog = new MemoryWatchdog(deps.config.memoryLimitMb);
  }

  /** Places windows on the current displays: opens, moves and closes to match. Call on start and on every display event. */
  place(displays: readonly DisplayInfo[], primaryId: number): void {
    this.displays = [...displays];
    this.primaryId = primaryId;
    const { plans, notes } = planWindows(displays, primaryId, this.selection, this.deps.config.displays, this.deps.config.isKiosk);
    for (const note of notes) this.deps.log.warn(`displays: ${note}`);
    const change = diffPlacement([...this.windows.values()].map((w) => w.plan), plans);
    // Open before closing: closing the last window first would quit the app.
    for (const plan of change.open) this.open(plan);
    for (const plan of change.move) {
      this.deps.log.info(`displays: re-placing the window on display ${plan.position} at ${plan.bounds.width}x${plan.bounds.height}+${plan.bounds.x}+${plan.bounds.y}`);
      this.windows.get(plan.displayId)?.update(plan, this.settingsOf(plan));
    }
    for (const id of change.close) {
      this.deps.log.info(`displays: closing the window of display id ${id}`);
      this.windows.get(id)?.close();
    }
    this.deps.onControlsChanged();
  }

  /**
   * Settings re-read from an edited config file: every window gets them
   * through the bridge's onSettingsChanged, and a wall whose token or feed
   * changed reconnects with the new one.
   */
  reconfigure(config: ShellConfig, feed: FeedTarget): void {
    this.deps = { ...this.deps, config, feed };
    for (const wall of this.windows.values()) wall.update(wall.plan, this.settingsOf(wall.plan));
    this.deps.onControlsChanged();
  }

  /** The wall windows, for the watchdog and the second-instance focus. */
  get openWindows(): WallWindow[] {
    return [...this.windows.values()];
  }

  mainFrameOf(contentsId: number): FrameLike | undefined {
    return this.byContents(contentsId)?.window.webContents.mainFrame;
  }

  settingsFor(contentsId: number): WallSettings | undefined {
    return this.byContents(contentsId)?.settings;
  }

  openLink(contentsId: number, url: string): void {
    if (!isExternalLink(url)) {
      this.deps.log.warn(`security: refused to open a non-http(s) link from webContents ${contentsId}: ${url.slice(0, 200)}`);
      return;
    }
    this.deps.openInBrowser(url);
  }

  reportStatus(contentsId: number, status: WallStatus): void {
    this.statuses.set(contentsId, status);
    const all = [...this.statuses.values()];
    this.isQuiet = all.some((s) => s.isQuiet);
    this.isPaused = all.length > 0 && all.every((s) => s.isPaused);
    this.deps.onControlsChanged();
  }

  /** Sends a command to every window (menu, tray, global shortcut). */
  broadcast(command: WallCommand): void {
    for (const wall of this.windows.values()) sendCommand(wall.window.webContents, command);
  }

  /** What the menus show. */
  controlState(): ControlState {
    const selected = this.selection.kind === 'id' ? `id:${this.selection.id}` : this.selection.kind === 'all' ? 'all' : `id:${this.openWindows[0]?.plan.displayId ?? ''}`;
    return { isQuiet: this.isQuiet, isPaused: this.isPaused, displays: displayChoices(this.displays), selectedDisplay: selected };
  }

  /** The menu and tray actions. */
  actions(quit: () => void): ControlActions {
    return {
      toggleQuiet: () => {
        this.isQuiet = !this.isQuiet;
        this.broadcast('toggle-quiet');
        this.deps.onControlsChanged();
      },
      togglePause: () => {
        this.isPaused = !this.isPaused;
        this.broadcast('toggle-pause');
        this.deps.onControlsChanged();
      },
      nextPage: () => this.broadcast('next-page'),
      reload: () => this.openWindows.forEach((w) => w.reload('reload from the menu')),
      chooseDisplay: (key) => {
        const id = /^id:(\d+)$/.exec(key)?.[1];
        this.selection = id ? { kind: 'id', id: Number(id) } : { kind: 'all' };
        this.place(this.displays, this.primaryId);
      },
      quit,
    };
  }

  /** The app's `child-process-gone`: a dead GPU process reloads the windows, a recurring one turns acceleration off. */
  childProcessGone(type: string, reason: string): void {
    if (type !== 'GPU') return;
    const decision = this.gpu.onGpuGone(reason, this.deps.timers.now());
    if (decision.action === 'ignore') return;
    if (decision.action === 'reload-windows') {
      this.deps.log.error(`recovery: GPU process gone (${reason}), ${decision.crashes} recently: reloading every window`);
      this.openWindows.forEach((w) => w.reload(`GPU process gone (${reason})`));
      return;
    }
    const why = `GPU process gone ${decision.crashes} times (last: ${reason})`;
    this.deps.log.error(`recovery: ${why}: restarting without hardware acceleration`);
    this.deps.relaunchWithoutGpu(why);
  }

  /** One poll of the memory watchdog with app.getAppMetrics(). */
  checkMemory(metrics: readonly ProcessMetricLike[]): void {
    const walls = this.openWindows;
    for (const verdict of this.watchdog.check(metrics, walls.map((w) => ({ id: w.contentsId, pid: w.pid })), this.deps.timers.now())) {
      this.byContents(verdict.id)?.reload(`renderer uses ${verdict.workingSetMb} MB, over the ${this.deps.config.memoryLimitMb} MB limit`);
    }
  }

  private settingsOf(plan: WindowPlan): WallSettings {
    return wallSettingsFor(this.deps.config, plan, this.deps.feed);
  }

  private byContents(contentsId: number): WallWindow | undefined {
    return this.openWindows.find((w) => w.contentsId === contentsId);
  }

  private open(plan: WindowPlan): void {
    this.deps.log.info(`displays: opening a window on display ${plan.position}${plan.label ? ` (${plan.label})` : ''}`);
    const wall = new WallWindow(
      {
        ...this.deps,
        isKiosk: this.deps.config.isKiosk,
        onShown: () => {
          if (this.blockerId === undefined) this.blockerId = this.deps.powerSaveBlocker.start('prevent-display-sleep');
        },
        onClosed: (closed) => this.forget(closed),
        onGiveUp: (detail) => (this.lastFailure = detail),
      },
      plan,
      this.settingsOf(plan),
    );
    this.windows.set(plan.displayId, wall);
  }

  private forget(closed: WallWindow): void {
    if (this.windows.get(closed.plan.displayId) === closed) this.windows.delete(closed.plan.displayId);
    this.statuses.delete(closed.contentsId);
    this.watchdog.forget(closed.contentsId);
    if (this.windows.size === 0 && this.blockerId !== undefined) {
      this.deps.powerSaveBlocker.stop(this.blockerId);
      this.blockerId = undefined;
    }
  }
}
