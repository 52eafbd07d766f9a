import { describe, expect, it } from 'vitest';
import { exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import { createWallStore } from '../store/store';
import { testSettings } from '../test/testSettings';
import { createDiagnosticsTracker, entityReason, messageReason, OTHER_REASON } from './diagnostics';
import { createIngest } from './ingest';
import { exposeStateDump } from './stateDump';
import type { WallStateDump } from './stateDump';

const T0 = 1_700_000_000_000;

function setup() {
  const store = createWallStore(testSettings(), T0);
  const frames: Array<() => void> = [];
  const ingest = createIngest({ store, now: () => T0, schedule: (flush) => frames.push(flush), emitResync: () => undefined });
  return { store, ingest, frame: () => frames.splice(0).forEach((f) => f()) };
}

const snap = (seq: number) => ({ v: 1, seq, at: T0, services: [exampleService()], slos: [exampleSlo()], incidents: [] });

describe('diagnostics', () => {
  it('names drop reasons by field, without the values', () => {
    expect(messageReason({ ok: false, reason: 'feed:delta: seq: must be a non-negative integer' })).toBe('message: seq');
    expect(messageReason({ ok: false, reason: 'feed:delta: message must be an object, got string' })).toBe('message: not an object');
    expect(messageReason({ ok: false, reason: 'feed:delta: protocol version 2 is not spoken here', unsupportedVersion: 2 })).toBe('message: protocol version');
    expect(entityReason({ kind: 'slo', id: 'x', reason: 'objective: must be strictly between 0 and 1' })).toBe('slo: objective');
    expect(entityReason({ kind: 'service', reason: 'no path here' })).toBe('service: invalid');
  });

  it('counts drops by reason, reconnects and a foreign protocol version until a valid message', () => {
    const { store, ingest, frame } = setup();
    ingest.onConnected();
    ingest.onMessage('feed:snapshot', snap(1));
    ingest.onMessage('feed:delta', { v: 1, seq: 'x', at: T0 });
    ingest.onMessage('feed:delta', { v: 2, seq: 2, at: T0 });
    ingest.onMessage('feed:delta', { v: 1, seq: 2, at: T0, upsert: { services: [{ ...exampleService(), status: 'on-fire' }] } });
    ingest.onMessage('feed:heartbeat', { v: 7, seq: 2, at: T0 });
    frame();
    let d = store.getState().diagnostics;
    expect(Object.fromEntries(d.dropReasons)).toEqual({ 'message: seq': 1, 'message: protocol version': 2, 'service: status': 1 });
    expect(d.unsupportedVersion).toBe(7);
    expect(d.unsupportedMessages).toBe(2);
    expect(d.reconnects).toBe(0);

    ingest.onDisconnected();
    ingest.onConnected();
    ingest.onMessage('feed:snapshot', snap(5));
    frame();
    d = store.getState().diagnostics;
    expect(d.reconnects).toBe(1);
    expect(d.unsupportedVersion).toBeNull();
  });

  it('keeps the list of reasons bounded', () => {
    const tracker = createDiagnosticsTracker();
    for (let i = 0; i < 100; i += 1) tracker.entityDropped({ kind: 'slo', reason: `field${i}: bad` });
    const d = tracker.take()!;
    expect(d.dropReasons.size).toBe(41);
    expect(d.dropReasons.get(OTHER_REASON)).toBe(60);
    expect(tracker.take()).toBeNull();
  });

  it('dumps the store as JSON through a read-only global', () => {
    const { store, ingest, frame } = setup();
    ingest.onMessage('feed:snapshot', snap(3));
    frame();
    const target: Record<string, unknown> = {};
    exposeStateDump(store, target);
    const dump = JSON.parse((target.nocWallState as () => string)()) as WallStateDump;
    expect(dump.seq).toBe(3);
    expect(dump.services).toEqual([exampleService()]);
    expect(() => {
      target.nocWallState = null;
    }).toThrow();
  });
});

describe('retryDelay', () => {
  it('backs off from about 1 s to at most 15 s, never a tight loop', async () => {
    const { retryDelay } = await import('./backoff');
    expect(retryDelay(0, () => 0)).toBe(500);
    expect(retryDelay(0, () => 1)).toBe(1_500);
    expect(retryDelay(3, () => 0.5)).toBe(8_000);
    expect(retryDelay(20, () => 1)).toBe(15_000);
    for (let attempt = 0; attempt < 30; attempt += 1) expect(retryDelay(attempt)).toBeGreaterThanOrEqual(500);
  });
});
