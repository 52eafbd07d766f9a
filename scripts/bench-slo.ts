// Measures evaluateSlo throughput over 100,000 varied, seeded SLOs on one
// core: `npm run bench:slo`. Target: at least 2,000,000 evaluations per second.
import type { RatioWindow, Slo } from '../shared/protocol/entities';
import { RATIO_WINDOWS } from '../shared/protocol/entities';
import { levelRank } from '../shared/slo/conditions';
import { evaluateSlo } from '../shared/slo/evaluate';

const SLO_COUNT = 100_000;
const WARMUP_PASSES = 5;
const ROUNDS = 9;
const PASSES_PER_ROUND = 5;
const TARGET_PER_SECOND = 2_000_000;

// mulberry32: a small seeded generator, so every run measures the same SLOs.
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const OBJECTIVES = [0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999];
const WINDOW_DAYS = [7, 28, 28, 30, 30, 30, 90];
const WINDOW_HOURS: Record<RatioWindow, number> = { '5m': 5 / 60, '30m': 0.5, '1h': 1, '2h': 2, '6h': 6, '1d': 24, '3d': 72, window: 0 };

/** Background errors at `base` burn plus an incident at `burst` burn over the last `hours`. */
function ratiosFor(budget: number, windowDays: number, base: number, burst: number, hours: number): Slo['errorRatio'] {
  const ratios: Record<string, number | null> = {};
  for (const w of RATIO_WINDOWS) {
    const length = w === 'window' ? windowDays * 24 : WINDOW_HOURS[w];
    const share = Math.min(1, hours / length);
    const roll = random();
    if (roll < 0.03) continue; // missing key
    ratios[w] = roll < 0.06 ? null : Math.min(1, budget * (base * (1 - share) + burst * share));
  }
  return ratios;
}

function makeSlo(i: number): Slo {
  const objective = pick(OBJECTIVES);
  const windowDays = pick(WINDOW_DAYS);
  const budget = 1 - objective;
  const kind = random();
  let errorRatio: Slo['errorRatio'];
  if (kind < 0.05) errorRatio = {};
  else if (kind < 0.1) errorRatio = { '5m': null, '30m': null, '1h': null, '2h': null, '6h': null, '1d': null, '3d': null, window: null };
  else if (kind < 0.6) errorRatio = ratiosFor(budget, windowDays, random() * 0.9, random() * 2, random() * 72); // healthy
  else if (kind < 0.75) errorRatio = ratiosFor(budget, windowDays, random(), 10 + random() * 200, random() * 8); // fast burn
  else if (kind < 0.9) errorRatio = ratiosFor(budget, windowDays, random(), 2 + random() * 6, 12 + random() * 72); // slow burn
  else errorRatio = ratiosFor(budget, windowDays, 1 + random() * 0.5, random() * 0.5, random() * 24); // overspent, quiet now
  return { id: `slo-${i}`, serviceId: `svc-${i % 500}`, name: `SLO ${i}`, objective, windowDays, errorRatio, updatedAt: 1_700_000_000_000 };
}

const slos: Slo[] = Array.from({ length: SLO_COUNT }, (_, i) => makeSlo(i));

let checksum = 0;
function pass(): void {
  for (let i = 0; i < slos.length; i++) {
    const ev = evaluateSlo(slos[i] as Slo);
    // Read the result so the work cannot be optimised away.
    checksum += levelRank(ev.level) + ev.budgetRemaining;
  }
}

const levels = new Map<string, number>();
for (const slo of slos) {
  const { level } = evaluateSlo(slo);
  levels.set(level, (levels.get(level) ?? 0) + 1);
}
console.log(`bench:slo ${SLO_COUNT.toLocaleString('en')} SLOs, levels: ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}`);

for (let i = 0; i < WARMUP_PASSES; i++) pass();

const rates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint();
  for (let p = 0; p < PASSES_PER_ROUND; p++) pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = (SLO_COUNT * PASSES_PER_ROUND) / seconds;
  rates.push(rate);
  console.log(`round ${round + 1}: ${Math.round(rate).toLocaleString('en')} evaluations/s`);
}

const sorted = [...rates].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] as number;
const best = sorted[sorted.length - 1] as number;
console.log(`median ${Math.round(median).toLocaleString('en')} evaluations/s, best ${Math.round(best).toLocaleString('en')} (target ${TARGET_PER_SECOND.toLocaleString('en')}); checksum ${checksum.toFixed(3)}`);
if (median < TARGET_PER_SECOND) {
  console.log('bench:slo below target');
  process.exitCode = 1;
}
