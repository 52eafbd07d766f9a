import { describe, expect, it } from 'vitest';
import { appendPoint, HISTORY_CAPACITY, HISTORY_SPACING_MS, HISTORY_WINDOW_MS, pointsOf, readSnapshotHistory } from './sloHistory';
import type { HistoryHandle, HistoryLimits, HistoryPoint } from './sloHistory';

// Values exact in float32, so points read back equal what went in.
const p = (at: number, budgetRemaining = 1, burn1h: number | null = 0): HistoryPoint => ({ at, budgetRemaining, burn1h });

// The point fill() adds at a time: budget in 64ths, no burn on every third slot.
const at10 = (at: number): HistoryPoint => p(at, (Math.floor(at / 10_000) % 64) / 64, Math.floor(at / 10_000) % 3 === 0 ? null : 2);

function fill(ats: readonly number[], limits: HistoryLimits = {}, handle?: HistoryHandle): HistoryHandle {
  let h = handle;
  for (const at of ats) h = appendPoint(h, at10(at), limits);
  if (h === undefined) throw new Error('no points');
  return h;
}

const times = (h: HistoryHandle | undefined) => pointsOf(h).map((x) => x.at);
const slots = (from: number, count: number) => Array.from({ length: count }, (_, i) => (from + i) * HISTORY_SPACING_MS);

describe('appendPoint', () => {
  it('starts a series and gives a new handle per new point', () => {
    const a = appendPoint(undefined, p(0));
    const b = appendPoint(a, p(10_000));
    expect(b).not.toBe(a);
    expect(b.series).toBe(a.series);
    expect(times(b)).toEqual([0, 10_000]);
  });

  it('lets the latest point of a spacing slot replace the one before', () => {
    const h = appendPoint(appendPoint(undefined, p(10_000, 0.875)), p(15_000, 0.75));
    expect(pointsOf(h)).toEqual([p(15_000, 0.75)]);
    expect(h.series.length).toBe(1);
  });

  it('ignores a point older than the last, keeping the same handle', () => {
    const h = appendPoint(undefined, p(50_000));
    expect(appendPoint(h, p(20_000))).toBe(h);
    expect(times(h)).toEqual([50_000]);
  });

  it('drops points older than the newest minus one hour', () => {
    // A point every 10 minutes: the hour before the newest holds 7 of them.
    const h = fill(Array.from({ length: 20 }, (_, i) => i * 600_000));
    const newest = 19 * 600_000;
    expect(times(h)).toEqual(Array.from({ length: 7 }, (_, i) => (13 + i) * 600_000));
    expect(Math.min(...times(h))).toBeGreaterThanOrEqual(newest - HISTORY_WINDOW_MS);
    // A rarely re-measured SLO keeps a small buffer.
    expect(h.series.room).toBe(8);
  });

  it('keeps only the newest point after a gap longer than the window', () => {
    const h = fill([0, 10_000, 20_000, HISTORY_WINDOW_MS + 30_000]);
    expect(times(h)).toEqual([HISTORY_WINDOW_MS + 30_000]);
  });

  it('keeps at most the capacity, dropping the oldest', () => {
    const h = fill(slots(0, 10), { capacity: 4 });
    expect(times(h)).toEqual([60_000, 70_000, 80_000, 90_000]);
  });

  it('keeps at most an hour of slots by default', () => {
    const h = fill(slots(0, 1_000));
    expect(HISTORY_CAPACITY).toBe(HISTORY_WINDOW_MS / HISTORY_SPACING_MS);
    expect(times(h)).toEqual(slots(640, 360));
  });

  it('grows its buffers by doubling, up to the capacity', () => {
    let h: HistoryHandle | undefined;
    const rooms: number[] = [];
    for (const at of slots(0, 400)) {
      h = appendPoint(h, p(at), { capacity: 100, initialCapacity: 4 });
      if (rooms[rooms.length - 1] !== h.series.room) rooms.push(h.series.room);
    }
    expect(rooms).toEqual([4, 8, 16, 32, 64, 100]);
  });

  it('keeps the newest points in order across the wrap of the ring', () => {
    // Capacity 5: the ring wraps several times, also after growing from 2.
    const h = fill(slots(0, 13), { capacity: 5, initialCapacity: 2 });
    expect(h.series.room).toBe(5);
    expect(pointsOf(h)).toEqual(slots(8, 5).map(at10));
  });

  it('keeps points in order when a wrapped ring grows', () => {
    const limits = { capacity: 8, initialCapacity: 2, windowMs: 30_000, spacingMs: 1_000 };
    // Every 10 s: the window holds 4 points, so the ring of 4 wraps.
    let h = fill(slots(0, 12), limits);
    expect(h.series.room).toBe(4);
    // Then every second: more points in the window, and the wrapped ring doubles.
    h = fill([111_000, 112_000, 113_000, 114_000], {}, h);
    expect(h.series.room).toBe(8);
    expect(pointsOf(h)).toEqual([90_000, 100_000, 110_000, 111_000, 112_000, 113_000, 114_000].map(at10));
  });

  it('keeps points in order when the window trims a wrapped ring', () => {
    let h = fill(slots(0, 11), { capacity: 6, initialCapacity: 6, windowMs: 50_000 });
    expect(times(h)).toEqual(slots(5, 6));
    h = appendPoint(h, p(130_000));
    expect(times(h)).toEqual([80_000, 90_000, 100_000, 130_000]);
    h = fill([140_000, 150_000, 160_000], {}, h);
    expect(pointsOf(h)).toEqual([p(130_000), at10(140_000), at10(150_000), at10(160_000)]);
  });

  it('round-trips a null burn as null', () => {
    const h = appendPoint(appendPoint(undefined, p(0, 0.5, null)), p(10_000, 0.25, 3));
    const read = pointsOf(appendPoint(h, p(20_000)));
    expect(read.slice(0, 2)).toEqual([p(0, 0.5, null), p(10_000, 0.25, 3)]);
  });

  it('lets a handle taken before later points read what it read before', () => {
    const before = fill(slots(0, 3), { capacity: 8, initialCapacity: 2 });
    const seen = pointsOf(before);
    // New slots (growing the buffers) and a replacement of its newest slot's point.
    let after = appendPoint(before, p(25_000, 0.125, null));
    after = fill(slots(3, 4), {}, after);
    expect(pointsOf(before)).toEqual(seen);
    expect(times(after)).toEqual([0, 10_000, 25_000, 30_000, 40_000, 50_000, 60_000]);
    // Once the ring drops its oldest points, the old handle reads the rest of its own, never newer ones.
    after = fill(slots(7, 4), {}, after);
    expect(times(after)).toEqual(slots(3, 8));
    expect(pointsOf(before)).toEqual(seen.slice(-1));
  });

  it('holds a full hour in 16 bytes a point', () => {
    const h = fill(slots(0, 2_000));
    expect(h.series.length).toBe(HISTORY_CAPACITY);
    expect(h.series.byteLength).toBeLessThanOrEqual(HISTORY_CAPACITY * 16);
  });
});

describe('readSnapshotHistory', () => {
  it('seeds known SLOs from a snapshot, in time order, skipping bad points', () => {
    const raw = {
      history: {
        slos: {
          a: [{ at: 20_000, budgetRemaining: 0.5, burn1h: 2 }, { at: 0, budgetRemaining: 0.625 }, { at: 'x', budgetRemaining: 1 }, null, { at: 5_000, budgetRemaining: 1, burn1h: -1 }],
          unknown: [{ at: 0, budgetRemaining: 1 }],
          b: 'nonsense',
        },
      },
    };
    const seeded = readSnapshotHistory(raw, new Set(['a', 'b']));
    expect([...seeded.keys()]).toEqual(['a']);
    expect(pointsOf(seeded.get('a'))).toEqual([p(0, 0.625, null), p(20_000, 0.5, 2)]);
  });

  it('bounds seeded points like live ones: the last hour, one per slot', () => {
    const raws = Array.from({ length: 1_000 }, (_, i) => ({ at: i * 5_000, budgetRemaining: 1 }));
    const h = readSnapshotHistory({ history: { slos: { a: raws } } }, new Set(['a'])).get('a');
    const read = times(h);
    expect(read).toHaveLength(HISTORY_CAPACITY);
    expect(read[read.length - 1]).toBe(999 * 5_000);
    expect(read[0]).toBeGreaterThanOrEqual(999 * 5_000 - HISTORY_WINDOW_MS);
  });

  it('reads nothing from a snapshot without history', () => {
    expect(readSnapshotHistory({ v: 1 }, new Set(['a'])).size).toBe(0);
    expect(readSnapshotHistory(null, new Set(['a'])).size).toBe(0);
  });
});
