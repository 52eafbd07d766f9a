import { describe, expect, it } from 'vitest';
import { accrue, enduranceSpeed, pickTarget, realMsForStoryHour } from './loadPlan';

describe('accrue', () => {
  it('spreads 1 update/s over 20 ticks of 50 ms', () => {
    let owed = 0;
    const counts: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = accrue(owed, 1, 50);
      owed = r.owed;
      counts.push(r.count);
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(counts.filter((c) => c > 1)).toEqual([]);
  });

  it('sends 2,000 updates/s as 100 per 50 ms tick', () => {
    expect(accrue(0, 2_000, 50)).toEqual({ count: 100, owed: 0 });
    const r = accrue(0.5, 30, 50);
    expect(r.count).toBe(2);
    expect(r.owed).toBeCloseTo(0);
  });
});

describe('endurance arithmetic', () => {
  it('plays 24 story hours in the run, whatever its length', () => {
    expect(enduranceSpeed(20)).toBe(72);
    expect(enduranceSpeed(5)).toBe(288);
    expect(realMsForStoryHour(24, enduranceSpeed(20))).toBe(20 * 60_000);
    expect(realMsForStoryHour(1, enduranceSpeed(20))).toBe(50_000);
  });

  it('refuses a run longer than 20 minutes or not positive', () => {
    expect(() => enduranceSpeed(21)).toThrow();
    expect(() => enduranceSpeed(0)).toThrow();
    expect(() => enduranceSpeed(NaN)).toThrow();
  });
});

describe('pickTarget', () => {
  it('re-measures one service for every three SLOs and cycles through all of them', () => {
    const picks = Array.from({ length: 16 }, (_, n) => pickTarget(n, 2, 6));
    expect(picks.filter((p) => p.kind === 'service')).toHaveLength(4);
    expect(new Set(picks.filter((p) => p.kind === 'slo').map((p) => p.index))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(new Set(picks.filter((p) => p.kind === 'service').map((p) => p.index))).toEqual(new Set([0, 1]));
  });
});
