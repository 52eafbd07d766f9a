import { describe, expect, it } from 'vitest';
import { exampleIncident, exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { DeltaMessage, SnapshotMessage } from '../../shared/protocol/messages';
import { addClockSample, noClockOffset } from '../../shared/wall/freshness';
import { testSettings } from '../test/testSettings';
import { evaluationCache, evaluationOf } from './evaluationCache';
import { createWallStore } from './store';
import type { FeedBatch } from './types';

const T0 = 1_700_000_000_000;
// The feed's clock runs an hour behind the wall's.
const clock = addClockSample(noClockOffset, T0 - 3_600_000, T0);

function batch(patch: Partial<FeedBatch>): FeedBatch {
  return {
    snapshot: null,
    deltas: [],
    receivedAt: T0,
    lastSeq: 1,
    clock,
    counts: { messages: 1, droppedMessages: 0, droppedEntities: 0, resyncs: 0 },
    lastDrop: null,
    isSynced: true,
    ...patch,
  };
}

function snapshot(patch: Partial<SnapshotMessage> = {}): FeedBatch {
  const message: SnapshotMessage = { v: 1, seq: 1, at: T0, services: [exampleService()], slos: [exampleSlo()], incidents: [], ...patch };
  return batch({ snapshot: { message, history: new Map() } });
}

function delta(seq: number, patch: Partial<DeltaMessage>, receivedAt: number): FeedBatch {
  return batch({ deltas: [{ v: 1, seq, at: T0, ...patch }], lastSeq: seq, receivedAt });
}

describe('the change log in the store', () => {
  it('records nothing for the first snapshot, then each transition stamped on the feed clock', () => {
    const store = createWallStore(testSettings(), T0);
    store.getState().applyBatch(snapshot({ incidents: [exampleIncident({ id: 'old' })] }));
    expect(store.getState().changeLog.changes).toEqual([]);

    store.getState().applyBatch(delta(2, { upsert: { services: [exampleService({ status: 'down' })] } }, T0 + 5_000));
    const paging = exampleSlo({ errorRatio: { '5m': 0.03, '1h': 0.03 } });
    store.getState().applyBatch(delta(3, { upsert: { slos: [paging], incidents: [exampleIncident({ id: 'new', severity: 'sev1' })] } }, T0 + 9_000));
    const changes = store.getState().changeLog.changes;
    expect(changes.map((c) => [c.kind, c.entityId, c.to])).toEqual([
      ['service-down', 'checkout', 'down'],
      ['slo-burning', 'checkout-availability', 'page'],
      ['incident-opened', 'new', 'investigating'],
    ]);
    expect(changes.map((c) => c.at)).toEqual([T0 + 5_000 - 3_600_000, T0 + 9_000 - 3_600_000, T0 + 9_000 - 3_600_000]);
  });

  it('diffs a resync snapshot against what the wall held before it', () => {
    const store = createWallStore(testSettings(), T0);
    store.getState().applyBatch(snapshot());
    store.getState().applyBatch(snapshot({ seq: 9, services: [exampleService({ status: 'degraded' })] }));
    expect(store.getState().changeLog.changes.map((c) => c.kind)).toEqual(['service-status']);
  });

  it("compares with an SLO's object from before the batch without pushing the batch's objects out of the evaluation cache", () => {
    const store = createWallStore(testSettings(), T0);
    store.getState().applyBatch(snapshot());
    // One batch re-measures the SLO twice; the log compares the last with the one from before the batch.
    const first = exampleSlo({ updatedAt: T0 + 1_000, errorRatio: { '5m': 0.03, '1h': 0.03 } });
    const second = exampleSlo({ updatedAt: T0 + 2_000, errorRatio: { '5m': 0.04, '1h': 0.04 } });
    store.getState().applyBatch(
      batch({
        deltas: [
          { v: 1, seq: 2, at: T0, upsert: { slos: [first] } },
          { v: 1, seq: 3, at: T0, upsert: { slos: [second] } },
        ],
        lastSeq: 3,
      }),
    );
    expect(store.getState().changeLog.changes.map((c) => [c.kind, c.to])).toEqual([['slo-burning', 'page']]);
    // The batch's two objects are the ones kept: the pages judge the last without evaluating it again.
    expect(evaluationCache.get(second)?.slo).toBe(second);
    expect(evaluationCache.get(first)?.slo).toBe(first);
  });

  it('keeps the evaluations of a first snapshot still being prepared, and forgets SLOs gone from the feed once it is in', () => {
    const store = createWallStore(testSettings(), T0);
    const staged = Array.from({ length: 100 }, (_, i) => exampleSlo({ id: `staged-${i}` }));
    for (const slo of staged) evaluationOf(slo);
    // Its services are shown while its SLOs are still being evaluated, outside the store's (empty) SLO map.
    store.getState().applyBatch(batch({ snapshot: { message: { v: 1, seq: 1, at: T0, services: [exampleService()], slos: [], incidents: [] }, history: new Map() }, loadingSlos: 100 }));
    expect(staged.filter((slo) => evaluationCache.get(slo) === undefined)).toEqual([]);
    // A snapshot without them, applied whole: they left the feed.
    store.getState().applyBatch(batch({ snapshot: { message: { v: 1, seq: 2, at: T0, services: [exampleService()], slos: [exampleSlo()], incidents: [] }, history: new Map() } }));
    expect(staged.filter((slo) => evaluationCache.get(slo) !== undefined)).toEqual([]);
  });
});
