import { describe, expect, it } from 'vitest';
import { RATIO_WINDOWS } from '../shared/protocol/entities';
import { DAY_MS, HOUR_MS, MINUTE_MS, liveEpisodes, trailingRatio, trailingRatios } from './trailingWindow';
import type { BurnEpisode } from './trailingWindow';

const T0 = 1_700_000_000_000;
const base = 0.0001;
const e = 0.02; // 20x on a 99.9% objective
const m = (minutes: number) => T0 + minutes * MINUTE_MS;

function ordered(ratios: Record<string, number>): number[] {
  return RATIO_WINDOWS.map((w) => ratios[w] as number);
}

describe('trailing-window arithmetic', () => {
  const open: BurnEpisode[] = [{ errorRatio: e, startedAt: T0 }];

  it('is the baseline everywhere before any episode', () => {
    const r = trailingRatios(open, base, m(-1), 30);
    for (const w of RATIO_WINDOWS) expect(r[w]).toBeCloseTo(base, 15);
  });

  it('one minute into an outage, each window holds its share of it', () => {
    const r = trailingRatios(open, base, m(1), 30);
    expect(r['5m']).toBeCloseTo(base * (4 / 5) + e * (1 / 5), 15);
    expect(r['30m']).toBeCloseTo(base * (29 / 30) + e * (1 / 30), 15);
    expect(r['1h']).toBeCloseTo(base * (59 / 60) + e / 60, 15);
    expect(r['3d']).toBeCloseTo(base * (1 - 1 / 4320) + e / 4320, 15);
    expect(r.window).toBeCloseTo(base * (1 - 1 / 43200) + e / 43200, 15);
  });

  it('the 5m window saturates first, at exactly the outage ratio', () => {
    const r = trailingRatios(open, base, m(5), 30);
    expect(r['5m']).toBe(e);
    expect(r['30m']).toBeCloseTo(base * (25 / 30) + e * (5 / 30), 15);
    const two = trailingRatios(open, base, m(120), 30);
    expect([two['5m'], two['30m'], two['1h'], two['2h']]).toEqual([e, e, e, e]);
    expect(two['6h']).toBeCloseTo(base * (2 / 3) + e / 3, 15);
    expect(two['1d']).toBeCloseTo(base * (22 / 24) + e * (2 / 24), 15);
  });

  it('during an outage a shorter window never shows less than a longer one', () => {
    for (const minutes of [1, 7, 45, 200, 2000, 5000]) {
      const values = ordered(trailingRatios(open, base, m(minutes), 30));
      for (let i = 1; i < values.length; i += 1) expect(values[i - 1]).toBeGreaterThanOrEqual(values[i] as number);
    }
  });

  it('after the outage ends it rolls out of the short windows first', () => {
    const ended: BurnEpisode[] = [{ errorRatio: e, startedAt: T0, endedAt: m(120) }];
    const r = trailingRatios(ended, base, m(130), 30);
    expect(r['5m']).toBeCloseTo(base, 15);
    expect(r['30m']).toBeCloseTo(base * (10 / 30) + e * (20 / 30), 15);
    expect(r['1h']).toBeCloseTo(base * (10 / 60) + e * (50 / 60), 15);
    expect(r['2h']).toBeCloseTo(base * (10 / 120) + e * (110 / 120), 15);
    expect(r['6h']).toBeCloseTo(base * (240 / 360) + e * (120 / 360), 15);
    // Windows too short to hold the whole outage: the shorter, the less of it remains.
    const values = ordered(r).slice(0, 4);
    for (let i = 1; i < values.length; i += 1) expect(values[i - 1]).toBeLessThanOrEqual(values[i] as number);
    // A day later only the 3d and the SLO's own window still remember it.
    const later = trailingRatios(ended, base, m(130) + DAY_MS, 30);
    expect(later['1d']).toBeCloseTo(base, 15);
    expect(later['3d']).toBeCloseTo(base * (1 - 120 / 4320) + e * (120 / 4320), 15);
  });

  it('sums separate episodes and uses the SLO window length for `window`', () => {
    const two: BurnEpisode[] = [
      { errorRatio: 0.01, startedAt: T0, endedAt: T0 + HOUR_MS },
      { errorRatio: 0.05, startedAt: T0 + 2 * HOUR_MS, endedAt: T0 + 3 * HOUR_MS },
    ];
    const now = T0 + 4 * HOUR_MS;
    expect(trailingRatio(two, 0, now, 6 * HOUR_MS)).toBeCloseTo((0.01 + 0.05) / 6, 15);
    expect(trailingRatios(two, 0, now, 28).window).toBeCloseTo(0.06 / (28 * 24), 15);
    expect(trailingRatios(two, 0, now, 30).window).toBeCloseTo(0.06 / (30 * 24), 15);
  });

  it('stays a ratio in 0..1', () => {
    expect(trailingRatio([{ errorRatio: 1, startedAt: T0 }], 0.5, m(10), 5 * MINUTE_MS)).toBe(1);
    expect(trailingRatio([], 0, m(10), 5 * MINUTE_MS)).toBe(0);
  });

  it('forgets episodes only once they left the longest window', () => {
    const ended: BurnEpisode = { errorRatio: e, startedAt: T0, endedAt: m(60) };
    expect(liveEpisodes([ended], m(60) + 29 * DAY_MS, 30)).toHaveLength(1);
    expect(liveEpisodes([ended], m(60) + 31 * DAY_MS, 30)).toHaveLength(0);
    expect(liveEpisodes([{ errorRatio: e, startedAt: T0 }], m(60) + 90 * DAY_MS, 30)).toHaveLength(1);
  });
});
