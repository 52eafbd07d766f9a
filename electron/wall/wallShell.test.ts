import { describe, expect, it } from 'vitest';
import type { ShellConfig } from '../config/loadConfig';
import { testShellConfig } from '../config/testConfig';
import type { DisplayInfo } from '../displays/placement';
import { createLog } from '../log';
import { ManualTimers } from '../recovery/manualTimers';
import { WALL_URL } from '../security/appProtocol';
import { FakeWindow } from './fakeWindow';
import { WallShell } from './wallShell';

const config = testShellConfig({ displays: [{ display: { kind: 'index', index: 2 }, quiet: true, pages: ['budgets'] }] });

const display = (id: number, x: number, label: string): DisplayInfo => ({ id, label, bounds: { x, y: 0, width: 1920, height: 1080 }, workArea: { x, y: 0, width: 1920, height: 1040 } });
const left = display(1, 0, 'Left TV');
const right = display(2, 1920, 'Right TV');

function setup(overrides: Partial<ShellConfig> = {}) {
  const timers = new ManualTimers();
  const created: FakeWindow[] = [];
  const opened: string[] = [];
  const relaunches: string[] = [];
  const power: string[] = [];
  const lines: string[] = [];
  let controlChanges = 0;
  const shell = new WallShell({
    config: { ...config, ...overrides },
    feed: { url: 'http://127.0.0.1:4000', isDemo: true },
    createWindow: (options) => {
      const w = new FakeWindow(options);
      created.push(w);
      return w;
    },
    preloadPath: '/p/preload.cjs',
    timers,
    log: createLog((l) => lines.push(l)),
    hangGraceMs: 10_000,
    openInBrowser: (url) => opened.push(url),
    powerSaveBlocker: { start: (type) => (power.push(`start ${type}`), 42), stop: (id) => power.push(`stop ${id}`) },
    relaunchWithoutGpu: (why) => relaunches.push(why),
    onControlsChanged: () => (controlChanges += 1),
  });
  return { shell, timers, created, opened, relaunches, power, lines, controls: () => controlChanges };
}

describe('WallShell placement', () => {
  it('opens one window per display with that display settings, and answers getSettings per window', () => {
    const { shell, created } = setup();
    shell.place([left, right], 1);
    expect(created.map((w) => w.options.x)).toEqual([0, 1920]);
    const [a, b] = created.map((w) => w.webContents.id);
    expect(shell.settingsFor(a ?? -1)).toMatchObject({ isQuiet: false, pages: ['health', 'budgets', 'incidents'], feedUrl: 'http://127.0.0.1:4000', isDemo: true });
    expect(shell.settingsFor(b ?? -1)).toMatchObject({ isQuiet: true, pages: ['budgets'] });
    expect(shell.settingsFor(999)).toBeUndefined();
    expect(shell.mainFrameOf(a ?? -1)?.url).toBe('app://wall/index.html');
  });

  it('closes the window of a removed display and re-places a changed one', () => {
    const { shell, created } = setup();
    shell.place([left, right], 1);
    shell.place([{ ...left, bounds: { x: 0, y: 0, width: 3840, height: 2160 } }], 1);
    expect(created[1]?.isClosed).toBe(true);
    expect(created[0]?.bounds.width).toBe(3840);
    expect(shell.openWindows).toHaveLength(1);
    shell.place([left, right], 1);
    expect(created).toHaveLength(3);
  });

  it('keeps the display awake while a window shows, and lets it sleep when none is left', () => {
    const { shell, created, power } = setup();
    shell.place([left, right], 1);
    created.forEach((w) => w.emit('ready-to-show'));
    expect(power).toEqual(['start prevent-display-sleep']);
    shell.place([], 0);
    expect(power).toEqual(['start prevent-display-sleep', 'stop 42']);
  });

  it('moves to one chosen display from the menu and back to all', () => {
    const { shell, created } = setup();
    shell.place([left, right], 1);
    shell.actions(() => undefined).chooseDisplay('id:2');
    expect(shell.openWindows.map((w) => w.plan.displayId)).toEqual([2]);
    expect(shell.controlState().selectedDisplay).toBe('id:2');
    shell.actions(() => undefined).chooseDisplay('all');
    expect(shell.openWindows.map((w) => w.plan.displayId).sort()).toEqual([1, 2]);
    expect(created.filter((w) => !w.isClosed)).toHaveLength(2);
  });
});

describe('WallShell controls', () => {
  it('sends quiet, pause and next page to every window and mirrors reported status', () => {
    const { shell, created, controls } = setup();
    shell.place([left, right], 1);
    const actions = shell.actions(() => undefined);
    actions.toggleQuiet();
    actions.togglePause();
    actions.nextPage();
    for (const w of created) expect(w.webContents.sent.map((m) => m[1])).toEqual(['toggle-quiet', 'toggle-pause', 'next-page']);
    expect(shell.controlState()).toMatchObject({ isQuiet: true, isPaused: true });
    const before = controls();
    shell.reportStatus(created[0]?.webContents.id ?? -1, { connection: 'live', page: 'health', isQuiet: false, isPaused: false });
    expect(shell.controlState()).toMatchObject({ isQuiet: false, isPaused: false });
    expect(controls()).toBe(before + 1);
  });

  it('opens only http(s) links in the system browser', () => {
    const { shell, opened, lines } = setup();
    shell.openLink(1, 'https://status.example/incidents/1');
    shell.openLink(1, 'file:///etc/passwd');
    shell.openLink(1, 'javascript:alert(1)');
    expect(opened).toEqual(['https://status.example/incidents/1']);
    expect(lines.filter((l) => l.includes('refused to open a non-http(s) link'))).toHaveLength(2);
  });
});

describe('WallShell recovery', () => {
  it('reloads every window when the GPU process dies, and relaunches without acceleration when it keeps dying', () => {
    const { shell, created, timers, relaunches, lines } = setup();
    shell.place([left, right], 1);
    shell.childProcessGone('Utility', 'crashed');
    shell.childProcessGone('GPU', 'crashed');
    for (const w of created) expect(w.webContents.loads).toEqual([WALL_URL, WALL_URL]);
    timers.advance(1_000);
    shell.childProcessGone('GPU', 'crashed');
    timers.advance(1_000);
    shell.childProcessGone('GPU', 'killed');
    expect(relaunches).toEqual(['GPU process gone 3 times (last: killed)']);
    expect(lines.some((l) => l.includes('recovery: GPU process gone (crashed), 1 recently: reloading every window'))).toBe(true);
  });

  it('reloads a window whose renderer grew past the memory limit', () => {
    const { shell, created, lines } = setup({ memoryLimitMb: 512 });
    shell.place([left, right], 1);
    const [a, b] = created;
    shell.checkMemory([
      { pid: a?.webContents.pid ?? 0, type: 'Tab', memory: { workingSetSize: 300 * 1024 } },
      { pid: b?.webContents.pid ?? 0, type: 'Tab', memory: { workingSetSize: 900 * 1024 } },
    ]);
    expect(a?.webContents.loads).toHaveLength(1);
    expect(b?.webContents.loads).toHaveLength(2);
    expect(lines.some((l) => l.includes('reloading display 2 (Right TV): renderer uses 900 MB, over the 512 MB limit'))).toBe(true);
  });
});
