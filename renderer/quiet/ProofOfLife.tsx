import type { CSSProperties } from 'react';
import { formatClock } from '../../shared/wall/format';
import { useWall } from '../store/useWall';

// The mark walks this many steps one way, then back: one step per message.
const STEPS = 12;

/** Where the mark stands after `beats` messages, 0 to 1: there and back, so it never jumps. */
export function heartbeatPosition(beats: number): number {
  const cycle = 2 * (STEPS - 1);
  const step = beats % cycle;
  return (step <= STEPS - 1 ? step : cycle - step) / (STEPS - 1);
}

/**
 * Proof that the feed is alive: the time of its last message, its seq, and
 * a mark that steps along a track with each message (heartbeats included,
 * every 5 s on a quiet feed). When messages stop, the mark stops; the feed
 * banner says stale after the silence limit.
 */
export function ProofOfLife() {
  const beats = useWall((s) => s.counters.messages);
  const lastSeq = useWall((s) => s.lastSeq);
  const lastMessageAt = useWall((s) => s.lastMessageAt);
  const isLive = useWall((s) => s.connection === 'live');
  const style = { '--beat': heartbeatPosition(beats) } as CSSProperties;
  return (
    <div
      className={isLive ? 'calm-life' : 'calm-life is-stopped'}
      data-heartbeat={beats}
      data-last-seq={lastSeq ?? ''}
      data-last-message-at={lastMessageAt ?? ''}
    >
      <div className="life-track" aria-hidden="true" style={style}>
        <div className="life-mark" />
      </div>
      <div className="calm-updated">
        last message <span className="num">{lastMessageAt === null ? '—' : formatClock(lastMessageAt, true)}</span> · seq{' '}
        <span className="num">{lastSeq ?? '—'}</span>
      </div>
    </div>
  );
}
