import { describe, expect, it } from 'vitest';
import { CONDITION_SPECS, conditionThreshold, levelRank, meetsThreshold, thresholdTable } from './conditions';

describe('conditionThreshold', () => {
  const thresholdsFor = (windowDays: number) => CONDITION_SPECS.map((s) => conditionThreshold(windowDays, s.budgetShare, s.longHours));

  it('gives 14.4, 6, 3 and 1 for a 30-day window', () => {
    const [a, b, c, d] = thresholdsFor(30);
    expect(a).toBeCloseTo(14.4, 12);
    expect(b).toBeCloseTo(6, 12);
    expect(c).toBeCloseTo(3, 12);
    expect(d).toBeCloseTo(1, 12);
  });

  it('gives 13.44, 5.6, 2.8 and 1 (not 0.93) for a 28-day window', () => {
    const [a, b, c, d] = thresholdsFor(28);
    expect(a).toBeCloseTo(13.44, 12);
    expect(b).toBeCloseTo(5.6, 12);
    expect(c).toBeCloseTo(2.8, 12);
    expect(d).toBe(1);
  });

  it('never goes below 1: a 7-day window gives 3.36, 1.4, 1, 1', () => {
    const [a, b, c, d] = thresholdsFor(7);
    expect(a).toBeCloseTo(3.36, 12);
    expect(b).toBeCloseTo(1.4, 12);
    expect(c).toBe(1);
    expect(d).toBe(1);
  });

  it('is share * window hours / long hours: 10% of 90 days over 3 days is 3', () => {
    expect(conditionThreshold(90, 0.1, 72)).toBeCloseTo(3, 12);
  });
});

describe('thresholdTable', () => {
  it('holds the scaled thresholds and the tolerant minimums, frozen', () => {
    const table = thresholdTable(28);
    expect(table.thresholds[0]).toBeCloseTo(13.44, 12);
    expect(table.minimums[0]).toBeCloseTo(13.44 * (1 - 1e-9), 12);
    expect(table.minimums[0]).toBeLessThan(table.thresholds[0]);
    expect(Object.isFrozen(table.thresholds)).toBe(true);
  });

  it('returns the right table when window lengths alternate', () => {
    expect(thresholdTable(30).thresholds[1]).toBeCloseTo(6, 12);
    expect(thresholdTable(28).thresholds[1]).toBeCloseTo(5.6, 12);
    expect(thresholdTable(30).thresholds[1]).toBeCloseTo(6, 12);
    expect(thresholdTable(30)).toBe(thresholdTable(30));
  });

  it('keeps answering right past its cache size', () => {
    for (let days = 1; days <= 200; days++) expect(thresholdTable(days).thresholds[3]).toBe(conditionThreshold(days, 0.1, 72));
    expect(thresholdTable(30).thresholds[0]).toBeCloseTo(14.4, 12);
  });
});

describe('meetsThreshold', () => {
  it('holds at the threshold and within 1e-9 below it, not 1e-6 below, never for null', () => {
    expect(meetsThreshold(14.4, 14.4)).toBe(true);
    expect(meetsThreshold(14.4 * (1 - 1e-10), 14.4)).toBe(true);
    expect(meetsThreshold(14.4 * (1 - 1e-6), 14.4)).toBe(false);
    expect(meetsThreshold(null, 1)).toBe(false);
    expect(meetsThreshold(undefined, 1)).toBe(false);
  });
});

describe('levelRank', () => {
  it('ranks page over ticket over exhausted over none', () => {
    expect(levelRank('page')).toBeGreaterThan(levelRank('ticket'));
    expect(levelRank('ticket')).toBeGreaterThan(levelRank('exhausted'));
    expect(levelRank('exhausted')).toBeGreaterThan(levelRank('none'));
  });
});
