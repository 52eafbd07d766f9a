/*
 * Who may connect to a feed, and how much they may send: the limits that
 * keep a hostile or broken client from hurting the walls around it.
 */

// Clients only ever send `feed:resync { lastSeq }`: anything much larger is hostile.
/** The largest message a client may send; a larger one closes its connection. */
export const MAX_CLIENT_MESSAGE_BYTES = 4_096;
/** Connections a feed accepts at once unless told otherwise. */
export const DEFAULT_MAX_CONNECTIONS = 1_000;
// A connection that has not joined within this time is closed, so idle
// half-open connections cannot hold the connection cap for long.
/** How long a connection may take to join the namespace. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The engine's gate for new connections: the connection cap, then the
 * allowed origins. Returns the refusal or null.
 */
export function refusalOf(origin: string | undefined, connections: number, limits: { maxConnections: number; allowedOrigins?: readonly string[] }): string | null {
  if (connections >= limits.maxConnections) return 'too many connections';
  const allowed = limits.allowedOrigins;
  if (allowed === undefined || origin === undefined || origin === 'null') return null;
  return allowed.includes(origin) ? null : 'origin not allowed';
}
