import { Random } from '../random';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../trailingWindow';
import type { BurnEpisode } from '../trailingWindow';
import { REGIONS, SERVICE_STEMS } from './catalog';
import type { ServiceKind } from './catalog';

/** A simulated service and its normal traffic. */
export interface ServiceModel {
  id: string;
  name: string;
  team: string;
  tier: 1 | 2 | 3 | 4;
  kind: ServiceKind;
  base: { rps: number; latencyP99Ms: number; saturation: number };
}

/** A simulated SLO, its normal error ratio and its past burns. */
export interface SloModel {
  id: string;
  serviceId: string;
  name: string;
  kind: 'availability' | 'latency';
  objective: number;
  windowDays: 28 | 30;
  /** The error ratio on a normal day, well inside the budget. */
  baseline: number;
  /** Burns before the story starts, with times relative to its start (all ≤ 0). */
  history: BurnEpisode[];
}

/** A whole simulated company. */
export interface Company {
  services: ServiceModel[];
  slos: SloModel[];
}

/** How big a company to make. */
export interface CompanySize {
  seed: number;
  /** Number of services (default 40). */
  services?: number;
  /**
   * Total SLOs. By default each service has 1 to 4; a larger total (load
   * tests: 20,000 services, 100,000 SLOs) spreads evenly instead.
   */
  slos?: number;
}

const OBJECTIVES_BY_TIER: Record<1 | 2 | 3 | 4, [objectives: number[], weights: number[]]> = {
  1: [[0.999, 0.9995, 0.9999], [5, 3, 2]],
  2: [[0.995, 0.999, 0.9995], [3, 5, 2]],
  3: [[0.99, 0.995, 0.999], [3, 4, 3]],
  4: [[0.99, 0.995], [6, 4]],
};
const LATENCY_OBJECTIVES = [0.99, 0.995, 0.999];
const BASE_P99: Record<ServiceKind, [number, number]> = { api: [60, 400], worker: [300, 2500], store: [4, 40], edge: [20, 150] };
const BASE_RPS: Record<ServiceKind, [number, number]> = { api: [80, 4000], worker: [5, 300], store: [500, 20000], edge: [1000, 30000] };

/** The `index`-th service: the catalog first, then the catalog again in each region, then numbered shards. */
function serviceIdentity(index: number): { id: string; name: string; stem: (typeof SERVICE_STEMS)[number] } {
  const stem = SERVICE_STEMS[index % SERVICE_STEMS.length]!;
  const round = Math.floor(index / SERVICE_STEMS.length);
  if (round === 0) return { id: stem.id, name: stem.name, stem };
  const region = REGIONS[(round - 1) % REGIONS.length]!;
  const shard = Math.floor((round - 1) / REGIONS.length);
  const suffix = shard === 0 ? region : `${region}-${shard + 1}`;
  return { id: `${stem.id}-${suffix}`, name: `${stem.name} (${suffix})`, stem };
}

function makeService(index: number, rng: Random): ServiceModel {
  const { id, name, stem } = serviceIdentity(index);
  const shift = rng.chance(0.2) ? rng.pick([-1, 1]) : 0;
  const tier = Math.min(4, Math.max(1, stem.tier + shift)) as 1 | 2 | 3 | 4;
  const [p99Low, p99High] = BASE_P99[stem.kind];
  const [rpsLow, rpsHigh] = BASE_RPS[stem.kind];
  return {
    id,
    name,
    team: stem.team,
    tier,
    kind: stem.kind,
    base: {
      rps: Math.round(rpsLow * Math.pow(rpsHigh / rpsLow, rng.next())),
      latencyP99Ms: Math.round(rng.range(p99Low, p99High)),
      saturation: Math.round(rng.range(0.15, 0.6) * 100) / 100,
    },
  };
}

/** Burns that happened before the story starts, so budgets are not all untouched. */
function makeHistory(rng: Random, budget: number, windowDays: number): BurnEpisode[] {
  const roll = rng.next();
  if (roll < 0.6) return [];
  const isBig = roll > 0.9;
  // A big one spends most of a budget, or all of it: a wall with no
  // exhausted budget anywhere would not be a realistic company.
  const duration = isBig ? rng.range(8 * HOUR_MS, 40 * HOUR_MS) : rng.range(10 * MINUTE_MS, 3 * HOUR_MS);
  const endedAgo = isBig ? rng.range(DAY_MS, (windowDays - 8) * DAY_MS) : rng.range(HOUR_MS, (windowDays - 3) * DAY_MS);
  const rate = isBig ? rng.range(5, 22) : rng.range(2, 20);
  const endedAt = -Math.round(endedAgo);
  return [{ errorRatio: Math.min(1, rate * budget), startedAt: endedAt - Math.round(duration), endedAt }];
}

function makeSlo(service: ServiceModel, index: number, rng: Random): SloModel {
  const base = index % 4;
  const round = Math.floor(index / 4);
  const kind = base === 1 || base === 3 ? 'latency' : 'availability';
  const [objectives, weights] = OBJECTIVES_BY_TIER[service.tier];
  const objective = kind === 'latency' ? rng.pick(LATENCY_OBJECTIVES) : rng.weighted(objectives, weights);
  const windowDays = rng.chance(0.3) ? 28 : 30;
  const threshold = Math.ceil((service.base.latencyP99Ms * (base === 3 ? 1 : 1.5)) / 10) * 10;
  const label = [
    ['availability', 'availability'],
    ['latency', `latency p99 < ${threshold} ms`],
    ['write-availability', 'write availability'],
    ['latency-p90', `latency p90 < ${threshold} ms`],
  ][base]!;
  const suffix = round === 0 ? '' : `-${round + 1}`;
  const budget = 1 - objective;
  return {
    id: `${service.id}-${label[0]}${suffix}`,
    serviceId: service.id,
    name: `${service.name} ${label[1]}${round === 0 ? '' : ` (${round + 1})`}`,
    kind,
    objective,
    windowDays,
    baseline: budget * rng.range(0.02, 0.4),
    history: makeHistory(rng, budget, windowDays),
  };
}

/** Makes a company: the same seed and size always give the same one. */
export function generateCompany(size: CompanySize): Company {
  const count = size.services ?? 40;
  const rng = new Random(size.seed);
  const services: ServiceModel[] = [];
  const slos: SloModel[] = [];
  for (let i = 0; i < count; i += 1) {
    const service = makeService(i, rng);
    services.push(service);
    const sloCount =
      size.slos === undefined
        ? rng.weighted([1, 2, 3, 4], [3, 4, 2, 1])
        : Math.floor(((i + 1) * size.slos) / count) - Math.floor((i * size.slos) / count);
    for (let j = 0; j < sloCount; j += 1) slos.push(makeSlo(service, j, rng));
  }
  return { services, slos };
}
