/*
 * Freshness: is the wall live, and is each entity current? The feed's clock
 * may disagree with the wall's; every `updatedAt` is judged on the feed's
 * clock (wall-feed-protocol.md, "Freshness").
 */

/** The wall's connection state as the screen and the automation hooks show it. */
export type ConnectionState = 'live' | 'syncing' | 'stale' | 'offline' | 'refused';

/** What the socket is doing. `connecting` covers the first attempt and every retry. */
export type SocketState = 'connecting' | 'connected' | 'disconnected' | 'refused';

/** The protocol's default: no message for 15 s makes the wall stale. */
export const DEFAULT_STALE_AFTER_MS = 15_000;
/** The protocol's default: an entity not updated for 5 minutes is stale itself. */
export const DEFAULT_ENTITY_STALE_AFTER_MS = 5 * 60_000;

/** What {@link judgeConnection} looks at; times are the wall's clock. */
export interface ConnectionFacts {
  readonly socket: SocketState;
  /** When the last valid message arrived, or null before any on this connection. */
  readonly lastMessageAt: number | null;
  /** When the socket connected, or null. */
  readonly connectedAt: number | null;
  /**
   * True when what the wall shows is this connection's state: its snapshot
   * (or, for a large first snapshot, its services and incidents) is applied
   * and no resync is outstanding.
   */
  readonly isSynced: boolean;
  readonly now: number;
  readonly staleAfterMs: number;
}

/**
 * Refused beats everything (retrying will not help); a socket that is not
 * connected is offline; a connected socket that has been silent longer than
 * the limit (counting from the connection when nothing arrived yet) is
 * stale; a connected socket whose snapshot has not replaced what the wall
 * shows (just reconnected, or a resync asked) is syncing: the data on
 * screen may be minutes old, however fresh the heartbeats; otherwise live.
 */
export function judgeConnection(facts: ConnectionFacts): ConnectionState {
  if (facts.socket === 'refused') return 'refused';
  if (facts.socket !== 'connected') return 'offline';
  const since = facts.lastMessageAt ?? facts.connectedAt;
  if (since === null || facts.now - since >= facts.staleAfterMs) return 'stale';
  return facts.isSynced ? 'live' : 'syncing';
}

/** Recent clock-offset samples and their median. */
export interface ClockOffset {
  /** `at - receivedAt` of the most recent messages, oldest first. */
  readonly samples: readonly number[];
  /** The median of the samples: add it to the wall's clock to read the feed's. 0 before any sample. */
  readonly offsetMs: number;
}

/** No samples: the feed's clock is assumed to be the wall's. */
export const noClockOffset: ClockOffset = Object.freeze({ samples: Object.freeze([]) as readonly number[], offsetMs: 0 });

/** Samples kept: enough that one message delayed in a busy event loop does not move the offset. */
export const CLOCK_SAMPLES = 9;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Adds the sample of a message stamped `at` by the feed and received at
 * `receivedAt` by the wall. The median of recent samples ignores the odd
 * message that sat in a queue, while still following a feed whose clock
 * jumps (a restarted feed, a scenario playing fast).
 */
export function addClockSample(offset: ClockOffset, at: number, receivedAt: number, keep = CLOCK_SAMPLES): ClockOffset {
  const samples = [...offset.samples.slice(-(keep - 1)), at - receivedAt];
  return { samples, offsetMs: median(samples) };
}

/** The feed's clock now, read from the wall's clock and the offset. */
export function feedNow(wallNow: number, offset: ClockOffset | number): number {
  return wallNow + (typeof offset === 'number' ? offset : offset.offsetMs);
}

/** True when an entity last updated at `updatedAt` (feed clock) is older than the limit at `feedTime`. */
export function isEntityStale(updatedAt: number, feedTime: number, limitMs: number): boolean {
  return feedTime - updatedAt > limitMs;
}
