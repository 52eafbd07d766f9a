/**
 * The seq/resync rules of the wall feed protocol as a pure state machine:
 * messages in, a new state and one action out. The transport calls `step`
 * for every valid message and carries out the action; it holds no rules of
 * its own.
 */

/** Where the wall stands in the feed's sequence. */
export interface SequencerState {
  /** The seq of the last snapshot or delta applied; null before the first snapshot. */
  lastSeq: number | null;
  /** True after a gap: no delta applies until the next snapshot. */
  isAwaitingSnapshot: boolean;
  /** When the pending resync was asked for (wall clock), to ask again if the answer is lost. */
  resyncRequestedAt: number | null;
}

/** What arrives: a valid message's kind and seq, a lost connection, or the passing of time. */
export type SequencerInput =
  | { type: 'snapshot'; seq: number; now: number }
  | { type: 'delta'; seq: number; now: number }
  | { type: 'heartbeat'; seq: number; now: number }
  | { type: 'disconnected' }
  | { type: 'tick'; now: number };

/** What the caller must do. */
export type SequencerAction =
  | { kind: 'apply-snapshot' }
  | { kind: 'apply-delta' }
  /** Emit `feed:resync` with this payload. */
  | { kind: 'resync'; lastSeq: number | null; reason: string }
  /** Nothing to apply; `reason` says why, for the diagnostics counters. */
  | { kind: 'ignore'; reason: 'duplicate' | 'awaiting-snapshot' | 'heartbeat' | 'idle' };

/** How long a resync may go unanswered before the wall asks again. */
export const RESYNC_RETRY_MS = 5_000;

/** The state of a wall that has not received a snapshot yet. */
export const initialSequencerState: SequencerState = Object.freeze({
  lastSeq: null,
  isAwaitingSnapshot: true,
  resyncRequestedAt: null,
});

function resync(state: SequencerState, now: number, reason: string): { state: SequencerState; action: SequencerAction } {
  return {
    state: { lastSeq: state.lastSeq, isAwaitingSnapshot: true, resyncRequestedAt: now },
    action: { kind: 'resync', lastSeq: state.lastSeq, reason },
  };
}

/** Advances the sequencer by one input. Never mutates `state`. */
export function step(state: SequencerState, input: SequencerInput): { state: SequencerState; action: SequencerAction } {
  switch (input.type) {
    case 'snapshot':
      // A snapshot is the complete state whatever its seq: after a feed
      // restart the seq may well go backwards.
      return { state: { lastSeq: input.seq, isAwaitingSnapshot: false, resyncRequestedAt: null }, action: { kind: 'apply-snapshot' } };

    case 'delta': {
      if (state.isAwaitingSnapshot || state.lastSeq === null) return { state, action: { kind: 'ignore', reason: 'awaiting-snapshot' } };
      if (input.seq <= state.lastSeq) return { state, action: { kind: 'ignore', reason: 'duplicate' } };
      if (input.seq === state.lastSeq + 1) {
        return { state: { ...state, lastSeq: input.seq }, action: { kind: 'apply-delta' } };
      }
      return resync(state, input.now, `gap: expected seq ${state.lastSeq + 1}, got ${input.seq}`);
    }

    case 'heartbeat': {
      if (state.isAwaitingSnapshot || state.lastSeq === null) return { state, action: { kind: 'ignore', reason: 'awaiting-snapshot' } };
      if (input.seq > state.lastSeq) return resync(state, input.now, `heartbeat ahead: at seq ${state.lastSeq}, feed at ${input.seq}`);
      return { state, action: { kind: 'ignore', reason: 'heartbeat' } };
    }

    case 'disconnected':
      // The next connection starts with a snapshot; until then nothing applies.
      return { state: { lastSeq: state.lastSeq, isAwaitingSnapshot: true, resyncRequestedAt: null }, action: { kind: 'ignore', reason: 'awaiting-snapshot' } };

    case 'tick': {
      const askedAt = state.resyncRequestedAt;
      if (state.isAwaitingSnapshot && askedAt !== null && input.now - askedAt >= RESYNC_RETRY_MS) {
        return resync(state, input.now, 'resync unanswered, asking again');
      }
      return { state, action: { kind: 'ignore', reason: 'idle' } };
    }
  }
}
