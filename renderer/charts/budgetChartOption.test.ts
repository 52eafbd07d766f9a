import { describe, expect, it } from 'vitest';
import { budgetChartOption, niceCeiling } from './budgetChartOption';
import type { ChartLook } from './budgetChartOption';

const look: ChartLook = { text: '#fff', grid: '#333', budget: '#0f0', burn: '#f80', noSignal: '#999', fontPx: 20, isMuted: false };
const points = [
  { at: 1_000, budgetRemaining: 0.8, burn1h: 2 },
  { at: 2_000, budgetRemaining: 0.5, burn1h: null },
  { at: 3_000, budgetRemaining: -0.2, burn1h: 15.5 },
];

type Series = { id: string; data: Array<[number, number | null]>; showSymbol: boolean; lineStyle: { opacity: number } };
type Axis = { min: number; max: number; axisLabel: { formatter: (value: number) => string } };

describe('budgetChartOption', () => {
  it('plots budget remaining in percent and the 1h burn, leaving gaps without traffic', () => {
    const option = budgetChartOption(points, look);
    const [budget, burn] = option.series as Series[];
    expect(budget?.data).toEqual([
      [1_000, 80],
      [2_000, 50],
      [3_000, -20],
    ]);
    expect(burn?.data).toEqual([
      [1_000, 2],
      [2_000, null],
      [3_000, 15.5],
    ]);
    expect(option.animation).toBe(false);
  });

  it('keeps zero on the budget axis, goes below it when overspent, and fits the burn axis to a round top', () => {
    const [budgetAxis, burnAxis] = budgetChartOption(points, look).yAxis as Axis[];
    expect(budgetAxis).toMatchObject({ min: -25, max: 100 });
    expect(burnAxis).toMatchObject({ min: 0, max: 20 });
    const [calmAxis] = budgetChartOption([{ at: 0, budgetRemaining: 0.99, burn1h: 0.1 }], look).yAxis as Axis[];
    expect(calmAxis?.min).toBe(0);
  });

  it('labels the axes\' ends as short as the card\'s figures, however wild the values', () => {
    const wild = [{ at: 0, budgetRemaining: -98.99, burn1h: 100_000 }];
    const [budgetAxis, burnAxis] = budgetChartOption(wild, look).yAxis as Axis[];
    expect(budgetAxis?.min).toBe(-9_900);
    expect([budgetAxis?.min, budgetAxis?.max].map((v) => budgetAxis?.axisLabel.formatter(v ?? NaN))).toEqual(['−9.9k%', '100%']);
    expect(burnAxis?.max).toBe(100_000);
    expect(burnAxis?.axisLabel.formatter(100_000)).toBe('100kx');
    expect(burnAxis?.axisLabel.formatter(0)).toBe('0x');
  });

  it('shows a lone point as a symbol and mutes the lines when the data is not live', () => {
    const option = budgetChartOption([points[0]!], { ...look, isMuted: true });
    const [budget] = option.series as Series[];
    expect(budget?.showSymbol).toBe(true);
    expect(budget?.lineStyle.opacity).toBeLessThan(1);
  });

  it('spans at least five minutes and leaves out the time labels on small cards', () => {
    const option = budgetChartOption([points[0]!], look, { hasTimeAxis: false });
    const axis = option.xAxis as { min: number; max: number; axisLabel: { show: boolean } };
    expect(axis.max - axis.min).toBe(5 * 60_000);
    expect(axis.axisLabel.show).toBe(false);
    const wide = budgetChartOption([{ ...points[0]!, at: 0 }, { ...points[2]!, at: 3_600_000 }], look).xAxis as { min: number; max: number };
    expect([wide.min, wide.max]).toEqual([0, 3_600_000]);
  });

  it('labels only the ends of the value axes, so a short chart never stacks labels', () => {
    const [budgetAxis, burnAxis] = budgetChartOption(points, look).yAxis as Array<Axis & { interval: number }>;
    expect(budgetAxis?.interval).toBe(125);
    expect(burnAxis?.interval).toBe(20);
  });

  it('rounds burn axis tops to 1, 2, 5 steps', () => {
    expect([0.3, 1, 1.5, 3, 7, 14.4, 120].map(niceCeiling)).toEqual([1, 1, 2, 5, 10, 20, 200]);
  });
});
