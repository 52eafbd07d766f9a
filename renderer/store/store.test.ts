import { describe, expect, it } from 'vitest';
import { exampleIncident, exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { DeltaMessage, SnapshotMessage } from '../../shared/protocol/messages';
import { noClockOffset } from '../../shared/wall/freshness';
import { pointsOf } from '../../shared/wall/sloHistory';
import { testSettings } from '../test/testSettings';
import { createWallStore } from './store';
import type { FeedBatch } from './types';

const T0 = 1_700_000_000_000;

function snapshot(patch: Partial<SnapshotMessage> = {}): SnapshotMessage {
  return { v: 1, seq: 1, at: T0, services: [exampleService()], slos: [exampleSlo()], incidents: [], ...patch };
}

function batch(patch: Partial<FeedBatch>): FeedBatch {
  return {
    snapshot: null,
    deltas: [],
    receivedAt: T0,
    lastSeq: 1,
    clock: noClockOffset,
    counts: { messages: 1, droppedMessages: 0, droppedEntities: 0, resyncs: 0 },
    lastDrop: null,
    isSynced: true,
    ...patch,
  };
}

function delta(seq: number, patch: Partial<DeltaMessage>): DeltaMessage {
  return { v: 1, seq, at: T0 + seq * 1_000, ...patch };
}

function liveStore() {
  const store = createWallStore(testSettings(), T0);
  store.getState().setSocket('connected', T0);
  store.getState().applyBatch(batch({ snapshot: { message: snapshot(), history: new Map() } }));
  return store;
}

describe('wall store', () => {
  it('applies a snapshot and turns live', () => {
    const store = liveStore();
    const s = store.getState();
    expect(s.hasSnapshot).toBe(true);
    expect([...s.entities.services.keys()]).toEqual(['checkout']);
    expect(s.connection).toBe('live');
    expect(s.counters.messages).toBe(1);
  });

  it('goes stale after the silence limit and offline when the socket drops, remembering since when', () => {
    const store = liveStore();
    store.getState().tick(T0 + 14_999);
    expect(store.getState().connection).toBe('live');
    store.getState().tick(T0 + 15_000);
    expect(store.getState().connection).toBe('stale');
    store.getState().setSocket('disconnected', T0 + 20_000);
    store.getState().setSocket('connecting', T0 + 21_000);
    expect(store.getState().connection).toBe('offline');
    expect(store.getState().offlineSince).toBe(T0 + 20_000);
    store.getState().setSocket('connected', T0 + 30_000);
    expect(store.getState().offlineSince).toBeNull();
  });

  it('records a history point per changed SLO and drops the history of a removed one', () => {
    const store = liveStore();
    const burning = exampleSlo({ updatedAt: T0 + 60_000, errorRatio: { '1h': 0.02, '5m': 0.02, window: 0.0005 } });
    store.getState().applyBatch(batch({ deltas: [delta(2, { upsert: { slos: [burning] } })], lastSeq: 2 }));
    const before = store.getState().history;
    const points = pointsOf(before.get('checkout-availability'));
    expect(points.map((p) => p.at)).toEqual([T0, T0 + 60_000]);
    expect(points[1]?.budgetRemaining).toBeCloseTo(0.5, 9);
    expect(points[1]?.burn1h).toBeCloseTo(20, 9);
    // A point the SLO already has (a late message) leaves its history as it was.
    store.getState().applyBatch(batch({ deltas: [delta(3, { upsert: { slos: [exampleSlo({ updatedAt: T0 + 30_000 })] } })], lastSeq: 3 }));
    expect(store.getState().history.get('checkout-availability')).toBe(before.get('checkout-availability'));
    store.getState().applyBatch(batch({ deltas: [delta(4, { remove: { slos: ['checkout-availability'] } })], lastSeq: 4 }));
    expect(store.getState().history.has('checkout-availability')).toBe(false);
  });

  it('holds the incidents page when a sev1 opens after the first snapshot, not for one already open', () => {
    const store = createWallStore(testSettings(), T0);
    const open = exampleIncident({ id: 'old', severity: 'sev1' });
    store.getState().applyBatch(batch({ snapshot: { message: snapshot({ incidents: [open] }), history: new Map() } }));
    expect(store.getState().rotation.page).toBe('health');
    const fresh = exampleIncident({ id: 'new', severity: 'sev2' });
    store.getState().applyBatch(batch({ deltas: [delta(2, { upsert: { incidents: [fresh] } })], receivedAt: T0 + 5_000 }));
    // The page turns on the next tick, in a task of its own, not in the batch's.
    expect(store.getState().rotation.page).toBe('health');
    store.getState().tick(T0 + 5_100);
    // Held for the incidents page's urgent dwell: twice the 20 s dwell.
    expect(store.getState().rotation).toMatchObject({ page: 'incidents', holdUntil: T0 + 5_100 + 40_000 });
    expect(store.getState().isIncidentInterruptDue).toBe(false);
    // Once: the next tick leaves the rotation to its dwell.
    const held = store.getState().rotation;
    store.getState().tick(T0 + 5_400);
    expect(store.getState().rotation).toBe(held);
  });

  it('a pause pressed after a major incident arrived, before the tick, pauses on the incidents page and holds', () => {
    const store = createWallStore(testSettings(), T0);
    store.getState().applyBatch(batch({ snapshot: { message: snapshot({ incidents: [] }), history: new Map() } }));
    store.getState().applyBatch(batch({ deltas: [delta(2, { upsert: { incidents: [exampleIncident({ id: 'new', severity: 'sev1' })] } })], receivedAt: T0 + 5_000 }));
    store.getState().togglePause(T0 + 5_050);
    expect(store.getState().rotation).toMatchObject({ page: 'incidents', pausedAt: T0 + 5_050 });
    // The tick that follows does not turn the page again, and so does not undo the pause.
    store.getState().tick(T0 + 5_100);
    store.getState().tick(T0 + 120_000);
    expect(store.getState().rotation).toMatchObject({ page: 'incidents', pausedAt: T0 + 5_050 });
  });

  it('a step pressed before the interrupt tick steps on from the incidents page', () => {
    const store = createWallStore(testSettings(), T0);
    store.getState().applyBatch(batch({ snapshot: { message: snapshot({ incidents: [] }), history: new Map() } }));
    store.getState().setLayout({ available: new Set(['health', 'budgets', 'incidents']), subPages: { health: 1, budgets: 1, incidents: 1, quiet: 1 } });
    store.getState().applyBatch(batch({ deltas: [delta(2, { upsert: { incidents: [exampleIncident({ id: 'new', severity: 'sev2' })] } })], receivedAt: T0 + 5_000 }));
    store.getState().step(1, T0 + 5_050);
    const stepped = store.getState().rotation;
    // Urgent pages first: incidents, health, budgets. From the incidents page the step lands on health; from health, where the wall was, it would be budgets.
    expect(stepped.page).toBe('health');
    store.getState().tick(T0 + 5_100);
    expect(store.getState().rotation.page).toBe(stepped.page);
  });

  it('keeps a resolved incident a few minutes on the feed clock, then lets it go', () => {
    const store = liveStore();
    const resolved = exampleIncident({ status: 'resolved', resolvedAt: T0 });
    store.getState().applyBatch(batch({ deltas: [delta(2, { upsert: { incidents: [resolved] } })] }));
    store.getState().applyBatch(batch({ deltas: [delta(3, { remove: { incidents: [resolved.id] } })] }));
    expect(store.getState().resolved.has(resolved.id)).toBe(true);
    store.getState().tick(T0 + 5 * 60_000 + 1);
    expect(store.getState().resolved.has(resolved.id)).toBe(false);
  });

  it('rotates on ticks with the measured layout, and the keys step, pause and enter quiet mode', () => {
    const store = liveStore();
    store.getState().setLayout({ available: new Set(['health', 'budgets']), subPages: { health: 1, budgets: 1, incidents: 1, quiet: 1 } });
    store.getState().tick(T0 + 20_000);
    expect(store.getState().rotation.page).toBe('budgets');
    store.getState().step(1, T0 + 21_000);
    expect(store.getState().rotation.page).toBe('health');
    store.getState().togglePause(T0 + 22_000);
    store.getState().tick(T0 + 90_000);
    expect(store.getState().rotation.page).toBe('health');
    store.getState().toggleQuiet(T0 + 90_001);
    expect(store.getState().rotation.isQuiet).toBe(true);
  });

  it('moves the clock once a second, not on every tick', () => {
    const store = liveStore();
    let wakes = 0;
    store.subscribe((s, prev) => {
      if (s.now !== prev.now) wakes += 1;
    });
    for (let t = 0; t < 4_000; t += 250) store.getState().tick(T0 + t);
    expect(wakes).toBe(3);
  });

  it('follows new settings: a new page list restarts the rotation, the quiet flag toggles quiet mode', () => {
    const store = liveStore();
    store.getState().setSettings(testSettings({ pages: ['incidents'], isQuiet: true }), T0 + 1);
    expect(store.getState().rotation).toMatchObject({ page: 'incidents', isQuiet: true });
  });
});
