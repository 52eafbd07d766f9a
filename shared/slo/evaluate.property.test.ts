import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorRatios, RatioWindow, Slo } from '../protocol/entities';
import { RATIO_WINDOWS } from '../protocol/entities';
import { exampleSlo } from '../protocol/fixtures';
import { levelRank } from './conditions';
import { evaluateSlo } from './evaluate';
import { quietModeSlos } from './quietMode';

type Ratio = number | null | undefined;

const objective = fc.oneof(fc.constantFrom(0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999), fc.double({ min: 0.01, max: 0.99999, noNaN: true }));
const windowDays = fc.oneof(fc.constantFrom(7, 28, 30, 90), fc.double({ min: 0.5, max: 366, noNaN: true }));
// Burns near the thresholds matter most, so ratios are drawn as burn rates
// (including the exact thresholds) and scaled by the budget; some are raw ratios.
const burn = fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(0, 1, 2.8, 3, 5.6, 6, 13.44, 14.4, 1000));
const ratioSeed = fc.oneof(
  { weight: 6, arbitrary: burn.map((b) => ({ burn: b })) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((r) => ({ ratio: r })) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const arbitrarySlo = fc
  .record({ objective, windowDays, seeds: fc.tuple(...RATIO_WINDOWS.map(() => ratioSeed)) })
  .map(({ objective, windowDays, seeds }): Slo => {
    const errorRatio: Record<string, Ratio> = {};
    RATIO_WINDOWS.forEach((w, i) => {
      const seed = seeds[i];
      if (seed === undefined) return; // a missing key
      errorRatio[w] = seed === null ? null : 'burn' in seed ? Math.min(1, seed.burn * (1 - objective)) : seed.ratio;
    });
    return exampleSlo({ objective, windowDays, errorRatio });
  });
const window = fc.constantFrom(...RATIO_WINDOWS);
const withRatio = (slo: Slo, w: RatioWindow, value: Ratio): Slo => ({ ...slo, errorRatio: { ...slo.errorRatio, [w]: value } as ErrorRatios });

describe('evaluateSlo properties', () => {
  it('raising any ratio never lowers the level, nor stops a condition holding', () => {
    fc.assert(
      fc.property(arbitrarySlo, window, fc.double({ min: 0, max: 1, noNaN: true }), (slo, w, step) => {
        const current = slo.errorRatio[w];
        // From no traffic, any ratio is a rise; otherwise rise by a share of the headroom.
        const raised = current == null ? step : current + (1 - current) * step;
        const before = evaluateSlo(slo);
        const after = evaluateSlo(withRatio(slo, w, raised));
        expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
        before.conditions.forEach((c, i) => {
          if (c.holds) expect(after.conditions[i]?.holds).toBe(true);
        });
        expect(after.budgetRemaining).toBeLessThanOrEqual(before.budgetRemaining);
      }),
      { numRuns: 2000 },
    );
  });

  it('budget remaining falls as the window ratio rises', () => {
    fc.assert(
      fc.property(arbitrarySlo, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (slo, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const lower = evaluateSlo(withRatio(slo, 'window', low)).budgetRemaining;
        const higher = evaluateSlo(withRatio(slo, 'window', high)).budgetRemaining;
        expect(higher).toBeLessThanOrEqual(lower);
        // A visible rise is a visible fall: 1e-6 of ratio is at least 1e-6 of budget.
        if (high - low >= 1e-6) expect(higher).toBeLessThan(lower);
      }),
      { numRuns: 2000 },
    );
  });

  it('a null or missing ratio never makes a condition hold', () => {
    fc.assert(
      fc.property(arbitrarySlo, window, fc.boolean(), (slo, w, asNull) => {
        const cleared = asNull ? withRatio(slo, w, null) : withRatio(slo, w, undefined);
        const before = evaluateSlo(slo);
        const after = evaluateSlo(cleared);
        for (const c of after.conditions) {
          if (c.longBurn === null || c.shortBurn === null) expect(c.holds).toBe(false);
        }
        after.conditions.forEach((c, i) => {
          if (c.holds) expect(before.conditions[i]?.holds).toBe(true);
        });
        expect(after.burnRates[w]).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a literal reading of the protocol', () => {
    const table = [
      { alert: 'page', long: '1h', short: '5m', share: 0.02, hours: 1 },
      { alert: 'page', long: '6h', short: '30m', share: 0.05, hours: 6 },
      { alert: 'ticket', long: '1d', short: '2h', share: 0.1, hours: 24 },
      { alert: 'ticket', long: '3d', short: '6h', share: 0.1, hours: 72 },
    ] as const;
    fc.assert(
      fc.property(arbitrarySlo, (slo) => {
        const budget = 1 - slo.objective;
        const burnOf = (w: RatioWindow) => {
          const r = slo.errorRatio[w];
          return r === null || r === undefined ? null : r / budget;
        };
        const holds = table.map((row) => {
          const threshold = Math.max(1, (row.share * slo.windowDays * 24) / row.hours);
          const [long, short] = [burnOf(row.long), burnOf(row.short)];
          return long !== null && short !== null && long >= threshold * (1 - 1e-9) && short >= threshold * (1 - 1e-9);
        });
        const windowBurn = burnOf('window');
        const raw = windowBurn === null ? 1 : 1 - windowBurn;
        const remaining = Math.abs(raw) < 1e-9 ? 0 : raw;
        const level = holds[0] || holds[1] ? 'page' : holds[2] || holds[3] ? 'ticket' : remaining <= 0 ? 'exhausted' : 'none';

        const ev = evaluateSlo(slo);
        expect(ev.conditions.map((c) => c.holds)).toEqual(holds);
        expect(ev.budgetRemaining).toBe(remaining);
        expect(ev.level).toBe(level);
        expect(ev.isBurning).toBe(level !== 'none');
        expect(ev.hasSignal).toBe(RATIO_WINDOWS.some((w) => burnOf(w) !== null));
        if (ev.timeToExhaustionMs !== null) expect(ev.timeToExhaustionMs).toBeGreaterThanOrEqual(0);
        expect(ev.timeToExhaustionMs === 0).toBe(remaining <= 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('quiet mode shows exactly the burning SLOs', () => {
    fc.assert(
      fc.property(fc.array(arbitrarySlo, { maxLength: 30 }), (slos) => {
        const evaluations = slos.map((slo, i) => evaluateSlo({ ...slo, id: `slo-${i}` }));
        const shown = new Set(quietModeSlos(evaluations).map((e) => e.sloId));
        expect(shown).toEqual(new Set(evaluations.filter((e) => e.level !== 'none').map((e) => e.sloId)));
      }),
      { numRuns: 300 },
    );
  });
});
