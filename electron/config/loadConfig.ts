import { join } from 'node:path';
import { WALL_PAGES } from '../../shared/bridge/wallBridge';
import type { Palette, Theme, TimeWindow, WallPage } from '../../shared/bridge/wallBridge';
import { fileSchema, SCALAR_FIELDS } from './fields';
import type { DisplayOverride, DisplaySelector, SettingsLayer } from './fields';
import { dottedPath, formatIssue } from './messages';
import type { SettingSource } from './messages';
import { envName, flagName, readEnv, readFileText, readFlags } from './sources';

/** The shell's resolved settings: flags over environment over file over defaults. */
export interface ShellConfig {
  /** The feed; undefined means the embedded demo feed. */
  feedUrl?: string;
  token?: string;
  isQuiet: boolean;
  dwellSeconds: number;
  pages: WallPage[];
  theme: Theme;
  isKiosk: boolean;
  /** Which displays get a wall window. */
  display: DisplaySelector;
  displays: DisplayOverride[];
  isAutostart: boolean;
  hasHardwareAcceleration: boolean;
  memoryLimitMb: number;
  staleAfterSeconds: number;
  entityStaleAfterMinutes: number;
  palette: Palette;
  screenInches: number;
  viewingDistanceMeters: number;
  holdSeconds: number;
  urgentDwellSeconds: Partial<Record<WallPage, number>>;
  chime: boolean;
  chimeQuietHours: TimeWindow | null;
  nightWindow: TimeWindow | null;
}

/** The file access loadConfig needs; tests pass an in-memory one. */
export interface ConfigFs {
  exists(path: string): boolean;
  /** Returns the file's text or throws an error with a `code` (ENOENT, EACCES). */
  readText(path: string): string;
}

/** Everything loadConfig reads. */
export interface ConfigInput {
  /** The user's arguments: argv without the executable and the app path. */
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The platform's config folder for the app (Electron's userData). */
  configDir: string;
  fs: ConfigFs;
}

/** The outcome: settings, a request for help, or one message naming the bad field. */
export type ConfigResult = { kind: 'ok'; config: ShellConfig; configPath?: string } | { kind: 'help' } | { kind: 'error'; message: string };

/** File names looked for in the config folder, in order. */
export const CONFIG_FILE_NAMES = ['wall.yaml', 'wall.yml', 'wall.json'];

const FILE_KEYS = [...Object.keys(SCALAR_FIELDS), 'displays'];
const DISPLAY_KEYS = ['display', 'enabled', 'pages', 'quiet', 'dwell', 'theme'];

interface Layer {
  source: SettingSource;
  values: SettingsLayer;
}

function flagSource(): SettingSource {
  const nameOf = (path: readonly PropertyKey[]) => flagName(String(path[0] ?? ''));
  return { where: 'flag', nameOf, label: (path) => `flag ${nameOf(path)}`, allowedKeysAt: () => [] };
}
function envSource(): SettingSource {
  const nameOf = (path: readonly PropertyKey[]) => envName(String(path[0] ?? ''));
  return { where: 'environment', nameOf, label: (path) => `environment ${nameOf(path)}`, allowedKeysAt: () => [] };
}
function fileSource(file: string): SettingSource {
  const where = `config ${file}`;
  const label = (path: readonly PropertyKey[]) => (path.length === 0 ? where : `${where}: ${dottedPath(path)}`);
  return { where, nameOf: dottedPath, label, allowedKeysAt: (at) => (at.length === 0 ? FILE_KEYS : DISPLAY_KEYS) };
}

function validate(source: SettingSource, raw: unknown): Layer | { message: string } {
  const parsed = fileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { message: issue ? formatIssue(source, issue) : `${source.where}: invalid settings` };
  }
  return { source, values: parsed.data };
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

function findConfigFile(input: ConfigInput, explicit: { path: string; source: string } | undefined): { path?: string } | { message: string } {
  if (explicit) {
    return input.fs.exists(explicit.path) ? { path: explicit.path } : { message: `${explicit.source}: ${JSON.stringify(explicit.path)} is not a readable file (allowed: the path of a YAML or JSON config file)` };
  }
  const found = CONFIG_FILE_NAMES.map((name) => join(input.configDir, name)).find((path) => input.fs.exists(path));
  return found ? { path: found } : {};
}

function readLayerFile(input: ConfigInput, path: string): Layer | { message: string } {
  const source = fileSource(path);
  let text: string;
  try {
    text = input.fs.readText(path);
  } catch (error) {
    return { message: `${source.where}: cannot be read (${reason(error)})` };
  }
  const parsed = readFileText(text);
  if ('message' in parsed) return { message: `${source.where}: ${parsed.message}` };
  return validate(source, parsed.values);
}

function resolveToken(input: ConfigInput, layers: readonly Layer[]): { token?: string } | { message: string } {
  for (const { source, values } of layers) {
    if (values.token !== undefined && values.tokenFile !== undefined) {
      return { message: `${source.label(['token'])} and ${source.nameOf(['tokenFile'])} are both set (allowed: one of them)` };
    }
    if (values.token !== undefined) return { token: values.token };
    if (values.tokenFile !== undefined) {
      const name = `${source.label(['tokenFile'])}: ${JSON.stringify(values.tokenFile)}`;
      let text: string;
      try {
        text = input.fs.readText(values.tokenFile);
      } catch (error) {
        return { message: `${name} is not a readable file (${reason(error)}; allowed: a file holding the token)` };
      }
      const token = text.trim();
      if (token === '' || token.length > 4096 || /[\r\n]/.test(token)) return { message: `${name} does not hold a token (allowed: one line of 1 to 4096 characters)` };
      return { token };
    }
  }
  return {};
}

/** Resolves the shell's settings from flags, environment, config file and defaults, or says in one line what is wrong. */
export function loadConfig(input: ConfigInput): ConfigResult {
  const flags = readFlags(input.args);
  if ('message' in flags) return { kind: 'error', message: flags.message };
  if (flags.isHelp) return { kind: 'help' };
  const env = readEnv(input.env);
  const explicit = flags.configPath !== undefined ? { path: flags.configPath, source: 'flag --config' } : env.configPath !== undefined ? { path: env.configPath, source: 'environment NOC_WALL_CONFIG' } : undefined;
  const file = findConfigFile(input, explicit);
  if ('message' in file) return { kind: 'error', message: file.message };

  const layers: Layer[] = [];
  for (const candidate of [validate(flagSource(), flags.values), validate(envSource(), env.values)]) {
    if ('message' in candidate) return { kind: 'error', message: candidate.message };
    layers.push(candidate);
  }
  if (file.path !== undefined) {
    const fileLayer = readLayerFile(input, file.path);
    if ('message' in fileLayer) return { kind: 'error', message: fileLayer.message };
    layers.push(fileLayer);
  }
  const token = resolveToken(input, layers);
  if ('message' in token) return { kind: 'error', message: token.message };

  const pick = <K extends keyof SettingsLayer>(key: K): SettingsLayer[K] => layers.find((layer) => layer.values[key] !== undefined)?.values[key];
  const isKiosk = pick('kiosk') ?? false;
  const config: ShellConfig = {
    feedUrl: pick('feed'),
    token: token.token,
    isQuiet: pick('quiet') ?? false,
    dwellSeconds: pick('dwell') ?? 20,
    pages: pick('pages') ?? [...WALL_PAGES],
    theme: pick('theme') ?? 'dark',
    isKiosk,
    display: pick('display') ?? (isKiosk ? { kind: 'all' } : { kind: 'primary' }),
    displays: pick('displays') ?? [],
    isAutostart: pick('autostart') ?? false,
    hasHardwareAcceleration: pick('hardwareAcceleration') ?? true,
    memoryLimitMb: pick('memoryLimitMb') ?? 1024,
    staleAfterSeconds: pick('staleAfter') ?? 15,
    entityStaleAfterMinutes: pick('entityStaleAfter') ?? 5,
    palette: pick('palette') ?? 'safe',
    screenInches: pick('screenInches') ?? 55,
    viewingDistanceMeters: pick('viewingDistance') ?? 3,
    holdSeconds: pick('hold') ?? 120,
    urgentDwellSeconds: pick('urgentDwell') ?? {},
    chime: pick('chime') ?? false,
    chimeQuietHours: pick('chimeQuietHours') ?? null,
    nightWindow: pick('nightWindow') ?? null,
  };
  return file.path !== undefined ? { kind: 'ok', config, configPath: file.path } : { kind: 'ok', config };
}
