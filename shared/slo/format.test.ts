import { describe, expect, it } from 'vitest';
import { formatBurn, formatDuration, formatShare, formatWindowDays, windowName } from './format';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45 * S, '45s'],
    [60 * S, '1m'],
    [12 * M + 5 * S, '12m 5s'],
    [3 * H + 20 * M, '3h 20m'],
    [3 * H + 20 * M + 59 * S, '3h 20m'],
    [3 * H, '3h'],
    [2 * D + 4 * H, '2d 4h'],
    [2 * D + 30 * M, '2d'],
    [D - 1, '23h 59m'],
    [400 * D + 1 * H, '400d 1h'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows negative durations as 0s and non-finite ones as symbols', () => {
    expect(formatDuration(-5 * M)).toBe('0s');
    expect(formatDuration(Infinity)).toBe('∞');
    expect(formatDuration(NaN)).toBe('–');
  });
});

describe('formatBurn and formatShare', () => {
  it('prints burns with one decimal and an x under 100', () => {
    expect(formatBurn(16.2)).toBe('16.2x');
    expect(formatBurn(18)).toBe('18.0x');
    expect(formatBurn(0)).toBe('0.0x');
    expect(formatBurn(99.94)).toBe('99.9x');
  });

  it('prints burns of 100 and more whole, thousands grouped', () => {
    expect(formatBurn(99.95)).toBe('100x');
    expect(formatBurn(1000 / 6)).toBe('167x');
    expect(formatBurn(2_399.6)).toBe('2,400x');
    expect(formatBurn(100_000)).toBe('100,000x');
    expect(formatBurn(1_234_567)).toBe('1,234,567x');
  });

  it('prints shares as whole percent from 1%, one decimal below, and a floor', () => {
    expect(formatShare(0.0225)).toBe('2%');
    expect(formatShare(0.7685)).toBe('77%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0.0001)).toBe('under 0.1%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('windowName', () => {
  it('names the usual windows and falls back to days', () => {
    expect(windowName(30)).toBe("month's");
    expect(windowName(28)).toBe("month's");
    expect(windowName(7)).toBe("week's");
    expect(windowName(90)).toBe("quarter's");
    expect(windowName(365)).toBe("year's");
    expect(windowName(14)).toBe('14-day');
    expect(windowName(30.5)).toBe('30.5-day');
    expect(windowName(27.123456)).toBe('27.12-day');
  });
});

describe('formatWindowDays', () => {
  it('states a window in whole days, or to two decimals as windowName does', () => {
    expect(formatWindowDays(30)).toBe('30d');
    expect(formatWindowDays(365)).toBe('365d');
    expect(formatWindowDays(0.5)).toBe('0.5d');
    expect(formatWindowDays(27.123456)).toBe('27.12d');
  });
});
