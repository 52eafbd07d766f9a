import { describe, expect, it } from 'vitest';
import type { WallSettings } from '../../shared/bridge/wallBridge';
import { createLog } from '../log';
import { ManualTimers } from '../recovery/manualTimers';
import { ERROR_PAGE_URL, WALL_URL } from '../security/appProtocol';
import { FakeWindow } from './fakeWindow';
import { WallWindow } from './wallWindow';

const settings: WallSettings = { feedUrl: 'http://127.0.0.1:4000', isQuiet: false, dwellSeconds: 20, pages: ['health'], isDemo: true, theme: 'dark', staleAfterSeconds: 15, entityStaleAfterMinutes: 5 };
const plan = { displayId: 7, position: 2, label: 'LG TV', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };

function setup(isKiosk = true) {
  const timers = new ManualTimers();
  const lines: string[] = [];
  const windows: FakeWindow[] = [];
  const events: string[] = [];
  const wall = new WallWindow(
    {
      createWindow: (options) => {
        const w = new FakeWindow(options);
        windows.push(w);
        return w;
      },
      preloadPath: '/p/preload.cjs',
      isKiosk,
      timers,
      log: createLog((l) => lines.push(l)),
      restart: { baseDelayMs: 1_000, maxDelayMs: 8_000, maxAttempts: 3, stableAfterMs: 600_000, errorRetryMs: 60_000 },
      hangGraceMs: 10_000,
      onShown: () => events.push('shown'),
      onClosed: () => events.push('closed'),
      onGiveUp: (detail) => events.push(`give up: ${detail}`),
    },
    plan,
    settings,
  );
  const window = windows[0] as FakeWindow;
  return { wall, window, contents: window.webContents, timers, lines, events };
}

describe('WallWindow', () => {
  it('opens hidden on its display, loads the wall, and shows on ready-to-show', () => {
    const { window, contents, events } = setup();
    expect(window.options).toMatchObject({ x: 1920, show: false, kiosk: true });
    expect(contents.loads).toEqual([WALL_URL]);
    expect(window.isShown).toBe(false);
    window.emit('ready-to-show');
    expect(window.isShown).toBe(true);
    expect(events).toEqual(['shown']);
  });

  it('hides the cursor after each load in kiosk mode only', () => {
    const kiosk = setup(true);
    kiosk.contents.emit('did-finish-load');
    expect(kiosk.contents.css).toEqual(['* { cursor: none !important; }']);
    const laptop = setup(false);
    laptop.contents.emit('did-finish-load');
    expect(laptop.contents.css).toEqual([]);
  });

  it('reloads a crashed renderer with backoff, then shows the error page that keeps retrying', () => {
    const { contents, timers, lines, events } = setup();
    const crash = () => contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    crash();
    timers.advance(999);
    expect(contents.loads).toHaveLength(1);
    timers.advance(1);
    expect(contents.loads).toEqual([WALL_URL, WALL_URL]);
    crash();
    timers.advance(2_000);
    crash();
    timers.advance(4_000);
    expect(contents.loads).toHaveLength(4);
    crash();
    expect(contents.loads.at(-1)).toBe(ERROR_PAGE_URL);
    expect(events.at(-1)).toBe('give up: The renderer stopped 4 times (last: crashed). The wall tries again every 60 seconds.');
    timers.advance(60_000);
    expect(contents.loads.at(-1)).toBe(WALL_URL);
    expect(lines.filter((l) => l.includes('recovery: display 2 (LG TV) renderer gone (crashed, exit 139)'))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/past the cap; showing the error page/);
  });

  it('ignores a clean exit', () => {
    const { contents, timers } = setup();
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    timers.advance(120_000);
    expect(contents.loads).toEqual([WALL_URL]);
  });

  it('crashes and reloads a renderer hung past the grace period, without counting its own crash', () => {
    const { window, contents, timers, lines } = setup();
    window.emit('unresponsive');
    timers.advance(9_999);
    expect(contents.crashes).toBe(0);
    timers.advance(1);
    expect(contents.crashes).toBe(1);
    expect(contents.loads).toEqual([WALL_URL, WALL_URL]);
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    timers.advance(60_000);
    expect(contents.loads).toHaveLength(2);
    expect(lines.some((l) => l.includes('error recovery: display 2 (LG TV) hung for 10 s: crashing the renderer and reloading'))).toBe(true);
  });

  it('leaves a renderer that recovers within the grace period alone', () => {
    const { window, contents, timers } = setup();
    window.emit('unresponsive');
    timers.advance(5_000);
    window.emit('responsive');
    timers.advance(60_000);
    expect(contents.crashes).toBe(0);
  });

  it('moves to a new plan and sends the new settings', () => {
    const { wall, window, contents } = setup();
    const moved = { ...plan, bounds: { x: 0, y: 0, width: 3840, height: 2160 } };
    wall.update(moved, { ...settings, isQuiet: true });
    expect(window.bounds).toEqual(moved.bounds);
    expect(contents.sent).toEqual([['wall:settings-changed', { ...settings, isQuiet: true }]]);
  });

  it('stops its timers once closed', () => {
    const { wall, window, contents, timers, events } = setup();
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    wall.close();
    expect(window.isClosed).toBe(true);
    expect(timers.pendingCount).toBe(0);
    expect(events).toEqual(['closed']);
    wall.reload('menu');
    expect(contents.loads).toEqual([WALL_URL]);
  });
});
