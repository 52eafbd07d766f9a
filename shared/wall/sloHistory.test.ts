import { describe, expect, it } from 'vitest';
import { appendPoint, readSnapshotHistory } from './sloHistory';
import type { HistoryPoint } from './sloHistory';

const p = (at: number, budgetRemaining = 1, burn1h: number | null = 0): HistoryPoint => ({ at, budgetRemaining, burn1h });

describe('appendPoint', () => {
  it('appends without changing the old array', () => {
    const a: readonly HistoryPoint[] = [p(0)];
    const b = appendPoint(a, p(10_000));
    expect(a).toHaveLength(1);
    expect(b.map((x) => x.at)).toEqual([0, 10_000]);
  });

  it('lets the latest point of a spacing slot replace the one before', () => {
    const points = appendPoint(appendPoint([], p(10_000, 0.9)), p(15_000, 0.8));
    expect(points).toEqual([p(15_000, 0.8)]);
  });

  it('ignores a point older than the last', () => {
    const points = appendPoint([p(50_000)], p(20_000));
    expect(points.map((x) => x.at)).toEqual([50_000]);
  });

  it('keeps at most the capacity, dropping the oldest', () => {
    let points: readonly HistoryPoint[] = [];
    for (let i = 0; i < 10; i += 1) points = appendPoint(points, p(i * 10_000), 4);
    expect(points.map((x) => x.at)).toEqual([60_000, 70_000, 80_000, 90_000]);
  });
});

describe('readSnapshotHistory', () => {
  it('seeds known SLOs from a snapshot, in time order, skipping bad points', () => {
    const raw = {
      history: {
        slos: {
          a: [{ at: 20_000, budgetRemaining: 0.5, burn1h: 2 }, { at: 0, budgetRemaining: 0.6 }, { at: 'x', budgetRemaining: 1 }, null],
          unknown: [{ at: 0, budgetRemaining: 1 }],
          b: 'nonsense',
        },
      },
    };
    const seeded = readSnapshotHistory(raw, new Set(['a', 'b']));
    expect([...seeded.keys()]).toEqual(['a']);
    expect(seeded.get('a')).toEqual([p(0, 0.6, null), p(20_000, 0.5, 2)]);
  });

  it('reads nothing from a snapshot without history', () => {
    expect(readSnapshotHistory({ v: 1 }, new Set(['a'])).size).toBe(0);
    expect(readSnapshotHistory(null, new Set(['a'])).size).toBe(0);
  });
});
