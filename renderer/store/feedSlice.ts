import { applyDeltas, emptyEntities, entitiesFromSnapshot } from '../../shared/model/feedState';
import { copyMap } from '../../shared/model/lineage';
import type { Slo } from '../../shared/protocol/entities';
import { feedNow, judgeConnection } from '../../shared/wall/freshness';
import { majorIncidentIds, newMajorIncidents, rememberResolved } from '../../shared/wall/incidents';
import { appendPoint } from '../../shared/wall/sloHistory';
import type { HistoryHandle, HistoryPoint } from '../../shared/wall/sloHistory';
import { evaluationCache, evaluationOf } from './evaluationCache';
import type { Slice } from './slice';
import type { FeedBatch, FeedSlice } from './types';

type History = ReadonlyMap<string, HistoryHandle>;

function pointOf(slo: Slo): HistoryPoint {
  const evaluation = evaluationOf(slo);
  return { at: slo.updatedAt, budgetRemaining: evaluation.budgetRemaining, burn1h: evaluation.burnRates['1h'] };
}

// After a snapshot: keep what the wall watched of SLOs still present, take
// the snapshot's own history where the wall has none, add the current point.
// Series are written in place; each SLO gets a new handle only when its
// history changed.
function historyAfterSnapshot(previous: History, slos: ReadonlyMap<string, Slo>, seeded: History): Map<string, HistoryHandle> {
  const next = new Map<string, HistoryHandle>();
  for (const slo of slos.values()) {
    const base = previous.get(slo.id) ?? seeded.get(slo.id);
    next.set(slo.id, appendPoint(base, pointOf(slo)));
  }
  return next;
}

function historyAfterDeltas(history: History, batch: FeedBatch): History {
  let next: Map<string, HistoryHandle> | null = null;
  for (const delta of batch.deltas) {
    for (const slo of delta.upsert?.slos ?? []) {
      next ??= copyMap(history);
      next.set(slo.id, appendPoint(next.get(slo.id), pointOf(slo)));
    }
    for (const id of delta.remove?.slos ?? []) {
      next ??= copyMap(history);
      next.delete(id);
    }
  }
  return next ?? history;
}

/** The feed slice: entities, chart history, resolved incidents, and the batch that updates them all at once. */
export const createFeedSlice: Slice<FeedSlice> = (set, get) => ({
  entities: emptyEntities,
  hasSnapshot: false,
  loadingSlos: 0,
  history: new Map(),
  resolved: new Map(),
  majorIds: new Set(),
  isIncidentInterruptDue: false,

  applyBatch(batch) {
    const s = get();
    let { entities, history } = s;
    if (batch.snapshot !== null) {
      entities = entitiesFromSnapshot(batch.snapshot.message);
      history = historyAfterSnapshot(history, entities.slos, batch.snapshot.history);
    }
    if (batch.deltas.length > 0) {
      entities = applyDeltas(entities, batch.deltas);
      history = historyAfterDeltas(history, batch);
    }

    const now = batch.receivedAt ?? s.now;
    const lastMessageAt = batch.receivedAt ?? s.lastMessageAt;
    const isSnapshot = batch.snapshot !== null;
    const loadingSlos = isSnapshot ? (batch.loadingSlos ?? 0) : s.loadingSlos;
    // SLOs gone from the feed leave the evaluation cache; not while a first
    // snapshot's SLOs are still being evaluated into it, outside this map.
    if (entities.slos !== s.entities.slos && loadingSlos === 0) evaluationCache.prune(entities.slos);
    let { resolved, majorIds, isIncidentInterruptDue } = s;
    if (isSnapshot || entities.incidents !== s.entities.incidents) {
      resolved = rememberResolved(resolved, entities.incidents, feedNow(now, batch.clock), isSnapshot);
      majorIds = majorIncidentIds(entities.incidents);
      // The first snapshot is what was already going on, not news.
      if (s.hasSnapshot && newMajorIncidents(s.majorIds, majorIds).length > 0) isIncidentInterruptDue = true;
    }

    set({
      entities,
      history,
      resolved,
      majorIds,
      isIncidentInterruptDue,
      hasSnapshot: s.hasSnapshot || isSnapshot,
      loadingSlos,
      lastMessageAt,
      lastSeq: batch.lastSeq,
      clock: batch.clock,
      counters: batch.counts,
      lastDrop: batch.lastDrop ?? s.lastDrop,
      isSynced: batch.isSynced,
      connection: judgeConnection({
        socket: s.socket,
        lastMessageAt,
        connectedAt: s.connectedAt,
        isSynced: batch.isSynced,
        now,
        staleAfterMs: s.settings.staleAfterSeconds * 1_000,
      }),
    });
  },
});
