import { parse as parseYaml, YAMLParseError } from 'yaml';
import { SCALAR_FIELDS } from './fields';
import type { ScalarField } from './fields';

/*
 * Turns each source of settings (command line, environment, file text) into
 * a plain object keyed like the config file. Values stay raw here; the one
 * schema in fields.ts validates all three, so every source gets the same
 * rules and the same wording.
 */

const NUMBER_FIELDS = new Set<ScalarField>(['dwell', 'memoryLimitMb', 'staleAfter', 'entityStaleAfter', 'screenInches', 'viewingDistance', 'hold']);
const BOOLEAN_FIELDS = new Set<ScalarField>(['quiet', 'kiosk', 'autostart', 'hardwareAcceleration', 'chime']);
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** `tokenFile` → `token-file`. */
function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The command-line flag of a field: `tokenFile` → `--token-file`. */
export function flagName(field: string): string {
  return `--${kebab(field)}`;
}

/** The environment variable of a field: `tokenFile` → `NOC_WALL_TOKEN_FILE`. */
export function envName(field: string): string {
  return `NOC_WALL_${kebab(field).replace(/-/g, '_').toUpperCase()}`;
}

const FIELDS = Object.keys(SCALAR_FIELDS) as ScalarField[];
const FIELD_BY_FLAG = new Map(FIELDS.map((field) => [flagName(field), field]));

/** Every flag the shell reads, for help and error messages. */
export const KNOWN_FLAGS = [...FIELDS.map(flagName), '--config', '--help'];

/**
 * Chromium and Electron switches that may reach the app's argv (test
 * drivers, debugging, GPU workarounds). They are Chromium's to read, not
 * ours, so they are neither settings nor errors.
 */
const PASSTHROUGH = /^--(remote-debugging-port|remote-debugging-pipe|inspect(-brk)?|no-sandbox|enable-logging|v|vmodule|ozone-platform(-hint)?|enable-features|disable-features|user-data-dir|force-device-scale-factor|disable-gpu[a-z-]*|use-gl|use-angle|no-zygote|disable-dev-shm-usage|lang|enable-wayland-ime|class|name)(=|$)/;

/** Text from a flag or variable, read as the field's type when it clearly is one; anything else is left for the schema to reject by name. */
export function fromText(field: ScalarField, text: string): unknown {
  const trimmed = text.trim();
  if (NUMBER_FIELDS.has(field)) return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
  if (BOOLEAN_FIELDS.has(field)) {
    const word = trimmed.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return text;
  }
  if (field === 'pages') return trimmed.split(',').map((page) => page.trim()).filter((page) => page !== '');
  return trimmed;
}

/** What the command line asked for. */
export interface FlagLayer {
  values: Record<string, unknown>;
  configPath?: string;
  isHelp: boolean;
}

/** A problem in the command line itself (unknown flag, missing value). */
export interface FlagProblem {
  message: string;
}

/** Reads the user's flags (argv without the executable and app path). */
export function readFlags(args: readonly string[]): FlagLayer | FlagProblem {
  const values: Record<string, unknown> = {};
  const layer: FlagLayer = { values, isHelp: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (PASSTHROUGH.test(arg)) continue;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === '--help' || name === '-h') {
      layer.isHelp = true;
      continue;
    }
    const negated = name.startsWith('--no-') ? FIELD_BY_FLAG.get(`--${name.slice(5)}`) : undefined;
    if (negated && BOOLEAN_FIELDS.has(negated) && inline === undefined) {
      values[negated] = false;
      continue;
    }
    const field = FIELD_BY_FLAG.get(name);
    if (!field && name !== '--config') {
      return { message: `flag ${JSON.stringify(arg)} is not a setting (allowed: ${KNOWN_FLAGS.join(', ')})` };
    }
    if (field && BOOLEAN_FIELDS.has(field) && inline === undefined) {
      values[field] = true;
      continue;
    }
    let text = inline;
    if (text === undefined) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) {
        return { message: `flag ${name}: needs a value (for example ${name} ${field === 'dwell' ? '20' : 'VALUE'})` };
      }
      text = next;
      i += 1;
    }
    if (field) values[field] = fromText(field, text);
    else layer.configPath = text;
  }
  return layer;
}

/** Reads the NOC_WALL_* variables; an empty variable counts as unset. */
export function readEnv(env: Readonly<Record<string, string | undefined>>): { values: Record<string, unknown>; configPath?: string } {
  const values: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const text = env[envName(field)];
    if (text !== undefined && text !== '') values[field] = fromText(field, text);
  }
  const configPath = env.NOC_WALL_CONFIG;
  return configPath ? { values, configPath } : { values };
}

/** Parses a config file's text (YAML, of which JSON is a subset); an empty file is no settings. */
export function readFileText(text: string): { values: unknown } | FlagProblem {
  try {
    const values: unknown = parseYaml(text, { uniqueKeys: true });
    return { values: values ?? {} };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // The first line of yaml's message already says where ("... at line 2, column 1:").
      const first = (error.message.split('\n')[0] ?? '').replace(/:$/, '');
      return { message: `not valid YAML or JSON: ${first}` };
    }
    throw error;
  }
}

/**
 * The user's arguments from Electron's argv: without the executable, and
 * without the app path that an unpackaged run (`electron .`, Playwright)
 * puts before them. Chromium switches stay; readFlags passes over them.
 */
export function userArgs(argv: readonly string[], isPackaged: boolean): string[] {
  const rest = argv.slice(1);
  if (isPackaged) return rest;
  const appPathAt = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPathAt === -1 ? rest : [...rest.slice(0, appPathAt), ...rest.slice(appPathAt + 1)];
}
