import type { Socket } from 'socket.io';
import type { ClientToServerEvents, FeedServerToClientEvents } from '../shared/protocol/messages';

/** A connected wall, as the feed server sees it. */
export type FeedSocket = Socket<ClientToServerEvents, FeedServerToClientEvents>;

/** What a session needs from the server it belongs to. */
export interface SessionHost {
  heartbeatMs: number;
  resyncIntervalMs: number;
  sendSnapshot(socket: FeedSocket): void;
  sendHeartbeat(socket: FeedSocket): void;
  /** False while heartbeats are paused: the session stays silent but keeps its timer. */
  isHeartbeatAllowed(): boolean;
}

/**
 * One connection's timers: the heartbeat that fires after `heartbeatMs` of
 * silence on this socket, and the resync limiter. Resync requests beyond one
 * per `resyncIntervalMs` are coalesced into a single snapshot at the end of
 * the interval, so a spamming client costs the feed at most one snapshot a
 * second and an honest one is always answered.
 */
export class ClientSession {
  private readonly heartbeat: NodeJS.Timeout;
  private lastResyncAnswer = Number.NEGATIVE_INFINITY;
  private pendingResync: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: FeedSocket,
    private readonly host: SessionHost,
  ) {
    this.heartbeat = setTimeout(() => this.beat(), host.heartbeatMs);
  }

  /** Something was sent to this socket: restart its silence timer. */
  touch(): void {
    this.heartbeat.refresh();
  }

  /**
   * Answers a `feed:resync`. Returns true when a snapshot went out now, false
   * when it was deferred by the rate limit (or already pending).
   */
  resync(): boolean {
    const wait = this.lastResyncAnswer + this.host.resyncIntervalMs - performance.now();
    if (wait <= 0) {
      this.answer();
      return true;
    }
    this.pendingResync ??= setTimeout(() => {
      this.pendingResync = null;
      this.answer();
    }, wait);
    return false;
  }

  /** Stops every timer; called on disconnect and on server close. */
  dispose(): void {
    clearTimeout(this.heartbeat);
    if (this.pendingResync) clearTimeout(this.pendingResync);
    this.pendingResync = null;
  }

  private answer(): void {
    this.lastResyncAnswer = performance.now();
    this.host.sendSnapshot(this.socket);
  }

  private beat(): void {
    if (this.host.isHeartbeatAllowed()) this.host.sendHeartbeat(this.socket);
    this.heartbeat.refresh();
  }
}
