import { describe, expect, it } from 'vitest';
import type { Slo } from '../protocol/entities';
import type { DeltaMessage } from '../protocol/messages';
import { applyDeltas, entitiesFromSnapshot } from './feedState';
import { changedIds, copyMap, recordLineage } from './lineage';

const slo = (id: string, n = 0) => ({ id, name: `${id} ${n}` }) as unknown as Slo;
const delta = (upsert: Slo[], remove: string[] = []): DeltaMessage => ({ v: 1, seq: 1, at: 0, upsert: { slos: upsert }, remove: { slos: remove } });

describe('map lineage', () => {
  const base = entitiesFromSnapshot({ services: [], slos: [slo('a'), slo('b'), slo('c')], incidents: [] });

  it('names the ids a batch of deltas set or removed, across several batches', () => {
    const one = applyDeltas(base, [delta([slo('a', 1)]), delta([slo('d')], ['b'])]);
    expect([...changedIds(base.slos, one.slos)!].sort()).toEqual(['a', 'b', 'd']);
    const two = applyDeltas(one, [delta([slo('c', 2)])]);
    expect([...changedIds(one.slos, two.slos)!]).toEqual(['c']);
    expect([...changedIds(base.slos, two.slos)!].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives no ids for the same map, and does not know unrelated maps, a snapshot in between, or the reverse direction', () => {
    const one = applyDeltas(base, [delta([slo('a', 1)])]);
    expect(changedIds(one.slos, one.slos)!.size).toBe(0);
    const resync = entitiesFromSnapshot({ services: [], slos: [slo('a', 2)], incidents: [] });
    expect(changedIds(one.slos, resync.slos)).toBeNull();
    expect(changedIds(base.slos, applyDeltas(resync, [delta([slo('b')])]).slos)).toBeNull();
    expect(changedIds(one.slos, base.slos)).toBeNull();
  });

  it('does not vouch for the order of a map an entry was deleted from, when asked to', () => {
    const removed = applyDeltas(base, [delta([], ['b'])]);
    const readded = applyDeltas(removed, [delta([slo('b', 1)])]);
    expect(changedIds(base.slos, readded.slos, { isOrderKept: true })).toBeNull();
    expect([...changedIds(base.slos, readded.slos)!]).toEqual(['b']);
    // Deleting an id the map did not hold deletes nothing.
    const noop = applyDeltas(base, [delta([slo('a', 1)], ['zz'])]);
    expect([...changedIds(base.slos, noop.slos, { isOrderKept: true })!].sort()).toEqual(['a', 'zz']);
  });

  it('gives up beyond the asked number of ids or too many steps, so the caller compares the whole maps', () => {
    const one = applyDeltas(base, [delta([slo('a', 1), slo('b', 1)])]);
    expect(changedIds(base.slos, one.slos, { maxIds: 1 })).toBeNull();
    expect(changedIds(base.slos, one.slos, { maxIds: 2 })!.size).toBe(2);
    let far = one.slos;
    for (let i = 0; i < 20; i++) {
      const next = new Map(far);
      recordLineage(far, next, new Set(['a']), false);
      far = next;
    }
    expect(changedIds(one.slos, far)).toBeNull();
  });
});

describe('copyMap', () => {
  it('copies every entry in the same order into a map of its own', () => {
    const map = new Map([['b', 1], ['a', 2], ['c', 3]]);
    const copy = copyMap(map);
    expect([...copy]).toEqual([...map]);
    copy.set('d', 4);
    expect(map.has('d')).toBe(false);
  });
});
