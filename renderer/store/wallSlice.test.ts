import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorRatios } from '../../shared/protocol/entities';
import { exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { DeltaMessage } from '../../shared/protocol/messages';
import { noClockOffset } from '../../shared/wall/freshness';
import { holdLevels, NO_HELD_LEVELS } from '../../shared/wall/hysteresis';
import { evaluateSlo } from '../../shared/slo/evaluate';
import type { Slo } from '../../shared/protocol/entities';
import { testSettings } from '../test/testSettings';
import { createWallStore } from './store';
import type { FeedBatch } from './types';

/* Rotation by importance with hysteresis, as the store drives it from its ticks. */

const T0 = 1_700_000_000_000;
const paging: ErrorRatios = { '5m': 0.05, '1h': 0.05, window: 0.0005 };
const calm: ErrorRatios = { '5m': 0.0001, '1h': 0.0001, window: 0.0002 };

function batch(patch: Partial<FeedBatch>): FeedBatch {
  return { snapshot: null, deltas: [], receivedAt: T0, lastSeq: 1, clock: noClockOffset, counts: { messages: 1, droppedMessages: 0, droppedEntities: 0, resyncs: 0 }, lastDrop: null, isSynced: true, ...patch };
}

function sloDelta(seq: number, errorRatio: ErrorRatios): DeltaMessage {
  return { v: 1, seq, at: T0 + seq * 1_000, upsert: { slos: [exampleSlo({ id: 'checkout-availability', errorRatio })] } };
}

function start(holdSeconds: number) {
  const store = createWallStore(testSettings({ holdSeconds }), T0);
  const slo = exampleSlo({ id: 'checkout-availability', errorRatio: calm });
  store.getState().applyBatch(batch({ snapshot: { message: { v: 1, seq: 1, at: T0, services: [exampleService()], slos: [slo], incidents: [] }, history: new Map() } }));
  store.getState().setLayout({ available: new Set(['health', 'budgets', 'incidents']), subPages: { health: 1, budgets: 1, incidents: 1, quiet: 1 } });
  store.getState().tick(T0);
  return store;
}

describe('wall slice hysteresis', () => {
  it('a flapping SLO neither becomes urgent nor changes its held level', () => {
    const store = start(10);
    for (let i = 0; i < 6; i += 1) {
      const at = T0 + (i + 1) * 4_000;
      store.getState().applyBatch(batch({ deltas: [sloDelta(2 + i, i % 2 === 0 ? paging : calm)], receivedAt: at, lastSeq: 2 + i }));
      store.getState().tick(at);
      expect(store.getState().held.get('checkout-availability')?.level).toBe('none');
      expect(store.getState().hasPageBurn).toBe(false);
    }
    expect(store.getState().rotation.nextUp ?? null).toBeNull();
  });

  it('a sustained page-level burn becomes urgent after the hold, queues the budgets page and lengthens its dwell', () => {
    const store = start(10);
    store.getState().applyBatch(batch({ deltas: [sloDelta(2, paging)], receivedAt: T0 + 1_000, lastSeq: 2 }));
    store.getState().tick(T0 + 1_000);
    store.getState().tick(T0 + 9_000);
    expect(store.getState().hasPageBurn).toBe(false);
    // No further message: the hold runs out on the ticks alone.
    store.getState().tick(T0 + 11_000);
    expect(store.getState().hasPageBurn).toBe(true);
    expect(store.getState().rotation).toMatchObject({ page: 'health', nextUp: 'budgets' });
    store.getState().tick(T0 + 20_000);
    expect(store.getState().rotation.page).toBe('budgets');
    // Twice the 20 s dwell on the urgent page.
    store.getState().tick(T0 + 59_000);
    expect(store.getState().rotation.page).toBe('budgets');
    store.getState().tick(T0 + 60_000);
    expect(store.getState().rotation.page).not.toBe('budgets');
  });
});

describe('wall slice held levels', () => {
  it('judging only what each batch changed and what waits gives the held levels of judging every SLO (property)', () => {
    const ratios: ErrorRatios[] = [calm, paging, { '2h': 0.004, '1d': 0.004, window: 0.0001 }];
    const slo = (n: number, r: number) => exampleSlo({ id: `s${n}`, name: `s${n}`, errorRatio: ratios[r]! });
    const step = fc.record({
      // At least a second apart: a waiting SLO is judged again once a second.
      dt: fc.integer({ min: 1_000, max: 8_000 }),
      changes: fc.array(fc.record({ n: fc.integer({ min: 0, max: 6 }), ratio: fc.integer({ min: -1, max: 2 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 15 }), (steps) => {
        const store = createWallStore(testSettings({ holdSeconds: 10 }), T0);
        const current = new Map<string, Slo>([0, 1, 2, 3].map((n) => [`s${n}`, slo(n, 0)]));
        store.getState().applyBatch(batch({ snapshot: { message: { v: 1, seq: 1, at: T0, services: [], slos: [...current.values()], incidents: [] }, history: new Map() } }));
        store.getState().tick(T0);
        let reference = holdLevels(NO_HELD_LEVELS, [...current.values()].map((x) => [x.id, evaluateSlo(x).level] as const), T0, 10_000);
        let now = T0;
        let seq = 1;
        for (const { dt, changes } of steps) {
          now += dt;
          if (changes.length > 0) {
            seq += 1;
            const upsert = changes.filter((c) => c.ratio >= 0).map((c) => slo(c.n, c.ratio));
            const remove = changes.filter((c) => c.ratio < 0).map((c) => `s${c.n}`);
            // Within a delta, upserts apply before removals.
            for (const x of upsert) current.set(x.id, x);
            for (const id of remove) current.delete(id);
            store.getState().applyBatch(batch({ deltas: [{ v: 1, seq, at: now, upsert: { slos: upsert }, remove: { slos: remove } }], receivedAt: now, lastSeq: seq }));
          }
          store.getState().tick(now);
          reference = holdLevels(reference, [...current.values()].map((x) => [x.id, evaluateSlo(x).level] as const), now, 10_000);
          expect(store.getState().held).toEqual(reference);
        }
      }),
      { numRuns: 60 },
    );
  });
});
