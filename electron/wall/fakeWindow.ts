import type { Rect } from '../displays/placement';
import type { FrameLike } from '../ipc/wallIpc';
import type { WallWindowOptions } from './windowOptions';
import type { WallBrowserWindow, WallContents } from './wallWindow';

type Listener = (...args: never[]) => void;

/** A stand-in for Electron's WebContents that records what the shell did to it. Used by tests. */
export class FakeContents implements WallContents {
  static nextId = 1;
  readonly id = FakeContents.nextId++;
  readonly mainFrame: FrameLike = { url: 'app://wall/index.html', processId: 100 + this.id, routingId: 1, parent: null };
  readonly loads: string[] = [];
  readonly sent: unknown[][] = [];
  readonly css: string[] = [];
  crashes = 0;
  pid = 1000 + this.id;
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  setWindowOpenHandler(): void {}
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    return Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
  }
  getOSProcessId(): number {
    return this.pid;
  }
  insertCSS(css: string): Promise<string> {
    this.css.push(css);
    return Promise.resolve('key');
  }
  isDestroyed(): boolean {
    return false;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

/** A stand-in for Electron's BrowserWindow. Used by tests. */
export class FakeWindow implements WallBrowserWindow {
  readonly webContents = new FakeContents();
  bounds: Rect;
  isShown = false;
  isFocused = false;
  isClosed = false;
  private readonly listeners = new Map<string, Array<() => void>>();

  constructor(readonly options: WallWindowOptions) {
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
  }
  setBounds(bounds: Rect): void {
    this.bounds = bounds;
  }
  show(): void {
    this.isShown = true;
  }
  focus(): void {
    this.isFocused = true;
  }
  close(): void {
    this.isClosed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.isClosed;
  }
  once(event: string, listener: () => void): this {
    return this.on(event, listener);
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}
