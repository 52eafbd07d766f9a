import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameOrder, resort } from './incrementalOrder';
import type { SortedList } from './incrementalOrder';
import type { SortRules } from './incrementalOrder';

interface Item {
  id: string;
  rank: number;
  label: string;
}

const rules: SortRules<Item, Item> = {
  idOf: (i) => i.id,
  keyOf: (i) => i,
  sameKey: (a, b) => a.rank === b.rank,
  compare: (a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
};

const fullSort = (items: Item[]) => [...items].sort(rules.compare).map((i) => i.id);

describe('resort', () => {
  it('sorts from nothing', () => {
    const items = [
      { id: 'b', rank: 1, label: '' },
      { id: 'a', rank: 1, label: '' },
      { id: 'c', rank: 5, label: '' },
    ];
    expect(resort(null, items, rules).ids).toEqual(['c', 'a', 'b']);
  });

  it('gives exactly the full sort after any sequence of upserts and removals', () => {
    const change = fc.record({
      upserts: fc.array(fc.record({ id: fc.integer({ min: 0, max: 60 }), rank: fc.integer({ min: 0, max: 5 }) }), { maxLength: 8 }),
      removals: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const state = new Map<string, Item>();
        let previous: SortedList<Item, Item> | null = null;
        for (const c of changes) {
          for (const u of c.upserts) state.set(`s${u.id}`, { id: `s${u.id}`, rank: u.rank, label: String(Math.random()) });
          for (const r of c.removals) state.delete(`s${r}`);
          const sorted: SortedList<Item, Item> = resort(previous, state.values(), rules);
          previous = sorted;
          expect(sorted.ids).toEqual(fullSort([...state.values()]));
          expect(sorted.items.map((i) => i.id)).toEqual(sorted.ids);
          // The items are the current objects, not the ones sorted before.
          sorted.items.forEach((i) => expect(i).toBe(state.get(i.id)));
        }
      }),
    );
  });

  it('keeps the previous order of unchanged keys without comparing them again', () => {
    const many = Array.from({ length: 100 }, (_, n) => ({ id: `s${String(n).padStart(3, '0')}`, rank: n % 7, label: '' }));
    const first = resort(null, many, rules);
    let comparisons = 0;
    const counting = { ...rules, compare: (a: Item, b: Item) => (comparisons++, rules.compare(a, b)) };
    const updated = many.map((i) => (i.id === 's050' ? { ...i, rank: 99 } : i.id === 's010' ? { ...i, label: 'new' } : i));
    const second = resort(first, updated, counting);
    expect(second.ids[0]).toBe('s050');
    expect(second.items.find((i) => i.id === 's010')?.label).toBe('new');
    expect(second.ids).toEqual(fullSort(updated));
    expect(comparisons).toBeLessThan(110);
  });
});

describe('isSameOrder', () => {
  const a = { id: 'a', rank: 1, label: 'x' };
  const b = { id: 'b', rank: 2, label: 'x' };
  const same = (x: Item, y: Item) => x.rank === y.rank;
  it('holds when only keyless fields changed', () => {
    const before = new Map([
      ['a', a],
      ['b', b],
    ]);
    expect(isSameOrder(before, new Map([['a', { ...a, label: 'y' }], ['b', b]]), same)).toBe(true);
    expect(isSameOrder(before, new Map([['a', { ...a, rank: 3 }], ['b', b]]), same)).toBe(false);
    expect(isSameOrder(before, new Map([['a', a]]), same)).toBe(false);
    expect(isSameOrder(before, new Map([['a', a], ['c', { ...b, id: 'c' }]]), same)).toBe(false);
  });
});
