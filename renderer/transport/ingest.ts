import type { ResyncRequest, ServerEventName, SnapshotMessage } from '../../shared/protocol/messages';
import { initialSequencerState, step } from '../../shared/protocol/sequencer';
import type { SequencerInput, SequencerState } from '../../shared/protocol/sequencer';
import { describeDrop, validateMessage } from '../../shared/protocol/validate';
import { addClockSample, noClockOffset } from '../../shared/wall/freshness';
import type { ClockOffset } from '../../shared/wall/freshness';
import { readSnapshotHistory } from '../../shared/wall/sloHistory';
import type { WallStore } from '../store/store';
import type { FeedBatch, FeedCounters } from '../store/types';
import { createDiagnosticsTracker } from './diagnostics';

/** Runs `flush` soon (next animation frame); returns nothing, called at most once per pending batch. */
export type FlushScheduler = (flush: () => void) => void;

/** What the ingest needs from the outside world. */
export interface IngestDeps {
  store: WallStore;
  /** Sends `feed:resync` to the feed. */
  emitResync(request: ResyncRequest): void;
  now(): number;
  schedule: FlushScheduler;
}

/** The data path between the socket and the store. */
export interface Ingest {
  /** A server event arrived with this raw payload. */
  onMessage(event: ServerEventName, raw: unknown): void;
  /** The socket connected: the next snapshot starts a fresh clock and sequence. */
  onConnected(): void;
  /** The socket dropped: nothing applies until the next snapshot. */
  onDisconnected(): void;
  /** The passing of time: re-asks an unanswered resync. */
  tick(now: number): void;
  /** Applies whatever is buffered now (tests; and before the window hides). */
  flush(): void;
}

/**
 * Validates every message and runs it through the sequencer as it arrives,
 * so seq gaps are caught at once; buffers what must change in the store and
 * hands it over in one batch per animation frame, however fast the feed
 * sends. No React here: the store is reached through `getState()`.
 */
export function createIngest(deps: IngestDeps): Ingest {
  const { store } = deps;
  let sequencer: SequencerState = initialSequencerState;
  let clock: ClockOffset = noClockOffset;
  // Private and mutable: the store gets a copy with each batch.
  const counts: FeedCounters = { ...store.getState().counters };
  let pending: FeedBatch | null = null;
  const diagnostics = createDiagnosticsTracker(store.getState().diagnostics);

  function publishDiagnostics(): void {
    const changed = diagnostics.take();
    if (changed !== null) store.getState().setDiagnostics(changed);
  }

  function batch(): FeedBatch {
    if (pending === null) {
      pending = { snapshot: null, deltas: [], receivedAt: null, lastSeq: sequencer.lastSeq, clock, counts, lastDrop: null };
      deps.schedule(flush);
    }
    return pending;
  }

  function flush(): void {
    const b = pending;
    if (b === null) return;
    pending = null;
    store.getState().applyBatch({ ...b, lastSeq: sequencer.lastSeq, clock, counts: { ...counts } });
    publishDiagnostics();
  }

  function run(input: SequencerInput): ReturnType<typeof step>['action'] {
    const result = step(sequencer, input);
    sequencer = result.state;
    if (result.action.kind === 'resync') {
      counts.resyncs += 1;
      deps.emitResync({ lastSeq: result.action.lastSeq });
    }
    return result.action;
  }

  function onMessage(event: ServerEventName, raw: unknown): void {
    const now = deps.now();
    const result = validateMessage(event, raw);
    if (!result.ok) {
      counts.droppedMessages += 1;
      diagnostics.messageDropped(result);
      batch().lastDrop = result.reason;
      return;
    }
    const b = batch();
    counts.messages += 1;
    counts.droppedEntities += result.dropped.length;
    diagnostics.validMessage();
    for (const drop of result.dropped) diagnostics.entityDropped(drop);
    const last = result.dropped[result.dropped.length - 1];
    if (last !== undefined) b.lastDrop = describeDrop(last);
    const { value } = result;
    clock = addClockSample(clock, value.message.at, now);
    b.receivedAt = now;
    const type = value.event === 'feed:snapshot' ? 'snapshot' : value.event === 'feed:delta' ? 'delta' : 'heartbeat';
    const action = run({ type, seq: value.message.seq, now });
    if (action.kind === 'apply-snapshot') {
      const message = value.message as SnapshotMessage;
      const ids = new Set(message.slos.map((s) => s.id));
      // A snapshot replaces everything: deltas buffered before it are moot.
      b.snapshot = { message, history: readSnapshotHistory(raw, ids) };
      b.deltas = [];
    } else if (action.kind === 'apply-delta' && value.event === 'feed:delta') {
      b.deltas.push(value.message);
    }
  }

  return {
    onMessage,
    onConnected() {
      // A (re)started feed may run on another clock: measure it afresh.
      clock = noClockOffset;
      diagnostics.connected();
      publishDiagnostics();
    },
    onDisconnected() {
      run({ type: 'disconnected' });
    },
    tick(now) {
      const before = counts.resyncs;
      run({ type: 'tick', now });
      if (counts.resyncs !== before) batch();
    },
    flush,
  };
}
