import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editMap, LayeredMap } from './layeredMap';

describe('LayeredMap', () => {
  it('reads exactly like a Map given the same sets and deletes, batch after batch, through flattening (property)', () => {
    const op = fc.record({ id: fc.integer({ min: 0, max: 300 }), isDelete: fc.boolean(), value: fc.integer() });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 300 }), fc.array(fc.array(op, { maxLength: 60, size: 'max' }), { maxLength: 12 }), (start, batches) => {
        const model = new Map(start.map((n) => [`k${n}`, n]));
        let map = LayeredMap.from(model);
        const versions: Array<[LayeredMap<number>, Array<[string, number]>]> = [];
        for (const batch of batches) {
          const results: boolean[] = [];
          const expected: boolean[] = [];
          const before = map;
          map = editMap(map, (draft) => {
            for (const { id, isDelete, value } of batch) {
              if (isDelete) {
                results.push(draft.delete(`k${id}`));
                expected.push(model.delete(`k${id}`));
              } else {
                draft.set(`k${id}`, value);
                model.set(`k${id}`, value);
              }
              // The draft reads its own edits.
              expect(draft.get(`k${id}`)).toBe(model.get(`k${id}`));
            }
          });
          expect(results).toEqual(expected);
          expect([...map]).toEqual([...model]);
          expect([...map.keys()]).toEqual([...model.keys()]);
          expect([...map.values()]).toEqual([...model.values()]);
          expect(map.size).toBe(model.size);
          for (let n = 0; n <= 301; n++) {
            expect(map.get(`k${n}`)).toBe(model.get(`k${n}`));
            expect(map.has(`k${n}`)).toBe(model.has(`k${n}`));
          }
          const seen: Array<[string, number]> = [];
          map.forEach((value, key) => seen.push([key, value]));
          expect(seen).toEqual([...model]);
          versions.push([before, [...before]]);
        }
        // Earlier versions are never changed by later edits.
        for (const [version, entries] of versions) expect([...version]).toEqual(entries);
      }),
      { numRuns: 150 },
    );
  });

  it('flattens a grown overlay into a new base and still reads like the Map', () => {
    const model = new Map(Array.from({ length: 400 }, (_, n) => [`k${n}`, n] as [string, number]));
    let map = LayeredMap.from(model);
    for (let batch = 0; batch < 20; batch++) {
      map = editMap(map, (draft) => {
        for (let i = 0; i < 30; i++) {
          const id = `k${(batch * 37 + i * 11) % 450}`;
          if (i % 7 === 0) {
            draft.delete(id);
            model.delete(id);
          } else {
            draft.set(id, batch * 1000 + i);
            model.set(id, batch * 1000 + i);
          }
        }
      });
      expect([...map]).toEqual([...model]);
    }
  });

  it('edits a plain Map without changing it', () => {
    const plain = new Map([['a', 1], ['b', 2]]);
    const next = editMap(plain, (draft) => {
      draft.set('a', 10);
      draft.delete('b');
      draft.set('c', 3);
    });
    expect([...next]).toEqual([['a', 10], ['c', 3]]);
    expect([...plain]).toEqual([['a', 1], ['b', 2]]);
  });
});
