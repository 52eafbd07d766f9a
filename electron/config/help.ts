import { envName, flagName } from './sources';

/** One line per setting: flag, variable, file key and meaning. The same table docs/shell.md documents. */
const SETTINGS: ReadonlyArray<[field: string, value: string, meaning: string]> = [
  ['feed', 'URL', 'the feed, http(s)://host:port (default: the embedded demo feed)'],
  ['token', 'TOKEN', 'the feed token (prefer --token-file: flags show in process listings)'],
  ['tokenFile', 'FILE', 'a file holding the feed token'],
  ['quiet', '', 'start in quiet mode: only burning budgets'],
  ['dwell', 'SECONDS', 'seconds per page, 5 to 600 (default 20)'],
  ['pages', 'LIST', 'pages to rotate, from health,budgets,incidents'],
  ['theme', 'NAME', 'dark or light (default dark)'],
  ['kiosk', '', 'full screen on every display, no menus, cursor hidden'],
  ['display', 'WHICH', 'all, primary, a position from 1, id:NUMBER or label:TEXT'],
  ['autostart', '', 'start the wall at login'],
  ['hardwareAcceleration', '', 'use the GPU (--no-hardware-acceleration to turn off)'],
  ['memoryLimitMb', 'MB', 'reload a window whose renderer grows past this, 256 to 16384 (default 1024)'],
  ['staleAfter', 'SECONDS', 'seconds without a message before the wall shows stale (default 15)'],
  ['entityStaleAfter', 'MINUTES', 'minutes before a service or SLO shows stale (default 5)'],
  ['palette', 'NAME', 'safe (colour-vision-safe) or classic (default safe)'],
  ['screenInches', 'INCHES', 'screen diagonal, for the minimum text height (default 55)'],
  ['viewingDistance', 'METRES', 'distance of the viewers from the screen (default 3)'],
  ['hold', 'SECONDS', 'time an SLO must hold a level before it moves the wall, 0 to 3600 (default 120)'],
  ['urgentDwell', 'SECONDS|LIST', 'dwell of a page holding something urgent: 40 or incidents:60,budgets:40 (default twice the dwell)'],
  ['chime', '', 'chime when an SLO enters page level or a sev1 opens'],
  ['chimeQuietHours', 'HH:MM-HH:MM', 'local hours without the chime'],
  ['nightWindow', 'HH:MM-HH:MM', 'local hours in which the calm screen dims'],
];

/** The text `--help` prints. */
export function helpText(configDir: string): string {
  const rows = SETTINGS.map(([field, value, meaning]) => {
    const flag = `${flagName(field)}${value ? ` ${value}` : ''}`;
    return `  ${flag.padEnd(30)} ${envName(field).padEnd(34)} ${meaning}`;
  });
  return [
    'noc-wall [settings]',
    '',
    'Settings come from flags, then NOC_WALL_* variables, then the config file, then defaults.',
    `Config file: --config FILE, NOC_WALL_CONFIG, or wall.yaml / wall.yml / wall.json in ${configDir}`,
    '',
    `  ${'flag'.padEnd(30)} ${'variable'.padEnd(34)} meaning`,
    ...rows,
    '',
    'Per-display settings (display, enabled, pages, quiet, dwell, theme) go in the file under "displays".',
  ].join('\n');
}
