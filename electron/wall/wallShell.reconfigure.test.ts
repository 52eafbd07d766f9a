import { describe, expect, it } from 'vitest';
import { testShellConfig } from '../config/testConfig';
import { CHANNELS } from '../ipc/channels';
import { createLog } from '../log';
import { ManualTimers } from '../recovery/manualTimers';
import { FakeWindow } from './fakeWindow';
import { WallShell } from './wallShell';

const config = testShellConfig({ feedUrl: 'http://127.0.0.1:4000', token: 'wrong' });

describe('WallShell.reconfigure', () => {
  it('sends every window the new settings, with the corrected token, through settings-changed', () => {
    const created: FakeWindow[] = [];
    let controlChanges = 0;
    const shell = new WallShell({
      config,
      feed: { url: 'http://127.0.0.1:4000', token: 'wrong', isDemo: false },
      createWindow: (options) => {
        const w = new FakeWindow(options);
        created.push(w);
        return w;
      },
      preloadPath: '/p/preload.cjs',
      timers: new ManualTimers(),
      log: createLog(() => undefined),
      hangGraceMs: 10_000,
      openInBrowser: () => undefined,
      powerSaveBlocker: { start: () => 1, stop: () => undefined },
      relaunchWithoutGpu: () => undefined,
      onControlsChanged: () => (controlChanges += 1),
    });
    const display = (id: number, x: number) => ({ id, label: `TV ${id}`, bounds: { x, y: 0, width: 1920, height: 1080 }, workArea: { x, y: 0, width: 1920, height: 1040 } });
    shell.place([display(1, 0), display(2, 1920)], 1);
    const before = controlChanges;

    shell.reconfigure({ ...config, token: 'right', isQuiet: true }, { url: 'http://127.0.0.1:4000', token: 'right', isDemo: false });

    for (const w of created) {
      const pushed = w.webContents.sent.filter(([channel]) => channel === CHANNELS.settingsChanged);
      expect(pushed.at(-1)?.[1]).toMatchObject({ token: 'right', isQuiet: true, feedUrl: 'http://127.0.0.1:4000' });
      expect(shell.settingsFor(w.webContents.id)).toMatchObject({ token: 'right' });
    }
    expect(controlChanges).toBeGreaterThan(before);
  });
});
