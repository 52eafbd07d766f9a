// The bench's scenarios and its command line.
import { MAX_ENDURANCE_MINUTES, enduranceSpeed } from './loadPlan';

/** One bench scenario. */
export interface Scenario {
  name: 'small' | 'large' | 'burst' | 'endurance';
  services: number;
  slos: number;
  /** Active incidents in the snapshot; 0 leaves the simulator's own. */
  incidents: number;
  updatesPerSecond: number;
  /** Real seconds of load. */
  loadSeconds: number;
  /** Play the simulator's story during the load. */
  story: boolean;
  /** Story time per real time. */
  speed: number;
  /** Measure the idle wall in parts too: paused on one screen, and drawing nothing. */
  idleParts: boolean;
}

/** What the command line asked for. */
export interface BenchArgs {
  scenarios: Scenario[];
  enduranceMinutes: number;
  /** Record a CPU profile over the load and print the top self-time functions. */
  profile: boolean;
  /** Record a Chromium trace over the load and print what each long task was made of. */
  trace: boolean;
  /** The built wall to serve; `dist/renderer` by default, another build to compare two versions. */
  dist: string;
}

const NAMES = ['small', 'large', 'burst', 'endurance'] as const;
/** Real length of the endurance run when no flag says otherwise: the longest the 24 story hours may take. */
export const DEFAULT_ENDURANCE_MINUTES = MAX_ENDURANCE_MINUTES;

/** The four scenarios; endurance plays 24 story hours of the large company in `enduranceMinutes`. */
export function scenarios(enduranceMinutes: number, loadSeconds = 30): Scenario[] {
  return [
    { name: 'small', services: 50, slos: 150, incidents: 0, updatesPerSecond: 1, loadSeconds, story: false, speed: 1, idleParts: true },
    { name: 'large', services: 2_000, slos: 6_000, incidents: 50, updatesPerSecond: 2_000, loadSeconds, story: false, speed: 1, idleParts: false },
    { name: 'burst', services: 20_000, slos: 100_000, incidents: 0, updatesPerSecond: 0, loadSeconds: 0, story: false, speed: 1, idleParts: false },
    {
      name: 'endurance',
      services: 2_000,
      slos: 6_000,
      incidents: 50,
      updatesPerSecond: 2_000,
      loadSeconds: enduranceMinutes * 60,
      story: true,
      speed: enduranceSpeed(enduranceMinutes),
      idleParts: false,
    },
  ];
}

/**
 * `--scenario small,large` (default small, large and burst; endurance only
 * when named or when `--endurance-minutes` is given), `--endurance-minutes N`
 * (real minutes for the 24 story hours, at most 20, default 20),
 * `--seconds N` (load length of small and large, default 30), `--profile`,
 * `--trace`,
 * `--dist DIR` (the built wall to serve, default dist/renderer).
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const minutesFlag = value('endurance-minutes');
  const enduranceMinutes = minutesFlag === undefined ? DEFAULT_ENDURANCE_MINUTES : Number(minutesFlag);
  const seconds = Number(value('seconds') ?? 30);
  if (!(seconds > 0)) throw new Error(`--seconds must be positive`);
  const all = scenarios(enduranceMinutes, seconds);
  const named = value('scenario')?.split(',').map((s) => s.trim());
  for (const name of named ?? []) if (!(NAMES as readonly string[]).includes(name)) throw new Error(`unknown scenario ${name}: ${NAMES.join(', ')}`);
  const chosen = named ?? ['small', 'large', 'burst', ...(minutesFlag === undefined ? [] : ['endurance'])];
  return { scenarios: all.filter((s) => chosen.includes(s.name)), enduranceMinutes, profile: argv.includes('--profile'), trace: argv.includes('--trace'), dist: value('dist') ?? 'dist/renderer' };
}
