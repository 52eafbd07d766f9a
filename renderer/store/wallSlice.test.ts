import { describe, expect, it } from 'vitest';
import type { ErrorRatios } from '../../shared/protocol/entities';
import { exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { DeltaMessage } from '../../shared/protocol/messages';
import { noClockOffset } from '../../shared/wall/freshness';
import { testSettings } from '../test/testSettings';
import { createWallStore } from './store';
import type { FeedBatch } from './types';

/* Rotation by importance with hysteresis, as the store drives it from its ticks. */

const T0 = 1_700_000_000_000;
const paging: ErrorRatios = { '5m': 0.05, '1h': 0.05, window: 0.0005 };
const calm: ErrorRatios = { '5m': 0.0001, '1h': 0.0001, window: 0.0002 };

function batch(patch: Partial<FeedBatch>): FeedBatch {
  return { snapshot: null, deltas: [], receivedAt: T0, lastSeq: 1, clock: noClockOffset, counts: { messages: 1, droppedMessages: 0, droppedEntities: 0, resyncs: 0 }, lastDrop: null, ...patch };
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
