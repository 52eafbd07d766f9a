import { describe, expect, it } from 'vitest';
import { initialSequencerState, RESYNC_RETRY_MS, step } from './sequencer';
import type { SequencerAction, SequencerInput, SequencerState } from './sequencer';

function run(inputs: SequencerInput[], from: SequencerState = initialSequencerState): { state: SequencerState; actions: SequencerAction['kind'][] } {
  let state = from;
  const actions: SequencerAction['kind'][] = [];
  for (const input of inputs) {
    const next = step(state, input);
    state = next.state;
    actions.push(next.action.kind);
  }
  return { state, actions };
}

const snapshot = (seq: number, now = 0): SequencerInput => ({ type: 'snapshot', seq, now });
const delta = (seq: number, now = 0): SequencerInput => ({ type: 'delta', seq, now });
const heartbeat = (seq: number, now = 0): SequencerInput => ({ type: 'heartbeat', seq, now });

describe('sequencer', () => {
  it('applies consecutive deltas after a snapshot', () => {
    const { state, actions } = run([snapshot(10), delta(11), delta(12)]);
    expect(actions).toEqual(['apply-snapshot', 'apply-delta', 'apply-delta']);
    expect(state.lastSeq).toBe(12);
  });

  it('ignores deltas before the first snapshot', () => {
    const { actions } = run([delta(1), heartbeat(1), snapshot(1), delta(2)]);
    expect(actions).toEqual(['ignore', 'ignore', 'apply-snapshot', 'apply-delta']);
  });

  it('ignores duplicates: a delta at or below the last seq', () => {
    const { state, actions } = run([snapshot(5), delta(6), delta(6), delta(5), delta(3), delta(7)]);
    expect(actions).toEqual(['apply-snapshot', 'apply-delta', 'ignore', 'ignore', 'ignore', 'apply-delta']);
    expect(state.lastSeq).toBe(7);
  });

  it('on a gap asks for a resync with the last seq and holds every delta until the snapshot', () => {
    const first = run([snapshot(5), delta(6)]);
    const gap = step(first.state, delta(9, 1000));
    expect(gap.action).toEqual({ kind: 'resync', lastSeq: 6, reason: 'gap: expected seq 7, got 9' });
    expect(gap.state.isAwaitingSnapshot).toBe(true);
    // Even the delta that would have followed 6 is held now: the snapshot decides.
    const held = run([delta(7), delta(10), heartbeat(10)], gap.state);
    expect(held.actions).toEqual(['ignore', 'ignore', 'ignore']);
    expect(held.state.lastSeq).toBe(6);
    const after = run([snapshot(10), delta(11)], held.state);
    expect(after.actions).toEqual(['apply-snapshot', 'apply-delta']);
    expect(after.state).toEqual({ lastSeq: 11, isAwaitingSnapshot: false, resyncRequestedAt: null });
  });

  it('asks for a resync when a heartbeat is ahead, and not when it is level or behind', () => {
    const base = run([snapshot(5)]).state;
    expect(step(base, heartbeat(5)).action).toEqual({ kind: 'ignore', reason: 'heartbeat' });
    expect(step(base, heartbeat(4)).action.kind).toBe('ignore');
    const ahead = step(base, heartbeat(8, 50));
    expect(ahead.action).toEqual({ kind: 'resync', lastSeq: 5, reason: 'heartbeat ahead: at seq 5, feed at 8' });
    expect(ahead.state.isAwaitingSnapshot).toBe(true);
  });

  it('a snapshot replaces the position whatever its seq, even backwards after a feed restart', () => {
    const { state, actions } = run([snapshot(100), delta(101), snapshot(3), delta(4)]);
    expect(actions).toEqual(['apply-snapshot', 'apply-delta', 'apply-snapshot', 'apply-delta']);
    expect(state.lastSeq).toBe(4);
  });

  it('after a disconnect nothing applies until the next snapshot', () => {
    const { actions } = run([snapshot(1), delta(2), { type: 'disconnected' }, delta(3), snapshot(0), delta(1)]);
    expect(actions).toEqual(['apply-snapshot', 'apply-delta', 'ignore', 'ignore', 'apply-snapshot', 'apply-delta']);
  });

  it('asks again when a resync goes unanswered, and not before', () => {
    const gap = step(run([snapshot(1)]).state, delta(5, 10_000));
    expect(step(gap.state, { type: 'tick', now: 10_000 + RESYNC_RETRY_MS - 1 }).action.kind).toBe('ignore');
    const again = step(gap.state, { type: 'tick', now: 10_000 + RESYNC_RETRY_MS });
    expect(again.action).toMatchObject({ kind: 'resync', lastSeq: 1 });
    expect(again.state.resyncRequestedAt).toBe(10_000 + RESYNC_RETRY_MS);
    expect(step(run([snapshot(1)]).state, { type: 'tick', now: 1e9 }).action.kind).toBe('ignore');
  });

  it('never mutates the state it is given', () => {
    const state = Object.freeze({ lastSeq: 1, isAwaitingSnapshot: false, resyncRequestedAt: null });
    expect(() => run([delta(2), delta(9), snapshot(1), { type: 'disconnected' }], state)).not.toThrow();
  });
});
