import type { ResyncRequest, ServerEventName, SnapshotMessage } from '../../shared/protocol/messages';
import { initialSequencerState, step } from '../../shared/protocol/sequencer';
import type { SequencerInput, SequencerState } from '../../shared/protocol/sequencer';
import { describeDrop, validateMessage } from '../../shared/protocol/validate';
import { addClockSample, noClockOffset } from '../../shared/wall/freshness';
import type { ClockOffset } from '../../shared/wall/freshness';
import { readSnapshotHistory } from '../../shared/wall/sloHistory';
import type { DeltaMessage } from '../../shared/protocol/messages';
import { evaluationOf } from '../store/evaluationCache';
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
  /** Snapshots with more SLOs than this are prepared a slice per frame (see {@link createIngest}); default {@link STAGED_SNAPSHOT_SLOS}. */
  stageAbove?: number;
  /** SLOs evaluated per frame while a large snapshot is prepared; default {@link SLOS_PER_FRAME}. */
  slosPerFrame?: number;
}

/** Snapshots with more SLOs than this are prepared in slices instead of in one task. */
export const STAGED_SNAPSHOT_SLOS = 10_000;
/** SLOs evaluated per frame while a large snapshot is prepared: some tens of milliseconds on a TV stick. */
export const SLOS_PER_FRAME = 4_000;
/** A slice also ends after this long, on a slower machine. */
const SLICE_MS = 12;

/** A large snapshot whose SLOs are being evaluated, and the deltas that came after it meanwhile. */
interface Staging {
  readonly message: SnapshotMessage;
  readonly history: NonNullable<FeedBatch['snapshot']>['history'];
  next: number;
  readonly deltas: DeltaMessage[];
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
 *
 * A snapshot of more than `stageAbove` SLOs (a resync of a large company)
 * is not applied in one long task: its SLOs are evaluated a slice per frame
 * (filling the evaluation cache the store and the pages read), while the
 * wall keeps showing what it had and later deltas wait their turn; then the
 * whole snapshot and those deltas are applied in one batch (also when the
 * connection drops meanwhile: it is the newest state there is). On the first
 * snapshot, when the wall has nothing to show yet, its services and
 * incidents are applied at once, with `loadingSlos` telling the pages that
 * its SLOs are on their way.
 */
export function createIngest(deps: IngestDeps): Ingest {
  const { store } = deps;
  let sequencer: SequencerState = initialSequencerState;
  let clock: ClockOffset = noClockOffset;
  // Private and mutable: the store gets a copy with each batch.
  const counts: FeedCounters = { ...store.getState().counters };
  let pending: FeedBatch | null = null;
  let staging: Staging | null = null;
  const stageAbove = deps.stageAbove ?? STAGED_SNAPSHOT_SLOS;
  const slosPerFrame = deps.slosPerFrame ?? SLOS_PER_FRAME;
  const diagnostics = createDiagnosticsTracker(store.getState().diagnostics);

  function publishDiagnostics(): void {
    const changed = diagnostics.take();
    if (changed !== null) store.getState().setDiagnostics(changed);
  }

  function batch(): FeedBatch {
    if (pending === null) {
      pending = { snapshot: null, deltas: [], receivedAt: null, lastSeq: sequencer.lastSeq, clock, counts, lastDrop: null, isSynced: false };
      deps.schedule(flush);
    }
    return pending;
  }

  function flush(): void {
    const b = pending;
    if (b === null) return;
    pending = null;
    // While a snapshot is prepared, the store's seq is the one it shows: the snapshot's once it shows part of it.
    const lastSeq = staging === null ? sequencer.lastSeq : b.snapshot !== null ? staging.message.seq : store.getState().lastSeq;
    // Synced when no snapshot is awaited and none is being prepared behind the screen
    // (a large first snapshot shows its services and incidents while its SLOs load).
    const isSynced = !sequencer.isAwaitingSnapshot && (staging === null || b.snapshot !== null || store.getState().loadingSlos > 0);
    store.getState().applyBatch({ ...b, lastSeq, clock, counts: { ...counts }, isSynced });
    if (b.snapshot !== null) performance.mark(b.loadingSlos ? 'wall:snapshot-applied' : 'wall:snapshot-complete');
    publishDiagnostics();
  }

  // One slice of the staged snapshot's SLOs; when all are evaluated, the snapshot and its deltas go to the store.
  function prepare(s: Staging): void {
    // A newer snapshot replaced this one: its own chain of slices runs.
    if (staging !== s) return;
    const { slos } = s.message;
    const end = Math.min(slos.length, s.next + slosPerFrame);
    const started = deps.now();
    while (s.next < end && deps.now() - started < SLICE_MS) evaluationOf(slos[s.next++]!);
    if (s.next < slos.length) {
      deps.schedule(() => prepare(s));
      return;
    }
    staging = null;
    const b = batch();
    b.snapshot = { message: s.message, history: s.history };
    b.deltas = s.deltas;
    b.loadingSlos = 0;
  }

  function stage(message: SnapshotMessage, history: Staging['history']): void {
    const next: Staging = { message, history, next: 0, deltas: [] };
    staging = next;
    deps.schedule(() => prepare(next));
    const b = batch();
    b.deltas = [];
    if (!store.getState().hasSnapshot || store.getState().loadingSlos > 0) {
      // Nothing on screen yet: show the services and incidents now.
      b.snapshot = { message: { ...message, slos: [] }, history: new Map() };
      b.loadingSlos = message.slos.length;
    } else {
      // What the wall shows stays until the new snapshot replaces it whole.
      b.snapshot = null;
    }
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
    // Marks for the first-paint breakdown (scripts/bench): a snapshot's receipt and validation.
    if (event === 'feed:snapshot') performance.mark('wall:snapshot-received');
    const result = validateMessage(event, raw);
    if (event === 'feed:snapshot') performance.mark('wall:snapshot-validated');
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
      const history = readSnapshotHistory(raw, ids);
      // A snapshot replaces everything: deltas buffered before it are moot.
      if (message.slos.length > stageAbove) {
        stage(message, history);
      } else {
        staging = null;
        b.snapshot = { message, history };
        b.deltas = [];
        b.loadingSlos = 0;
      }
    } else if (action.kind === 'apply-delta' && value.event === 'feed:delta') {
      if (staging !== null) staging.deltas.push(value.message);
      else b.deltas.push(value.message);
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
      // A snapshot still being prepared is the newest state the wall has:
      // it is applied when ready (with the deltas that came before the drop),
      // and the freshness banner says it is no longer live.
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
