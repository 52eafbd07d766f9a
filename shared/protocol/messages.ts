import type { Incident, Service, Slo } from './entities';

/** Names of the events a feed sends to the wall. */
export const SERVER_EVENTS = ['feed:snapshot', 'feed:delta', 'feed:heartbeat'] as const;
/** One of {@link SERVER_EVENTS}. */
export type ServerEventName = (typeof SERVER_EVENTS)[number];

/** Fields every feed message carries. */
export interface Envelope {
  /** Protocol version: always 1 for this protocol. */
  v: 1;
  /** The feed's sequence number; heartbeats repeat the last one. */
  seq: number;
  /** The feed's clock when it sent the message, epoch milliseconds. */
  at: number;
}

/** The complete state: it replaces everything the wall holds. */
export interface SnapshotMessage extends Envelope {
  services: Service[];
  slos: Slo[];
  incidents: Incident[];
}

/** Changes since the previous message. An upsert replaces the whole entity with its id. */
export interface DeltaMessage extends Envelope {
  upsert?: { services?: Service[]; slos?: Slo[]; incidents?: Incident[] };
  remove?: { services?: string[]; slos?: string[]; incidents?: string[] };
}

/** Sent after 5 s of silence; its seq is the last snapshot's or delta's. */
export type HeartbeatMessage = Envelope;

/** What the wall asks for when it has missed a message. */
export interface ResyncRequest {
  /** The last seq the wall applied, or null before its first snapshot. */
  lastSeq: number | null;
}

/**
 * Socket.IO event map of the feed as a server emits it: typed payloads.
 * Used with `new Server<ClientToServerEvents, FeedServerToClientEvents>()`.
 */
export interface FeedServerToClientEvents {
  'feed:snapshot': (message: SnapshotMessage) => void;
  'feed:delta': (message: DeltaMessage) => void;
  'feed:heartbeat': (message: HeartbeatMessage) => void;
}

/**
 * Socket.IO event map of the feed as the wall receives it. Payloads are
 * `unknown` on purpose: nothing from the wire is trusted before validation.
 */
export interface WallServerToClientEvents {
  'feed:snapshot': (raw: unknown) => void;
  'feed:delta': (raw: unknown) => void;
  'feed:heartbeat': (raw: unknown) => void;
}

/** Socket.IO event map of what the wall sends to the feed. */
export interface ClientToServerEvents {
  'feed:resync': (request: ResyncRequest) => void;
}

/** The handshake auth a wall sends when it has a token. */
export interface FeedAuth {
  token?: string;
}

/** The `connect_error` message a feed uses to refuse a wrong or missing token. */
export const UNAUTHORIZED = 'unauthorized';
