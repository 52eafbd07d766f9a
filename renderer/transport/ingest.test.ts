import { describe, expect, it, vi } from 'vitest';
import { exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { ResyncRequest } from '../../shared/protocol/messages';
import { createWallStore } from '../store/store';
import { testSettings } from '../test/testSettings';
import { createIngest } from './ingest';

const T0 = 1_700_000_000_000;

function setup(options: { stageAbove?: number; slosPerFrame?: number } = {}) {
  const store = createWallStore(testSettings(), T0);
  const frames: Array<() => void> = [];
  const resyncs: ResyncRequest[] = [];
  let now = T0;
  const ingest = createIngest({
    store,
    now: () => now,
    schedule: (flush) => frames.push(flush),
    emitResync: (request) => resyncs.push(request),
    ...options,
  });
  const frame = () => frames.splice(0).forEach((f) => f());
  const applies = vi.spyOn(store.getState(), 'applyBatch');
  return { store, ingest, frame, resyncs, applies, setNow: (t: number) => (now = t) };
}

const snap = (seq: number, services = [exampleService()]) => ({ v: 1, seq, at: T0 + 60_000, services, slos: [exampleSlo()], incidents: [] });
const upsert = (seq: number, name: string) => ({ v: 1, seq, at: T0 + 60_000, upsert: { services: [exampleService({ name })] } });

describe('ingest', () => {
  it('applies any number of messages in one store update per frame', () => {
    const { store, ingest, frame, applies } = setup();
    let updates = 0;
    store.subscribe(() => (updates += 1));
    ingest.onMessage('feed:snapshot', snap(1));
    for (let seq = 2; seq <= 200; seq += 1) ingest.onMessage('feed:delta', upsert(seq, `name ${seq}`));
    expect(store.getState().hasSnapshot).toBe(false);
    frame();
    expect(applies).toHaveBeenCalledTimes(1);
    expect(updates).toBe(1);
    expect(store.getState().entities.services.get('checkout')?.name).toBe('name 200');
    expect(store.getState().lastSeq).toBe(200);
    expect(store.getState().counters.messages).toBe(200);
  });

  it('asks for a resync on a gap and applies nothing until the next snapshot', () => {
    const { store, ingest, frame, resyncs } = setup();
    ingest.onMessage('feed:snapshot', snap(1));
    ingest.onMessage('feed:delta', upsert(2, 'two'));
    ingest.onMessage('feed:delta', upsert(5, 'five'));
    ingest.onMessage('feed:delta', upsert(6, 'six'));
    frame();
    expect(resyncs).toEqual([{ lastSeq: 2 }]);
    expect(store.getState().entities.services.get('checkout')?.name).toBe('two');
    expect(store.getState().counters.resyncs).toBe(1);
    ingest.onMessage('feed:snapshot', snap(6, [exampleService({ name: 'from snapshot' })]));
    frame();
    expect(store.getState().entities.services.get('checkout')?.name).toBe('from snapshot');
  });

  it('asks again when a resync goes unanswered', () => {
    const { ingest, frame, resyncs, store } = setup();
    ingest.onMessage('feed:snapshot', snap(1));
    ingest.onMessage('feed:heartbeat', { v: 1, seq: 3, at: T0 });
    ingest.tick(T0 + 5_000);
    frame();
    expect(resyncs).toHaveLength(2);
    expect(store.getState().counters.resyncs).toBe(2);
  });

  it('drops and counts a malformed message, a bad entity alone, and keeps going', () => {
    const { store, ingest, frame } = setup();
    ingest.onMessage('feed:snapshot', snap(1));
    ingest.onMessage('feed:delta', { v: 1, seq: 'malformed', at: T0 });
    ingest.onMessage('feed:delta', 'not even an object');
    ingest.onMessage('feed:delta', { v: 1, seq: 2, at: T0, upsert: { services: [{ id: 'bad', status: 'on-fire' }, exampleService({ id: 'good' })] } });
    frame();
    const s = store.getState();
    expect(s.counters).toMatchObject({ droppedMessages: 2, droppedEntities: 1, messages: 2 });
    expect(s.entities.services.has('good')).toBe(true);
    expect(s.lastDrop).toContain('bad');
  });

  it('measures the feed clock offset and starts afresh on a new connection', () => {
    const { store, ingest, frame, setNow } = setup();
    ingest.onMessage('feed:snapshot', snap(1));
    frame();
    expect(store.getState().clock.offsetMs).toBe(60_000);
    ingest.onConnected();
    setNow(T0 + 1_000);
    ingest.onMessage('feed:snapshot', { ...snap(1), at: T0 + 1_000 });
    frame();
    expect(store.getState().clock.offsetMs).toBe(0);
  });

  it('lets a snapshot replace deltas buffered before it in the same frame', () => {
    const { store, ingest, frame } = setup();
    ingest.onMessage('feed:snapshot', snap(1));
    ingest.onMessage('feed:delta', upsert(2, 'lost'));
    ingest.onMessage('feed:snapshot', snap(9, [exampleService({ name: 'fresh' })]));
    frame();
    expect(store.getState().entities.services.get('checkout')?.name).toBe('fresh');
    expect(store.getState().lastSeq).toBe(9);
  });

  it('ignores deltas after a disconnect until the snapshot of the next connection', () => {
    const { store, ingest, frame } = setup();
    ingest.onMessage('feed:snapshot', snap(1));
    ingest.onDisconnected();
    ingest.onMessage('feed:delta', upsert(2, 'stray'));
    frame();
    expect(store.getState().entities.services.get('checkout')?.name).toBe('Checkout');
  });

  describe('syncing: what the wall shows is this connection’s state only once its snapshot is applied', () => {
    const connect = (store: ReturnType<typeof setup>['store'], ingest: ReturnType<typeof setup>['ingest']) => {
      ingest.onConnected();
      store.getState().setSocket('connected', T0);
    };

    it('is syncing from each connection until its snapshot, however many heartbeats arrive first', () => {
      const { store, ingest, frame } = setup();
      connect(store, ingest);
      expect(store.getState().connection).toBe('syncing');
      ingest.onMessage('feed:snapshot', snap(1));
      frame();
      expect(store.getState().connection).toBe('live');

      ingest.onDisconnected();
      store.getState().setSocket('disconnected', T0);
      expect(store.getState().connection).toBe('offline');
      connect(store, ingest);
      ingest.onMessage('feed:heartbeat', { v: 1, seq: 1, at: T0 + 60_000 });
      ingest.onMessage('feed:delta', upsert(2, 'stray'));
      frame();
      expect(store.getState().connection).toBe('syncing');
      expect(store.getState().lastMessageAt).toBe(T0);
      ingest.onMessage('feed:snapshot', snap(9, [exampleService({ name: 'new connection' })]));
      frame();
      expect(store.getState().connection).toBe('live');
      expect(store.getState().entities.services.get('checkout')?.name).toBe('new connection');
    });

    it('is syncing from a gap until the resync snapshot arrives', () => {
      const { store, ingest, frame } = setup();
      connect(store, ingest);
      ingest.onMessage('feed:snapshot', snap(1));
      frame();
      ingest.onMessage('feed:delta', upsert(3, 'after a gap'));
      frame();
      expect(store.getState().connection).toBe('syncing');
      ingest.onMessage('feed:heartbeat', { v: 1, seq: 3, at: T0 + 60_000 });
      frame();
      expect(store.getState().connection).toBe('syncing');
      ingest.onMessage('feed:snapshot', snap(3));
      frame();
      expect(store.getState().connection).toBe('live');
    });

    it('is syncing while a large snapshot of a new connection is prepared behind the old state, live with a first one’s services', () => {
      const { store, ingest, frame } = setup({ stageAbove: 3, slosPerFrame: 2 });
      const big = (seq: number) => ({ ...snap(seq), slos: Array.from({ length: 5 }, (_, i) => exampleSlo({ id: `slo-${i}` })) });
      connect(store, ingest);
      ingest.onMessage('feed:snapshot', big(1));
      frame();
      expect(store.getState().loadingSlos).toBe(5);
      expect(store.getState().connection).toBe('live');
      for (let i = 0; i < 4; i += 1) frame();
      expect(store.getState().loadingSlos).toBe(0);
      expect(store.getState().connection).toBe('live');

      ingest.onDisconnected();
      store.getState().setSocket('disconnected', T0);
      connect(store, ingest);
      ingest.onMessage('feed:snapshot', big(20));
      frame();
      expect(store.getState().lastSeq).toBe(1);
      expect(store.getState().connection).toBe('syncing');
      ingest.onMessage('feed:heartbeat', { v: 1, seq: 20, at: T0 + 60_000 });
      frame();
      expect(store.getState().connection).toBe('syncing');
      for (let i = 0; i < 3; i += 1) frame();
      expect(store.getState().lastSeq).toBe(20);
      expect(store.getState().connection).toBe('live');
    });
  });

  describe('a snapshot with more SLOs than stageAbove', () => {
    const slos = (n: number, objective = 0.999) => Array.from({ length: n }, (_, i) => exampleSlo({ id: `slo-${i}`, objective }));
    const big = (seq: number, name: string, objective?: number) => ({ ...snap(seq, [exampleService({ name })]), slos: slos(5, objective) });
    const sloUpsert = (seq: number, id: string, objective: number) => ({ v: 1, seq, at: T0 + 60_000, upsert: { slos: [exampleSlo({ id, objective })] } });

    it('shows a first snapshot\'s services at once, then its SLOs a slice per frame later, with the deltas that came meanwhile', () => {
      const { store, ingest, frame } = setup({ stageAbove: 3, slosPerFrame: 2 });
      ingest.onMessage('feed:snapshot', big(1, 'first'));
      frame();
      let s = store.getState();
      expect(s.hasSnapshot).toBe(true);
      expect(s.entities.services.get('checkout')?.name).toBe('first');
      expect(s.entities.slos.size).toBe(0);
      expect(s.loadingSlos).toBe(5);
      expect(s.lastSeq).toBe(1);
      ingest.onMessage('feed:delta', sloUpsert(2, 'slo-4', 0.95));
      ingest.onMessage('feed:delta', { v: 1, seq: 3, at: T0 + 60_000, upsert: { services: [exampleService({ name: 'renamed', status: 'down' })] } });
      frame();
      // Deltas wait for the snapshot they follow.
      expect(store.getState().entities.services.get('checkout')?.name).toBe('first');
      expect(store.getState().loadingSlos).toBe(5);
      frame();
      frame();
      frame();
      s = store.getState();
      expect(s.loadingSlos).toBe(0);
      expect(s.entities.slos.size).toBe(5);
      expect(s.entities.slos.get('slo-4')?.objective).toBe(0.95);
      expect(s.entities.services.get('checkout')?.name).toBe('renamed');
      expect(s.lastSeq).toBe(3);
      // The SLOs completing the first snapshot are not news; what the deltas changed is.
      expect(s.changeLog.changes.map((c) => [c.kind, c.entityId])).toEqual([['service-down', 'checkout']]);
    });

    it('keeps showing what the wall had until a large resync snapshot is ready, then replaces it whole', () => {
      const { store, ingest, frame } = setup({ stageAbove: 3, slosPerFrame: 2 });
      ingest.onMessage('feed:snapshot', snap(1));
      frame();
      ingest.onMessage('feed:snapshot', big(7, 'resynced', 0.99));
      frame();
      let s = store.getState();
      expect(s.entities.services.get('checkout')?.name).toBe('Checkout');
      expect([...s.entities.slos.keys()]).toEqual(['checkout-availability']);
      expect(s.loadingSlos).toBe(0);
      expect(s.lastSeq).toBe(1);
      frame();
      frame();
      // Still the old state until the frame after the last slice.
      expect(store.getState().entities.services.get('checkout')?.name).toBe('Checkout');
      frame();
      s = store.getState();
      expect(s.entities.services.get('checkout')?.name).toBe('resynced');
      expect(s.entities.slos.size).toBe(5);
      expect(s.lastSeq).toBe(7);
    });

    it('still applies a first snapshot being prepared when the connection drops, with the deltas that came before the drop, and not the loading state forever', () => {
      const { store, ingest, frame } = setup({ stageAbove: 3, slosPerFrame: 1 });
      ingest.onMessage('feed:snapshot', big(1, 'first'));
      frame();
      expect(store.getState().loadingSlos).toBe(5);
      ingest.onMessage('feed:delta', upsert(2, 'before the drop'));
      ingest.onDisconnected();
      ingest.onMessage('feed:delta', upsert(3, 'stray'));
      for (let i = 0; i < 8; i += 1) frame();
      const s = store.getState();
      expect(s.loadingSlos).toBe(0);
      expect(s.entities.slos.size).toBe(5);
      expect(s.entities.services.get('checkout')?.name).toBe('before the drop');
      expect(s.lastSeq).toBe(2);
    });

    it('prepares one slice per frame however often large and small snapshots take turns', () => {
      const { store, ingest, frame } = setup({ stageAbove: 3, slosPerFrame: 1 });
      const evaluated = () => store.getState().entities.slos.size;
      ingest.onMessage('feed:snapshot', snap(1));
      frame();
      ingest.onMessage('feed:snapshot', big(2, 'a'));
      ingest.onMessage('feed:snapshot', snap(3));
      ingest.onMessage('feed:snapshot', big(4, 'b'));
      // One chain of slices: five SLOs at one a frame take five frames, then one more to apply.
      for (let i = 0; i < 5; i += 1) frame();
      expect(store.getState().entities.services.get('checkout')?.name).toBe('Checkout');
      frame();
      expect(store.getState().entities.services.get('checkout')?.name).toBe('b');
      expect(evaluated()).toBe(5);
    });

    it('applies a snapshot at or under the limit in one batch', () => {
      const { store, ingest, frame } = setup({ stageAbove: 5 });
      ingest.onMessage('feed:snapshot', big(1, 'small enough'));
      frame();
      expect(store.getState().entities.slos.size).toBe(5);
      expect(store.getState().loadingSlos).toBe(0);
    });
  });
});
