/** What the feed CLI was asked to do. */
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
  source?: 'simulator' | 'scenario' | 'prometheus';
  prometheus?: string;
  alertmanager?: string;
  interval?: number;
}

/** The port the feed listens on when none is given. */
export const DEFAULT_PORT = 8090;

export const USAGE = `Usage: npm run feed -- [options]
  --port P          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1)
  --token T         require this token from clients
  --token-file F    read the token from a file (keeps it out of the process list)
  --seed N          simulator seed (default 1): same seed, same company and story
  --services N      simulated services (default 40, at most 20000)
  --slos N          simulated SLOs in total (default 1 to 4 per service)
  --scenario FILE   play a JSON or YAML scenario instead (see docs/scenarios.md)
  --speed X         scenario seconds per real second (default 1)
  --heartbeat-ms MS silence before a heartbeat (default 5000)
  --tick-ms MS      simulator step (default 1000)
  --source prometheus --prometheus URL [--alertmanager URL] [--interval S]
                    read Sloth/Pyrra SLOs from Prometheus, incidents from
                    Alertmanager (see docs/prometheus.md)
  --help            show this`;

type Kind = { int: [min: number, max: number] } | { number: [min: number, max: number] } | 'string';
const FLAGS: Record<string, { key: keyof CliOptions; kind: Kind }> = {
  '--port': { key: 'port', kind: { int: [0, 65_535] } },
  '--host': { key: 'host', kind: 'string' },
  '--token': { key: 'token', kind: 'string' },
  '--token-file': { key: 'tokenFile', kind: 'string' },
  '--seed': { key: 'seed', kind: { int: [-2_147_483_648, 4_294_967_295] } },
  '--services': { key: 'services', kind: { int: [1, 20_000] } },
  '--slos': { key: 'slos', kind: { int: [1, 250_000] } },
  '--scenario': { key: 'scenario', kind: 'string' },
  '--speed': { key: 'speed', kind: { number: [0.01, 100_000] } },
  '--heartbeat-ms': { key: 'heartbeatMs', kind: { int: [50, 3_600_000] } },
  '--tick-ms': { key: 'tickMs', kind: { int: [10, 3_600_000] } },
  '--source': { key: 'source', kind: 'string' },
  '--prometheus': { key: 'prometheus', kind: 'string' },
  '--alertmanager': { key: 'alertmanager', kind: 'string' },
  '--interval': { key: 'interval', kind: { number: [0.5, 3_600] } },
};

function read(flag: string, kind: Kind, raw: string): string | number {
  if (kind === 'string') {
    if (raw.trim() === '') throw new Error(`${flag} must not be empty`);
    return raw;
  }
  const isInt = 'int' in kind;
  const [min, max] = isInt ? kind.int : kind.number;
  const value = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(value) && (!isInt || Number.isInteger(value)) && value >= min && value <= max;
  if (!ok) throw new Error(`${flag} "${raw}" is not valid: expected ${isInt ? 'an integer' : 'a number'} from ${min} to ${max}`);
  return value;
}

/**
 * Reads the CLI's arguments. Returns 'help' for --help; throws an Error with
 * one line naming the flag, the value and what is allowed.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { port: DEFAULT_PORT, host: '127.0.0.1', seed: 1 };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[flag];
    if (!spec) throw new Error(`unknown ${arg.startsWith('-') ? 'flag' : 'argument'} "${arg}" (flags: ${Object.keys(FLAGS).join(', ')})`);
    let raw: string | undefined;
    if (eq > 0 && flag !== arg) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      if (raw === undefined || raw.startsWith('--')) throw new Error(`${flag} needs a value`);
      i += 1;
    }
    if (given.has(flag)) throw new Error(`${flag} is given twice`);
    given.add(flag);
    (options as unknown as Record<string, unknown>)[spec.key] = read(flag, spec.kind, raw);
  }
  if (given.has('--token') && given.has('--token-file')) throw new Error('--token and --token-file are exclusive: give one');
  const problem = checkSource(options, given);
  if (problem) throw new Error(problem);
  if (given.has('--scenario')) {
    const stray = ['--seed', '--services', '--slos', '--tick-ms'].filter((f) => given.has(f));
    if (stray.length) throw new Error(`${stray.join(', ')} ${stray.length > 1 ? 'apply' : 'applies'} to the simulator, not to --scenario (a scenario sets its own company with "company:")`);
  } else if (given.has('--speed')) {
    throw new Error('--speed applies only with --scenario');
  }
  return options;
}

const PROMETHEUS_FLAGS = ['--prometheus', '--alertmanager', '--interval'];

/** The source flags must agree: --source prometheus needs --prometheus, and only it takes the Prometheus flags. */
function checkSource(options: CliOptions, given: Set<string>): string | undefined {
  if (options.source !== undefined && !['simulator', 'scenario', 'prometheus'].includes(options.source)) {
    return `--source "${options.source}" is not valid: expected simulator, scenario or prometheus`;
  }
  if (options.source === 'prometheus') {
    if (!given.has('--prometheus')) return '--source prometheus needs --prometheus URL';
    for (const flag of ['--prometheus', '--alertmanager']) {
      const url = flag === '--prometheus' ? options.prometheus : options.alertmanager;
      if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) return `${flag} "${url}" is not valid: expected an http or https URL`;
    }
    const stray = ['--scenario', '--seed', '--services', '--slos', '--tick-ms', '--speed'].filter((f) => given.has(f));
    if (stray.length) return `${stray.join(', ')} ${stray.length > 1 ? 'do' : 'does'} not apply to --source prometheus`;
    return undefined;
  }
  const stray = PROMETHEUS_FLAGS.filter((f) => given.has(f));
  if (stray.length) return `${stray.join(', ')} ${stray.length > 1 ? 'apply' : 'applies'} only with --source prometheus`;
  return undefined;
}
