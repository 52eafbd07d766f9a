import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BurnLevel } from '../slo/conditions';
import { hasHeldPage, hasPending, heldLevelOf, holdLevel, holdLevels, holdSome, NO_HELD_LEVELS } from './hysteresis';
import type { HeldSlo } from './hysteresis';

const HOLD = 120_000;
const LEVELS: BurnLevel[] = ['page', 'ticket', 'exhausted', 'none'];

/** Feeds a timed series of levels to one SLO, starting held at `start`. */
function run(start: BurnLevel, series: ReadonlyArray<readonly [at: number, level: BurnLevel]>, holdMs = HOLD): HeldSlo {
  let held = holdLevel(undefined, start, 0, holdMs);
  for (const [at, level] of series) held = holdLevel(held, level, at, holdMs);
  return held;
}

describe('holdLevel', () => {
  it('takes the level of an SLO seen for the first time at once', () => {
    expect(holdLevel(undefined, 'page', 5, HOLD)).toEqual({ level: 'page', pending: null });
  });

  it('moves to a new level only once it has held it for the hold time', () => {
    expect(run('none', [[1_000, 'page'], [120_000, 'page']]).level).toBe('none');
    expect(run('none', [[1_000, 'page'], [121_000, 'page']]).level).toBe('page');
  });

  it('leaves a burn only after holding none as long', () => {
    const burning = run('page', [[0, 'none'], [60_000, 'none']]);
    expect(burning.level).toBe('page');
    expect(run('page', [[0, 'none'], [120_000, 'none']]).level).toBe('none');
  });

  it('starts the wait again when the SLO returns to its held level', () => {
    const series: Array<[number, BurnLevel]> = [[0, 'page'], [100_000, 'none'], [110_000, 'page'], [200_000, 'page']];
    expect(run('none', series).level).toBe('none');
    expect(run('none', [...series, [230_000, 'page']]).level).toBe('page');
  });

  it('settles on the level the SLO kept throughout when it alternates on one side', () => {
    const alternating: Array<[number, BurnLevel]> = [[0, 'page'], [30_000, 'ticket'], [60_000, 'page'], [90_000, 'ticket'], [120_000, 'page']];
    const held = run('none', alternating);
    expect(held.level).toBe('ticket');
    // Still at page: a new wait towards page starts from the ticket it settled on.
    expect(held.pending).toEqual({ since: 120_000, level: 'page' });
  });

  it('follows the current level at once with a hold of 0', () => {
    expect(run('none', [[1, 'page']], 0).level).toBe('page');
  });

  it('returns the same object when nothing changes, so a store can skip the update', () => {
    const waiting = run('none', [[0, 'page']]);
    expect(holdLevel(waiting, 'page', 1_000, HOLD)).toBe(waiting);
    const calm = run('none', []);
    expect(holdLevel(calm, 'none', 1_000, HOLD)).toBe(calm);
  });

  it('never moves while the level changes faster than the hold (property)', () => {
    const step = fc.tuple(fc.integer({ min: 1, max: HOLD - 1 }), fc.constantFrom(...LEVELS));
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.array(step, { maxLength: 40 }), (start, steps) => {
        // Every change comes less than a hold after the previous one and the start level recurs between them.
        let at = 0;
        let held = holdLevel(undefined, start, 0, HOLD);
        for (const [gap, level] of steps) {
          at += gap;
          held = holdLevel(held, level, at, HOLD);
          at += 1;
          held = holdLevel(held, start, at, HOLD);
          expect(held.level).toBe(start);
        }
      }),
    );
  });

  it('always moves to a level held for the hold time (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.constantFrom(...LEVELS), fc.integer({ min: 0, max: 10 * HOLD }), (start, target, offset) => {
        const held = run(start, [[offset, target], [offset + HOLD, target]]);
        expect(held).toEqual({ level: target, pending: null });
      }),
    );
  });
});

describe('holdLevels', () => {
  it('holds every SLO, drops the ones that are gone and keeps identity when nothing changed', () => {
    const first = holdLevels(NO_HELD_LEVELS, [['a', 'page'], ['b', 'none']], 0, HOLD);
    expect(heldLevelOf(first, 'a', 'none')).toBe('page');
    expect(hasHeldPage(first)).toBe(true);
    expect(holdLevels(first, [['a', 'page'], ['b', 'none']], 1_000, HOLD)).toBe(first);
    const flapped = holdLevels(first, [['a', 'none'], ['b', 'page']], 2_000, HOLD);
    expect(heldLevelOf(flapped, 'a', 'none')).toBe('page');
    expect(heldLevelOf(flapped, 'b', 'page')).toBe('none');
    expect(hasPending(flapped)).toBe(true);
    const gone = holdLevels(flapped, [['b', 'page']], 3_000, HOLD);
    expect([...gone.keys()]).toEqual(['b']);
    expect(heldLevelOf(gone, 'new', 'ticket')).toBe('ticket');
  });
});

describe('holdSome', () => {
  it('equals holdLevels over every SLO when given the SLOs that changed, the ones pending and the ones gone (property)', () => {
    const levels: BurnLevel[] = ['none', 'exhausted', 'ticket', 'page'];
    const step = fc.record({
      dt: fc.integer({ min: 0, max: 90_000 }),
      changes: fc.array(fc.record({ n: fc.integer({ min: 0, max: 5 }), level: fc.integer({ min: -1, max: 3 }) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const current = new Map<string, BurnLevel>([0, 1, 2].map((n) => [`s${n}`, 'none']));
        let full = holdLevels(NO_HELD_LEVELS, current, 0, 120_000);
        let some = full;
        let now = 0;
        for (const { dt, changes } of steps) {
          now += dt;
          const touched = new Set<string>();
          for (const c of changes) {
            const id = `s${c.n}`;
            if (c.level < 0) current.delete(id);
            else current.set(id, levels[c.level]!);
            touched.add(id);
          }
          for (const [id, held] of some) if (held.pending !== null) touched.add(id);
          full = holdLevels(full, current, now, 120_000);
          some = holdSome(some, [...touched].map((id) => [id, current.get(id) ?? null] as const), now, 120_000);
          expect(some).toEqual(full);
        }
      }),
    );
  });

  it('returns the same map when nothing moved', () => {
    const held = holdLevels(NO_HELD_LEVELS, [['a', 'none']], 0, 120_000);
    expect(holdSome(held, [['a', 'none'], ['gone', null]], 1_000, 120_000)).toBe(held);
  });
});
