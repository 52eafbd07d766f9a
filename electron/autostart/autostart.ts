import { join } from 'node:path';

/*
 * Starting the wall at login. macOS and Windows keep login items
 * themselves (Electron's setLoginItemSettings); Linux desktops read XDG
 * autostart entries from ~/.config/autostart. The setting is the source of
 * truth: every launch writes the entry when it is on and removes it when off.
 */

/** How to launch the wall: the executable and its arguments (the app path, when not packaged). */
export interface LaunchCommand {
  command: string;
  args: readonly string[];
}

// Characters the Desktop Entry spec reserves in Exec: an argument holding
// any of them must be quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** Quotes one Exec argument per the Desktop Entry spec: quote rules first, then the string escape of backslashes, then `%` doubled. */
export function quoteExecArg(arg: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(arg)) throw new Error(`autostart: an argument with control characters cannot go in a desktop entry: ${JSON.stringify(arg)}`);
  const quoted = RESERVED.test(arg) || arg === '' ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The XDG autostart entry that launches the wall. */
export function autostartDesktopEntry(launch: LaunchCommand, appName = 'NOC Wall'): string {
  const exec = [launch.command, ...launch.args].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${appName}`,
    'Comment=Service health, SLO error budgets and incidents on a wall display',
    `Exec=${exec}`,
    'Icon=noc-wall',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'X-GNOME-Autostart-Delay=5',
    '',
  ].join('\n');
}

/** Where the entry goes: $XDG_CONFIG_HOME/autostart, or ~/.config/autostart. */
export function autostartEntryPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', 'noc-wall.desktop');
}

/** The file operations the Linux entry needs. */
export interface AutostartFs {
  write(path: string, text: string): void;
  remove(path: string): void;
  exists(path: string): boolean;
}

/** The part of Electron's app that keeps login items on macOS and Windows. */
export interface LoginItems {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

/** Everything applyAutostart touches. */
export interface AutostartTarget {
  platform: string;
  launch: LaunchCommand;
  app: LoginItems;
  fs: AutostartFs;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

/** Makes the system's autostart match the setting; returns what it did, for the log. */
export function applyAutostart(isEnabled: boolean, target: AutostartTarget): string {
  if (target.platform === 'darwin' || target.platform === 'win32') {
    target.app.setLoginItemSettings(isEnabled ? { openAtLogin: true, path: target.launch.command, args: [...target.launch.args] } : { openAtLogin: false });
    return `autostart: login item ${isEnabled ? 'on' : 'off'}`;
  }
  const path = autostartEntryPath(target.env, target.home);
  if (isEnabled) {
    target.fs.write(path, autostartDesktopEntry(target.launch));
    return `autostart: wrote ${path}`;
  }
  if (!target.fs.exists(path)) return 'autostart: off';
  target.fs.remove(path);
  return `autostart: removed ${path}`;
}
