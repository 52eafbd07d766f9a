import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import type { CliOptions } from './cliArgs';
import { describeKind, readKind } from './settingKinds';
import { SETTINGS } from './settings';

/** Settings read from a config file, and where each came from ("feed.yaml: prometheus.url"). */
export interface ConfigValues {
  values: Partial<CliOptions>;
  origin: Map<keyof CliOptions, string>;
}

/** A config file that cannot be used: the message names the file, the key and the problem; `problems` lists them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems[0]);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'nothing' : Array.isArray(v) ? 'a list' : isObject(v) ? 'a map' : String(v));

/** Checks a parsed config document against the settings table. */
export function readConfig(raw: unknown, file: string, baseDir = '.'): ConfigValues {
  const out: ConfigValues = { values: {}, origin: new Map() };
  if (raw === null || raw === undefined) return out;
  const problems: string[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const path = prefix + name;
      const spec = SETTINGS.find((s) => s.path === path);
      if (spec) {
        let read = readKind(spec.kind, value);
        if (read === undefined) {
          problems.push(`${file}: ${path}: expected ${describeKind(spec.kind, false)} (got ${shown(value)})`);
          continue;
        }
        if (spec.isFile && typeof read === 'string' && !isAbsolute(read)) read = resolve(baseDir, read);
        (out.values as Record<string, unknown>)[spec.key] = read;
        out.origin.set(spec.key, `${file}: ${path}`);
      } else if (SETTINGS.some((s) => s.path.startsWith(`${path}.`))) {
        if (isObject(value)) walk(value, `${path}.`);
        else problems.push(`${file}: ${path}: expected a map of settings (got ${shown(value)})`);
      } else {
        const known = [...new Set(SETTINGS.filter((s) => s.path.startsWith(prefix)).map((s) => s.path.slice(prefix.length).split('.')[0]))];
        problems.push(`${file}: ${path}: unknown key (known${prefix ? ` under ${prefix.slice(0, -1)}` : ''}: ${known.join(', ')})`);
      }
    }
  };
  if (!isObject(raw)) throw new ConfigError([`${file}: expected a map of settings at the top (got ${shown(raw)})`]);
  walk(raw, '');
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}

/** Reads a YAML or JSON config file (YAML reads both); relative file names in it are resolved from its folder. */
export function loadConfigFile(path: string): ConfigValues {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError([`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`}`]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
    throw new ConfigError([`${path}: ${where}${error.message.split('\n')[0]}`]);
  }
  return readConfig(raw, path, dirname(path));
}
