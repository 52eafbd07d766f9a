import { describe, expect, it } from 'vitest';
import { formatGrowth, formatMs, formatShare, formatTable, percentile, tally } from './stats';

describe('percentile', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(values[0]).toBe(5);
  });

  it('is NaN with nothing measured', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('tally and formats', () => {
  it('counts, sums and finds the largest', () => {
    expect(tally([60, 120, 51])).toEqual({ count: 3, total: 231, max: 120 });
    expect(tally([])).toEqual({ count: 0, total: 0, max: 0 });
  });

  it('formats milliseconds, core shares and growth', () => {
    expect(formatMs(16.66)).toBe('16.7 ms');
    expect(formatMs(NaN)).toBe('n/a');
    expect(formatShare(0.0149)).toBe('1.5%');
    expect(formatGrowth(100, 108)).toBe('+8.0%');
    expect(formatGrowth(100, 95)).toBe('-5.0%');
    expect(formatGrowth(0, 5)).toBe('n/a');
  });

  it('pads labels to one column', () => {
    expect(formatTable('small', [['cores', '2'], ['frame p95', '9.0 ms']])).toBe('## small\ncores      2\nframe p95  9.0 ms');
  });
});
