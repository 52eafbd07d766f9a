import { describe, expect, it } from 'vitest';
import { BUDGET_LEGEND_MAX, budgetHook, budgetLegend, formatAge, formatAxisEnd, formatBudget, formatBurnCell, formatClock, formatErrorRatio, formatLatency, formatObjective, formatRps } from './format';

describe('formats', () => {
  it('shortens request rates by magnitude', () => {
    expect(formatRps(0.42)).toBe('0.4/s');
    expect(formatRps(12.4)).toBe('12/s');
    expect(formatRps(1_234)).toBe('1.2k/s');
    expect(formatRps(34_500)).toBe('35k/s');
    expect(formatRps(2_500_000)).toBe('2.5M/s');
    expect(formatRps(-1)).toBe('–');
  });

  it('never grows a character by rounding: each format stays within its widest string', () => {
    expect([9.96, 999.6, 9_960, 999_600, 9_960_000].map(formatRps)).toEqual(['10/s', '1.0k/s', '10k/s', '1.0M/s', '10M/s']);
    expect([0.09996, 0.123, 0.9996].map(formatErrorRatio)).toEqual(['10.0%', '12.3%', '100%']);
    expect([999.6, 9_996, 59_960].map(formatLatency)).toEqual(['1.00 s', '10.0 s', '60 s']);
    // The widest each makes, over a sweep of values: no more characters than these.
    const widest = (format: (n: number) => string, top: number) => {
      let longest = '';
      for (let v = 0; v < top; v = v * 1.0007 + 0.001) if (format(v).length > longest.length) longest = format(v);
      return longest.length;
    };
    expect(widest(formatRps, 9e8)).toBe('999k/s'.length);
    expect(widest(formatErrorRatio, 1.5)).toBe('99.9%'.length);
    expect(widest(formatLatency, 6e5)).toBe('999 ms'.length);
  });

  it('shows error ratios and latencies with units', () => {
    expect(formatErrorRatio(0.031)).toBe('3.10%');
    expect(formatErrorRatio(1)).toBe('100%');
    expect(formatLatency(87.4)).toBe('87 ms');
    expect(formatLatency(1_240)).toBe('1.24 s');
    expect(formatLatency(95_000)).toBe('95 s');
  });

  it('signs an overspent budget with a true minus and never shows minus zero', () => {
    expect(formatBudget(0.8731)).toBe('87.3%');
    expect(formatBudget(-0.124)).toBe('−12.4%');
    expect(formatBudget(-0.0001)).toBe('0.0%');
    expect(formatBudget(1)).toBe('100%');
    expect(formatBudget(0.99949)).toBe('99.9%');
    expect(formatBudget(-1.4)).toBe('−140%');
    expect(formatBudget(-0.9996)).toBe('−100%');
    expect(formatBudget(-32.33)).toBe('−3233%');
    expect(formatBudget(-99.994)).toBe('−9999%');
    expect(formatBudget(-99.996)).toBe('−10k%');
    expect(formatBudget(-9_994)).toBe('−999k%');
    expect(formatBudget(-9_996)).toBe('−1.0M%');
    expect(budgetHook(0.87314)).toBe('0.8731');
    expect(budgetHook(-0.12)).toBe('-0.1200');
    expect(budgetHook(-0.00001)).toBe('0.0000');
  });

  it('marks a window without traffic in burn cells', () => {
    expect(formatBurnCell(null)).toBe('—');
    expect(formatBurnCell(14.4)).toBe('14.4x');
    expect(formatBurnCell(240.2)).toBe('240x');
  });

  it('keeps a burn cell to five characters at the rounding edges', () => {
    expect(formatBurnCell(99.94)).toBe('99.9x');
    expect(formatBurnCell(99.96)).toBe('100x');
    expect(formatBurnCell(999.4)).toBe('999x');
    expect(formatBurnCell(999.6)).toBe('1.0kx');
    expect(formatBurnCell(9_949)).toBe('9.9kx');
    expect(formatBurnCell(9_951)).toBe('10kx');
    expect(formatBurnCell(100_000)).toBe('100kx');
    expect(formatBurnCell(999_600)).toBe('1.0Mx');
  });

  it('formats ages with a steady shape', () => {
    expect(formatAge(42_000)).toBe('0:42');
    expect(formatAge(12 * 60_000 + 3_000)).toBe('12:03');
    expect(formatAge(3_723_000)).toBe('1:02:03');
    expect(formatAge(2 * 86_400_000 + 4 * 3_600_000)).toBe('2d 04h');
    expect(formatAge(-5_000)).toBe('0:00');
  });

  it('formats local clock times with two-digit fields', () => {
    const t = new Date(2024, 0, 2, 9, 5, 7).getTime();
    expect(formatClock(t)).toBe('09:05');
    expect(formatClock(t, true)).toBe('09:05:07');
  });

  it('labels a chart axis end as short as the cards do, with a true minus', () => {
    expect(formatAxisEnd(100, '%')).toBe('100%');
    expect(formatAxisEnd(0, '%')).toBe('0%');
    expect(formatAxisEnd(-25, '%')).toBe('−25%');
    expect(formatAxisEnd(-10_000, '%')).toBe('−10k%');
    expect(formatAxisEnd(0, 'x')).toBe('0x');
    expect(formatAxisEnd(50, 'x')).toBe('50x');
    expect(formatAxisEnd(200_000, 'x')).toBe('200kx');
    expect(formatAxisEnd(2_000_000, 'x')).toBe('2.0Mx');
  });

  it('states an objective with its nines, never rounded up to 100%', () => {
    expect(formatObjective(0.999)).toBe('99.9%');
    expect(formatObjective(0.9995)).toBe('99.95%');
    expect(formatObjective(0.99)).toBe('99%');
    expect(formatObjective(0.999999)).toBe('99.9999%');
    expect(formatObjective(0.9999999)).toBe('99.9999%');
    expect(formatObjective(0.123456)).toBe('12.3456%');
  });

  it('names the budget line in the legend while the name fits the narrowest card, and gives the objective alone after', () => {
    expect(budgetLegend(0.999, 30)).toBe('budget 99.9%/30d');
    expect(budgetLegend(0.99995, 28)).toBe('budget 99.995%/28d');
    expect(budgetLegend(0.99999, 365)).toBe('99.999%/365d');
    expect(budgetLegend(0.999, 365.25)).toBe('99.9%/365.25d');
    // The longest any SLO makes: four decimals of objective, a window to two decimals.
    expect(budgetLegend(0.999999, 365.25)).toBe('99.9999%/365.25d');
    for (const [objective, days] of [[0.5, 1], [0.999999, 365.25], [0.99995, 28], [0.95, 7]] as const) {
      expect(budgetLegend(objective, days).length).toBeLessThanOrEqual(BUDGET_LEGEND_MAX);
    }
  });
});
