import { describe, expect, it } from 'vitest';
import type { ErrorRatios } from '../protocol/entities';
import { exampleSlo } from '../protocol/fixtures';
import { evaluateSlo } from './evaluate';

const HOUR = 3_600_000;
const slo = (objective: number, windowDays: number, errorRatio: ErrorRatios) => exampleSlo({ id: 'slo', objective, windowDays, errorRatio });
const everywhere = (ratio: number): ErrorRatios => ({ '5m': ratio, '30m': ratio, '1h': ratio, '2h': ratio, '6h': ratio, '1d': ratio, '3d': ratio, window: ratio });
const holding = (ev: ReturnType<typeof evaluateSlo>) => ev.conditions.filter((c) => c.holds).map((c) => `${c.longWindow}/${c.shortWindow}`);

describe('worked cases (SRE workbook), 99.9% over 30 days', () => {
  it('steady 0.05% errors: burn 0.5 everywhere, half the budget left, level none', () => {
    const ev = evaluateSlo(slo(0.999, 30, everywhere(0.0005)));
    for (const burn of Object.values(ev.burnRates)) expect(burn).toBeCloseTo(0.5, 9);
    expect(ev.errorBudget).toBeCloseTo(0.001, 15);
    expect(ev.budgetRemaining).toBeCloseTo(0.5, 9);
    expect(ev.level).toBe('none');
    expect(ev.isBurning).toBe(false);
    expect(holding(ev)).toEqual([]);
    // A burn below 1 never runs the budget out.
    expect(ev.timeToExhaustionMs).toBeNull();
    expect(ev.hasSignal).toBe(true);
  });

  it('100% errors for the last 10 minutes: every condition holds, page, 0.7685 left', () => {
    const ev = evaluateSlo(slo(0.999, 30, { '5m': 1, '30m': 1 / 3, '1h': 1 / 6, '2h': 1 / 12, '6h': 1 / 36, '1d': 1 / 144, '3d': 1 / 432, window: 1 / 4320 }));
    // Burn = ratio / 0.001: 1000, 333.3, 166.7, 83.3, 27.8, 6.94, 2.31, 0.2315.
    expect(ev.burnRates['5m']).toBeCloseTo(1000, 6);
    expect(ev.burnRates['30m']).toBeCloseTo(333.333333, 5);
    expect(ev.burnRates['1h']).toBeCloseTo(166.666667, 5);
    expect(ev.burnRates['2h']).toBeCloseTo(83.333333, 5);
    expect(ev.burnRates['6h']).toBeCloseTo(27.777778, 5);
    expect(ev.burnRates['1d']).toBeCloseTo(6.944444, 5);
    expect(ev.burnRates['3d']).toBeCloseTo(2.314815, 5);
    expect(ev.burnRates.window).toBeCloseTo(0.231481, 5);
    expect(holding(ev)).toEqual(['1h/5m', '6h/30m', '1d/2h', '3d/6h']);
    expect(ev.level).toBe('page');
    // 1 - 1000/4320 = 0.768518…
    expect(ev.budgetRemaining.toFixed(4)).toBe('0.7685');
    expect(ev.budgetRemaining).toBeCloseTo(0.7685185185, 9);
    // 0.768518 of 720 h at 166.67x: 553.33 h / 166.67 = 3.32 h.
    expect(ev.timeToExhaustionMs).toBeCloseTo(3.32 * HOUR, 0);
    // Of the two page conditions, 1h/5m burns harder over its long window.
    expect(ev.leadingCondition).toBe(ev.conditions[0]);
    expect(ev.rankBurn).toBeCloseTo(166.666667, 5);
  });

  it('0.8% errors for the last 8 hours: only the 6h/30m page condition holds', () => {
    // Up to 6h the ratio is 0.008 (burn 8); 1d sees 8/24 of it, 3d 8/72, the window 8/720.
    const ev = evaluateSlo(slo(0.999, 30, { '5m': 0.008, '30m': 0.008, '1h': 0.008, '2h': 0.008, '6h': 0.008, '1d': 0.008 / 3, '3d': 0.008 / 9, window: 0.008 / 90 }));
    expect(ev.burnRates['1h']).toBeCloseTo(8, 9); // below 14.4
    expect(ev.burnRates['1d']).toBeCloseTo(2.666667, 5); // below 3
    expect(ev.burnRates['3d']).toBeCloseTo(0.888889, 5); // below 1
    expect(holding(ev)).toEqual(['6h/30m']);
    expect(ev.level).toBe('page');
    expect(ev.leadingCondition?.longWindow).toBe('6h');
    expect(ev.budgetRemaining).toBeCloseTo(0.911111, 6);
    // 0.9111 of 720 h at 8x: 82 h.
    expect(ev.timeToExhaustionMs).toBeCloseTo(82 * HOUR, 0);
  });

  it('budget overspent earlier and no errors now: exhausted, -0.2 left', () => {
    const ev = evaluateSlo(slo(0.999, 30, { ...everywhere(0), window: 0.0012 }));
    expect(holding(ev)).toEqual([]);
    expect(ev.level).toBe('exhausted');
    expect(ev.isBurning).toBe(true);
    expect(ev.budgetRemaining).toBeCloseTo(-0.2, 9);
    expect(ev.timeToExhaustionMs).toBe(0);
    expect(ev.leadingCondition).toBeNull();
    expect(ev.rankBurn).toBe(0);
  });

  it.each([
    ['every ratio null', { '5m': null, '30m': null, '1h': null, '2h': null, '6h': null, '1d': null, '3d': null, window: null }],
    ['every ratio missing', {}],
  ] as const)('no traffic anywhere (%s): none, the whole budget left, no signal', (_, errorRatio) => {
    const ev = evaluateSlo(slo(0.999, 30, errorRatio));
    expect(ev.level).toBe('none');
    expect(ev.budgetRemaining).toBe(1);
    expect(ev.hasSignal).toBe(false);
    expect(Object.values(ev.burnRates).every((b) => b === null)).toBe(true);
    expect(holding(ev)).toEqual([]);
    expect(ev.timeToExhaustionMs).toBeNull();
  });

  it('a ticket: 3.5x over 1d and 2h, 1.5x over 3d', () => {
    const ev = evaluateSlo(slo(0.999, 30, { '5m': 0.0035, '30m': 0.0035, '1h': 0.0035, '2h': 0.0035, '6h': 0.0035, '1d': 0.0035, '3d': 0.0015, window: 0.0002 }));
    expect(holding(ev)).toEqual(['1d/2h', '3d/6h']);
    expect(ev.level).toBe('ticket');
    expect(ev.leadingCondition?.longWindow).toBe('1d');
    expect(ev.rankBurn).toBeCloseTo(3.5, 9);
    // 0.8 of 720 h at 3.5x: 164.571 h.
    expect(ev.timeToExhaustionMs).toBeCloseTo(((0.8 * 720) / 3.5) * HOUR, 0);
  });
});

describe('worked cases, 99.5% over 28 days', () => {
  // 7% errors for the last hour: 14x over 5m, 30m and 1h; 7x over 2h; 2.33x over 6h; 0.58x over 1d.
  const lastHour: ErrorRatios = { '5m': 0.07, '30m': 0.07, '1h': 0.07, '2h': 0.035, '6h': 0.07 / 6, '1d': 0.07 / 24, '3d': 0.07 / 72, window: 0.07 / 672 };

  it('7% errors for the last hour: the 1h/5m page fires at the 28-day threshold 13.44', () => {
    const ev = evaluateSlo(slo(0.995, 28, lastHour));
    expect(ev.errorBudget).toBeCloseTo(0.005, 12);
    expect(ev.burnRates['1h']).toBeCloseTo(14, 9);
    expect(ev.conditions[0]?.threshold).toBeCloseTo(13.44, 9);
    expect(holding(ev)).toEqual(['1h/5m']);
    expect(ev.level).toBe('page');
    // 1 - 14/672
    expect(ev.budgetRemaining).toBeCloseTo(0.979167, 6);
  });

  it('the same hour does not page on a 30-day window, whose threshold is 14.4', () => {
    const ev = evaluateSlo(slo(0.995, 30, lastHour));
    expect(ev.conditions[0]?.threshold).toBeCloseTo(14.4, 9);
    expect(holding(ev)).toEqual([]);
    expect(ev.level).toBe('none');
  });
});

describe('boundaries', () => {
  const cases = [
    { windowDays: 30, thresholds: [14.4, 6, 3, 1] },
    { windowDays: 28, thresholds: [13.44, 5.6, 2.8, 1] },
  ];
  const windows = [['1h', '5m'], ['6h', '30m'], ['1d', '2h'], ['3d', '6h']] as const;
  for (const { windowDays, thresholds } of cases) {
    // Budgets as a person writes them: 1 - 0.999 is not exactly 0.001 in floating point.
    for (const [objective, budget] of [[0.999, 0.001], [0.99, 0.01], [0.995, 0.005], [0.9999, 0.0001]] as const) {
      windows.forEach(([long, short], i) => {
        const at = (thresholds[i] as number) * budget;
        const below = at * (1 - 1e-6);
        it(`${windowDays}d ${objective}: ${long}/${short} holds exactly at ${thresholds[i]}x, not just below`, () => {
          const cond = (longRatio: number, shortRatio: number) =>
            evaluateSlo(slo(objective, windowDays, { [long]: longRatio, [short]: shortRatio })).conditions[i];
          expect(cond(at, at)?.holds).toBe(true);
          expect(cond(below, at)?.holds).toBe(false);
          expect(cond(at, below)?.holds).toBe(false);
        });
      });
    }
  }

  it('0.0144 errors at 99.9% computes a few ulps under 14.4 and still pages', () => {
    const ev = evaluateSlo(slo(0.999, 30, { '1h': 0.0144, '5m': 0.0144 }));
    expect(ev.burnRates['1h']).toBeLessThan(14.4);
    expect(ev.conditions[0]?.holds).toBe(true);
  });

  it('a budget spent exactly is zero, and exhausted; a sliver either side is not zero', () => {
    // 0.001 / (1 - 0.999) is 0.9999999999999991, so the raw remainder is 9e-16: zero within 1e-9.
    for (const [objective, budget] of [[0.999, 0.001], [0.99, 0.01], [0.9995, 0.0005]] as const) {
      const exact = evaluateSlo(slo(objective, 30, { window: budget }));
      expect(exact.budgetRemaining).toBe(0);
      expect(exact.level).toBe('exhausted');
      expect(exact.timeToExhaustionMs).toBe(0);
      const under = evaluateSlo(slo(objective, 30, { window: budget * (1 - 1e-6) }));
      expect(under.budgetRemaining).toBeCloseTo(1e-6, 12);
      expect(under.level).toBe('none');
      const over = evaluateSlo(slo(objective, 30, { window: budget * (1 + 1e-6) }));
      expect(over.budgetRemaining).toBeCloseTo(-1e-6, 12);
      expect(over.level).toBe('exhausted');
    }
  });

  it('a burn below 1 never counts, even where the scaled threshold is below 1', () => {
    // 28 days: the 3d/6h share gives 0.1 * 672 / 72 = 0.933, raised to 1.
    const ev = evaluateSlo(slo(0.999, 28, { '3d': 0.00095, '6h': 0.00095 }));
    expect(ev.conditions[3]?.threshold).toBe(1);
    expect(ev.conditions[3]?.holds).toBe(false);
    expect(evaluateSlo(slo(0.999, 28, { '3d': 0.001, '6h': 0.001 })).conditions[3]?.holds).toBe(true);
  });

  it('one null side keeps a condition from holding, however hard the other burns', () => {
    const ev = evaluateSlo(slo(0.999, 30, { '1h': 1, '5m': null, '6h': 1 }));
    expect(ev.conditions[0]?.holds).toBe(false);
    expect(ev.conditions[1]?.holds).toBe(false); // 30m missing
    expect(ev.conditions[3]?.holds).toBe(false); // 3d missing
    expect(ev.level).toBe('none');
  });
});

describe('time to exhaustion', () => {
  it('projects at a 1h burn of exactly 1: the remaining budget over the whole window', () => {
    const ev = evaluateSlo(slo(0.99, 7, { '1h': 0.01, window: 0.005 }));
    // 0.5 of 7 days at 1x: 3.5 days.
    expect(ev.timeToExhaustionMs).toBeCloseTo(3.5 * 24 * HOUR, 0);
  });

  it('is null without 1h traffic, even while a condition holds', () => {
    const ev = evaluateSlo(slo(0.999, 30, { '6h': 0.01, '30m': 0.01, '1h': null, window: 0.0001 }));
    expect(ev.level).toBe('page');
    expect(ev.timeToExhaustionMs).toBeNull();
  });
});
