import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorRatios } from '../protocol/entities';
import { exampleSlo } from '../protocol/fixtures';
import { levelRank } from './conditions';
import { evaluateSlo } from './evaluate';
import type { SloEvaluation } from './evaluate';
import { compareBurning, quietModeSlos } from './quietMode';

const evaluate = (id: string, errorRatio: ErrorRatios) => evaluateSlo(exampleSlo({ id, objective: 0.999, windowDays: 30, errorRatio }));
const fastPage = (burn1h: number) => ({ '1h': burn1h / 1000, '5m': burn1h / 1000, window: 0.0001 });

// Each entry's rankBurn is written beside it.
const fixtures: SloEvaluation[] = [
  evaluate('healthy', { '1h': 0.0005, '5m': 0.0005, window: 0.0005 }),
  evaluate('no-traffic', {}),
  evaluate('exhausted-quiet', { '1h': 0, window: 0.002 }), // 0
  evaluate('exhausted-busy', { '1h': 0.0009, window: 0.0011 }), // 0.9
  evaluate('ticket-3d', { '3d': 0.002, '6h': 0.002, window: 0.0003 }), // 2 over 3d
  evaluate('ticket-1d', { '1d': 0.005, '2h': 0.005, window: 0.0003 }), // 5 over 1d
  evaluate('page-20', fastPage(20)), // 20 over 1h
  evaluate('page-50', fastPage(50)), // 50 over 1h
  evaluate('page-6h', { '6h': 0.03, '30m': 0.03, '1h': 0.01, window: 0.0002 }), // 30 over 6h, though 1h burns 10
  evaluate('b-page-20', fastPage(20)),
];
const expectedOrder = ['page-50', 'page-6h', 'b-page-20', 'page-20', 'ticket-1d', 'ticket-3d', 'exhausted-busy', 'exhausted-quiet'];

describe('quietModeSlos', () => {
  it('keeps only burning SLOs: page, then ticket, then exhausted, each by burn, then by id', () => {
    expect(quietModeSlos(fixtures).map((e) => e.sloId)).toEqual(expectedOrder);
  });

  it('gives the same order whatever the input order, and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(fixtures, { minLength: fixtures.length, maxLength: fixtures.length }), (shuffled) => {
        const before = shuffled.map((e) => e.sloId);
        expect(quietModeSlos(shuffled).map((e) => e.sloId)).toEqual(expectedOrder);
        expect(shuffled.map((e) => e.sloId)).toEqual(before);
      }),
    );
  });

  it('accepts any iterable, such as the values of a map', () => {
    const byId = new Map(fixtures.map((e) => [e.sloId, e] as const));
    expect(quietModeSlos(byId.values()).map((e) => e.sloId)).toEqual(expectedOrder);
  });

  it('shows nothing when nothing burns', () => {
    expect(quietModeSlos(fixtures.filter((e) => !e.isBurning))).toEqual([]);
  });
});

describe('compareBurning', () => {
  it('orders any evaluations worst level first, then by rankBurn, then by id', () => {
    const sorted = [...fixtures].sort(compareBurning);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1] as SloEvaluation, sorted[i] as SloEvaluation];
      const rank = levelRank(a.level) - levelRank(b.level);
      expect(rank).toBeGreaterThanOrEqual(0);
      if (rank === 0) expect(a.rankBurn > b.rankBurn || (a.rankBurn === b.rankBurn && a.sloId < b.sloId)).toBe(true);
    }
    expect(sorted.slice(-2).map((e) => e.level)).toEqual(['none', 'none']);
  });

  it('ranks by the long-window burn of the condition that holds, not the 1h burn', () => {
    const page6h = fixtures.find((e) => e.sloId === 'page-6h') as SloEvaluation;
    expect(page6h.burnRates['1h']).toBeCloseTo(10, 9);
    expect(page6h.rankBurn).toBeCloseTo(30, 9);
  });

  it('is zero only for the same id at the same level and burn', () => {
    const [a, b] = [fixtures[6] as SloEvaluation, fixtures[9] as SloEvaluation];
    expect(compareBurning(a, a)).toBe(0);
    expect(Math.sign(compareBurning(a, b))).toBe(-Math.sign(compareBurning(b, a)));
    expect(compareBurning(a, b)).not.toBe(0);
  });
});
