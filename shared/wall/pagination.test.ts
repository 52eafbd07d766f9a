import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnHeight, flowColumns, gridFor, pageCount, pageOf } from './pagination';
import type { Group, TileSpec } from './pagination';

const tile: TileSpec = { minWidth: 300, height: 100, gap: 10, headerHeight: 40 };

describe('gridFor', () => {
  it('fits whole tiles with gaps between them', () => {
    // 3 tiles of 300 + 2 gaps of 10 = 920 <= 930 - 1 slack; 4 would need 1230.
    expect(gridFor({ width: 930, height: 330 }, tile)).toEqual({ columns: 3, rows: 3 });
    expect(gridFor({ width: 919, height: 319 }, tile)).toEqual({ columns: 2, rows: 2 });
  });

  it('never returns an empty grid', () => {
    expect(gridFor({ width: 10, height: 10 }, tile)).toEqual({ columns: 1, rows: 1 });
  });
});

describe('pageCount and pageOf', () => {
  it('cut pages of a size, with one empty page for nothing', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageCount(items.length, 2)).toBe(3);
    expect([0, 1, 2].map((i) => pageOf(items, 2, i))).toEqual([[1, 2], [3, 4], [5]]);
    expect(pageOf(items, 2, 3)).toEqual([]);
    expect(pageCount(0, 3)).toBe(1);
    expect(pageOf([], 3, 0)).toEqual([]);
    expect(pageCount(4, 2)).toBe(2);
    expect(pageCount(3, 0)).toBe(3);
  });
});

describe('flowColumns', () => {
  // 930 wide: 3 columns. 450 high: 459 to spend; tiles cost 110, headings 50.
  const area = { width: 930, height: 450 };
  const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

  it('flows an untitled group down the columns, then onto the next sub-page', () => {
    const { columns, pages } = paginate([{ title: null, items: ids(30) }]);
    expect(columns).toBe(3);
    expect(pages.map((p) => p.map((c) => c.flatMap((b) => b.items).length))).toEqual([[4, 4, 4], [4, 4, 4], [4, 2]]);
    expect(pages[0]?.[0]?.[0]?.items).toEqual([0, 1, 2, 3]);
  });

  it('continues a long group in the next column under the same title', () => {
    const { pages } = paginate([{ title: 'payments', items: ids(5) }]);
    // Heading 50 + 3 tiles of 110 = 380; a 4th would need 490 > 459.
    expect(pages[0]?.[0]?.[0]).toMatchObject({ title: 'payments', isContinued: false, items: [0, 1, 2] });
    expect(pages[0]?.[1]?.[0]).toMatchObject({ title: 'payments', isContinued: true, items: [3, 4] });
  });

  it('stacks small groups in one column and moves a group on when not even one tile fits', () => {
    const { pages } = paginate([
      { title: 'a', items: [1] },
      { title: 'b', items: [2] },
      { title: 'c', items: [3, 4] },
    ]);
    // a: 160, b: 160 -> 320 used; c needs 50 + 110 = 160 > 139 left.
    expect(pages[0]?.[0]?.map((b) => b.title)).toEqual(['a', 'b']);
    expect(pages[0]?.[1]?.[0]?.title).toBe('c');
  });

  it('returns one empty page for no groups', () => {
    expect(paginate([]).pages).toEqual([[]]);
  });

  function paginate(groups: Group<number>[]) {
    return flowColumns(groups, area, tile);
  }

  it('keeps every item exactly once, in order, and never overflows the area', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: fc.option(fc.string(), { nil: null }), count: fc.nat(40) }), { maxLength: 8 }),
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 150, max: 2200 }),
        (specs, width, height) => {
          let next = 0;
          const groups = specs.map((s) => ({ title: s.title, items: ids(s.count, (next += s.count) - s.count) }));
          const { pages, columns } = flowColumns(groups, { width, height }, tile);
          const flat = pages.flatMap((p) => p.flatMap((c) => c.flatMap((b) => b.items)));
          expect(flat).toEqual(ids(next));
          for (const page of pages) {
            expect(page.length).toBeLessThanOrEqual(columns);
            for (const column of page) {
              const isOneTileAlone = column.length === 1 && column[0]!.items.length === 1;
              if (!isOneTileAlone) expect(columnHeight(column, tile)).toBeLessThanOrEqual(height);
            }
          }
        },
      ),
    );
  });
});
