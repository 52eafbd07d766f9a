import type { Severity } from '../shared/protocol/entities';
import { loadConfigFile } from './configFile';
import type { ConfigValues } from './configFile';
import { describeKind, readKind } from './settingKinds';
import { flagHelp, settingByFlag, SETTINGS } from './settings';
import type { SourceName } from './settings';

/** What the feed was asked to do: flags over the config file over defaults (the table is feed/settings.ts). */
export interface CliOptions {
  port: number;
  host: string;
  token?: string;
  tokenFile?: string;
  seed: number;
  services?: number;
  slos?: number;
  scenario?: string;
  speed?: number;
  heartbeatMs?: number;
  tickMs?: number;
  allowedOrigins?: string[];
  maxConnections?: number;
  source?: SourceName;
  /** The config file read, if any. */
  config?: string;
  prometheus?: string;
  alertmanager?: string;
  interval?: number;
  preset?: 'sloth' | 'pyrra';
  queryErrorRatio?: string;
  queryPeriodRatio?: string;
  queryObjective?: string;
  queryPeriodDays?: string;
  labelId?: string;
  labelService?: string;
  labelName?: string;
  windows?: Record<string, string>;
  queryUp?: string;
  upJobLabel?: string;
  upServiceLabel?: string;
  serviceJobs?: Record<string, string[]>;
  groupBy?: string[];
  severityLabel?: string;
  severities?: Record<string, Severity>;
  alertServiceLabel?: string;
  resolvedRetentionMs?: number;
}

/** The port the feed listens on when none is given. */
export const DEFAULT_PORT = 8090;

export const USAGE = `Usage: npm run feed -- [--config FILE] [options]
  --config FILE           read settings from a YAML or JSON file; flags win
                          over it (see docs/prometheus.md, "Feed config")
${flagHelp()}
  --help                  show this
With --source prometheus, SLOs come from Prometheus and incidents from
Alertmanager (see docs/prometheus.md).`;

type Layer = { values: Partial<CliOptions>; origin: Map<keyof CliOptions, string> };

function readFlags(argv: readonly string[]): Layer | 'help' {
  const layer: Layer = { values: {}, origin: new Map() };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = flag === '--config' ? undefined : settingByFlag(flag);
    if (!spec && flag !== '--config') {
      const flags = ['--config', ...SETTINGS.flatMap((s) => (s.flag ? [s.flag] : []))];
      throw new Error(`unknown ${arg.startsWith('-') ? 'flag' : 'argument'} "${arg}" (flags: ${flags.join(', ')})`);
    }
    let raw: string | undefined;
    if (eq > 0 && flag !== arg) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      if (raw === undefined || raw.startsWith('--')) throw new Error(`${flag} needs a value`);
      i += 1;
    }
    if (given.has(flag)) throw new Error(`${flag} is given twice`);
    given.add(flag);
    if (raw.trim() === '') throw new Error(`${flag} must not be empty`);
    if (!spec) {
      layer.values.config = raw;
      continue;
    }
    const value = readKind(spec.kind, raw);
    if (value === undefined) throw new Error(`${flag} "${raw}" is not valid: expected ${describeKind(spec.kind, true)}`);
    (layer.values as Record<string, unknown>)[spec.key] = value;
    layer.origin.set(spec.key, flag);
  }
  return layer;
}

/**
 * Reads the CLI's arguments and the config file they name. Returns 'help'
 * for --help; throws an Error with one line naming the flag or the file and
 * key, the value and what is allowed (a ConfigError lists every problem of a
 * file).
 */
export function parseCliArgs(argv: readonly string[], loadConfig: (path: string) => ConfigValues = loadConfigFile): CliOptions | 'help' {
  const flags = readFlags(argv);
  if (flags === 'help') return 'help';
  const file: Layer = flags.values.config === undefined ? { values: {}, origin: new Map() } : loadConfig(flags.values.config);
  // Exclusive pairs: a flag replaces the file's choice; two in one layer is a mistake.
  for (const layer of [file, flags]) {
    if (layer.values.token !== undefined && layer.values.tokenFile !== undefined) {
      throw new Error(`${layer.origin.get('token')} and ${layer.origin.get('tokenFile')} are exclusive: give one`);
    }
  }
  if (flags.values.token !== undefined || flags.values.tokenFile !== undefined) {
    for (const key of ['token', 'tokenFile'] as const) {
      delete file.values[key];
      file.origin.delete(key);
    }
  }
  const source: SourceName = flags.values.source ?? file.values.source ?? (flags.values.scenario ?? file.values.scenario ? 'scenario' : 'simulator');
  // A source picked on the command line ignores the file's settings for other sources.
  if (flags.values.source !== undefined) {
    for (const spec of SETTINGS) {
      if (spec.only && spec.only !== source && file.origin.has(spec.key)) {
        delete file.values[spec.key];
        file.origin.delete(spec.key);
      }
    }
  }
  const options: CliOptions = { port: DEFAULT_PORT, host: '127.0.0.1', seed: 1, ...file.values, ...flags.values };
  const origin = new Map([...file.origin, ...flags.origin]);
  if (options.queryErrorRatio !== undefined && !options.queryErrorRatio.includes('{window}')) {
    throw new Error(`${origin.get('queryErrorRatio')} must contain {window}, replaced by each window's name`);
  }
  const problem = checkSource(options, source, origin);
  if (problem) throw new Error(problem);
  return options;
}

/** Every setting must belong to the chosen source, and that source must have what it needs. */
function checkSource(options: CliOptions, source: SourceName, origin: Map<keyof CliOptions, string>): string | undefined {
  const name = (key: keyof CliOptions) => origin.get(key) ?? key;
  const sourceName = origin.has('source') && !name('source').startsWith('--') ? `${name('source')}: ${source}` : `--source ${source}`;
  if (source === 'prometheus' && options.prometheus === undefined) return `${sourceName} needs --prometheus URL (or prometheus.url in the config file)`;
  if (source === 'scenario' && options.scenario === undefined) return `${sourceName} needs --scenario FILE (or scenario in the config file)`;
  const stray = SETTINGS.filter((s) => s.only && s.only !== source && origin.has(s.key));
  if (stray.length === 0) return undefined;
  const names = stray.map((s) => name(s.key)).join(', ');
  const plural = stray.length > 1;
  if (source === 'prometheus') return `${names} ${plural ? 'do' : 'does'} not apply to --source prometheus`;
  if (stray.some((s) => s.only === 'prometheus')) {
    const only = stray.filter((s) => s.only === 'prometheus');
    return `${only.map((s) => name(s.key)).join(', ')} ${only.length > 1 ? 'apply' : 'applies'} only with --source prometheus`;
  }
  if (source === 'scenario') return `${names} ${plural ? 'apply' : 'applies'} to the simulator, not to --scenario (a scenario sets its own company with "company:")`;
  if (origin.has('scenario')) return `${name('scenario')} needs the scenario source, but ${sourceName} is given`;
  return `${names} ${plural ? 'apply' : 'applies'} only with --scenario`;
}
