import { describe, expect, it } from 'vitest';
import { applyAutostart, autostartDesktopEntry, autostartEntryPath, quoteExecArg } from './autostart';
import type { AutostartTarget } from './autostart';

describe('quoteExecArg', () => {
  it('leaves plain arguments alone', () => {
    expect(quoteExecArg('/opt/noc-wall/noc-wall')).toBe('/opt/noc-wall/noc-wall');
    expect(quoteExecArg('--kiosk')).toBe('--kiosk');
  });

  it('quotes reserved characters and escapes per the Desktop Entry spec', () => {
    expect(quoteExecArg('/opt/NOC Wall/noc-wall')).toBe('"/opt/NOC Wall/noc-wall"');
    // $ is escaped for the quote rule (\$), then the backslash is escaped for the string rule (\\$).
    expect(quoteExecArg('/home/a$b/wall')).toBe('"/home/a\\\\$b/wall"');
    expect(quoteExecArg('say "hi"')).toBe('"say \\\\"hi\\\\""');
    expect(quoteExecArg('C:\\x')).toBe('"C:\\\\\\\\x"');
    expect(quoteExecArg('100%')).toBe('100%%');
    expect(quoteExecArg('')).toBe('""');
  });

  it('refuses control characters, which no desktop entry can hold', () => {
    expect(() => quoteExecArg('a\nb')).toThrow(/control characters/);
  });
});

describe('autostartDesktopEntry', () => {
  it('launches the AppImage with a quoted path', () => {
    const entry = autostartDesktopEntry({ command: '/home/ops/Apps/NOC Wall.AppImage', args: [] });
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=NOC Wall',
      'Comment=Service health, SLO error budgets and incidents on a wall display',
      'Exec="/home/ops/Apps/NOC Wall.AppImage"',
      'Icon=noc-wall',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      'X-GNOME-Autostart-Delay=5',
      '',
    ]);
  });

  it('passes the app path when the wall runs from source', () => {
    expect(autostartDesktopEntry({ command: '/src/node_modules/electron/dist/electron', args: ['/src/noc wall'] })).toContain('Exec=/src/node_modules/electron/dist/electron "/src/noc wall"\n');
  });
});

describe('autostartEntryPath', () => {
  it('uses XDG_CONFIG_HOME when it is absolute, else ~/.config', () => {
    expect(autostartEntryPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ops')).toBe('/cfg/autostart/noc-wall.desktop');
    expect(autostartEntryPath({ XDG_CONFIG_HOME: 'relative' }, '/home/ops')).toBe('/home/ops/.config/autostart/noc-wall.desktop');
    expect(autostartEntryPath({}, '/home/ops')).toBe('/home/ops/.config/autostart/noc-wall.desktop');
  });
});

describe('applyAutostart', () => {
  function target(platform: string) {
    const files = new Map<string, string>();
    const loginItems: unknown[] = [];
    const t: AutostartTarget = {
      platform,
      launch: { command: '/opt/noc-wall/noc-wall', args: [] },
      app: { setLoginItemSettings: (s) => loginItems.push(s) },
      fs: { write: (p, text) => files.set(p, text), remove: (p) => files.delete(p), exists: (p) => files.has(p) },
      env: {},
      home: '/home/ops',
    };
    return { t, files, loginItems };
  }

  it('writes and removes the XDG entry on Linux', () => {
    const { t, files } = target('linux');
    expect(applyAutostart(true, t)).toBe('autostart: wrote /home/ops/.config/autostart/noc-wall.desktop');
    expect(files.get('/home/ops/.config/autostart/noc-wall.desktop')).toContain('Exec=/opt/noc-wall/noc-wall\n');
    expect(applyAutostart(false, t)).toBe('autostart: removed /home/ops/.config/autostart/noc-wall.desktop');
    expect(files.size).toBe(0);
    expect(applyAutostart(false, t)).toBe('autostart: off');
  });

  it.each(['darwin', 'win32'])('uses login items on %s', (platform) => {
    const { t, files, loginItems } = target(platform);
    applyAutostart(true, t);
    applyAutostart(false, t);
    expect(loginItems).toEqual([{ openAtLogin: true, path: '/opt/noc-wall/noc-wall', args: [] }, { openAtLogin: false }]);
    expect(files.size).toBe(0);
  });
});
