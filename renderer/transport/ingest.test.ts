import { describe, expect, it, vi } from 'vitest';
import { exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { ResyncRequest } from '../../shared/protocol/messages';
import { createWallStore } from '../store/store';
import { testSettings } from '../test/testSettings';
import { createIngest } from './ingest';

const T0 = 1_700_000_000_000;

function setup() {
  const store = createWallStore(testSettings(), T0);
  const frames: Array<() => void> = [];
  const resyncs: ResyncRequest[] = [];
  let now = T0;
  const ingest = createIngest({
    store,
    now: () => now,
    schedule: (flush) => frames.push(flush),
    emitResync: (request) => resyncs.push(request),
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
});
