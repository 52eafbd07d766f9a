import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen, notFound, urlOf } from './listen';
import { Server } from 'socket.io';
import type { ServerOptions } from 'socket.io';
import type { ClientToServerEvents, DeltaMessage, FeedAuth, FeedServerToClientEvents } from '../shared/protocol/messages';
import { UNAUTHORIZED } from '../shared/protocol/messages';
import { tokenMatches } from './auth';
import { CONNECT_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS, MAX_CLIENT_MESSAGE_BYTES, refusalOf } from './admission';
import { ClientSession } from './session';
import type { FeedSocket, SessionHost } from './session';
import { isEmptyChange } from './source';
import type { EntityChange, FeedFault, FeedSource } from './source';

/** How to start a feed server. */
export interface FeedServerOptions {
  /** Where the entities come from. The server starts it and stops it on close. */
  source: FeedSource;
  /** Port to listen on; 0 (the default) picks a free one. Ignored with `httpServer`. */
  port?: number;
  /** Address to listen on; 127.0.0.1 by default, so nothing is exposed unless asked. */
  host?: string;
  /** When set, a client must present this token in `auth.token`. */
  token?: string;
  /** Silence after which a client gets a heartbeat; 5000 ms by default. */
  heartbeatMs?: number;
  /** The least time between two resync answers to one client; 1000 ms by default. */
  resyncIntervalMs?: number;
  /**
   * Attach to this server instead of listening: the web kiosk serves the
   * wall and the feed from one port. Register its request handler before
   * attaching (socket.io wraps the handlers present at attach time). It is
   * not closed by `close()`.
   */
  httpServer?: http.Server;
  /** Receives one line per connection, disconnection, refusal and resync. */
  log?: (line: string) => void;
  /** The feed's clock for `at`; the source's own clock, else Date.now. */
  clock?: () => number;
  /** CORS for the polling transport, passed to socket.io as is. Off by default; `allowedOrigins` sets it too. */
  cors?: ServerOptions['cors'];
  /**
   * Browser origins allowed to connect (`http://wall.example:8080`). A
   * request carrying another `Origin` is refused before its handshake;
   * clients that send none (the Electron shell's file pages send `null`,
   * Node clients nothing) are judged by the token alone. All by default.
   */
  allowedOrigins?: readonly string[];
  /** Connections at once, authorised or not; further ones are refused until some close. 1000 by default. */
  maxConnections?: number;
}

/** A running feed server, with fault hooks for tests of the wall. */
export interface FeedServer {
  /** `http://host:port` to give the wall. With `httpServer`, it throws until that server listens. */
  readonly url: string;
  readonly port: number;
  /** Seq of the last delta (0 before the first). */
  readonly seq: number;
  /** Connected, authorised clients. */
  readonly clientCount: number;
  /** True between `pause()` and `resume()`. */
  readonly isPaused: boolean;
  /** Sends anything to every client, bypassing envelopes and seq (malformed input for tests). */
  emitRaw(event: string, payload: unknown): void;
  /** Loses the next `count` seqs, as if those deltas never arrived: the next delta leaves a gap. */
  skipSeq(count?: number): void;
  /**
   * Holds deltas until `resume()` (the source keeps running; held changes go
   * out in order on resume). Heartbeats continue unless `heartbeats: false`,
   * which makes the feed fully silent while its sockets stay open.
   */
  pause(options?: { heartbeats?: boolean }): void;
  resume(): void;
  /** Stops the source, disconnects every client and stops listening. */
  close(): Promise<void>;
}

/** Starts a feed server: snapshot on connect, deltas with one global seq, heartbeats, resync answers. */
export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  if (options.token === '') throw new Error('token must not be empty: omit it to run without one');
  const { source, token } = options;
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? source.clock ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const httpServer = options.httpServer ?? http.createServer(notFound);
  const ownsHttp = options.httpServer === undefined;
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new Error(`maxConnections must be a positive integer, got ${maxConnections}`);
  const allowedOrigins = options.allowedOrigins;
  const cors = options.cors ?? (allowedOrigins ? { origin: [...allowedOrigins] } : undefined);

  const io: Server<ClientToServerEvents, FeedServerToClientEvents> = new Server<ClientToServerEvents, FeedServerToClientEvents>(httpServer, {
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    transports: ['websocket', 'polling'],
    serveClient: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    allowRequest(req, callback) {
      const refusal = refusalOf(req.headers.origin, io.engine.clientsCount, { maxConnections, ...(allowedOrigins ? { allowedOrigins } : {}) });
      if (refusal === null) return callback(null, true);
      log(`refused ${req.socket.remoteAddress ?? '?'}: ${refusal}${refusal.startsWith('origin') ? ` (${req.headers.origin ?? ''})` : ''}`);
      callback(refusal, false);
    },
    ...(cors ? { cors } : {}),
  });
  const sessions = new Map<string, ClientSession>();
  let seq = 0;
  let paused = false;
  let heartbeatsAllowed = true;
  let held: EntityChange[] = [];

  const host: SessionHost = {
    heartbeatMs,
    resyncIntervalMs: options.resyncIntervalMs ?? 1_000,
    sendSnapshot(socket) {
      socket.emit('feed:snapshot', { v: 1, seq, at: clock(), ...source.snapshot() });
      sessions.get(socket.id)?.touch();
    },
    sendHeartbeat(socket) {
      socket.emit('feed:heartbeat', { v: 1, seq, at: clock() });
    },
    isHeartbeatAllowed: () => heartbeatsAllowed,
  };

  function broadcast(change: EntityChange): void {
    seq += 1;
    const message: DeltaMessage = { v: 1, seq, at: clock() };
    if (change.upsert) message.upsert = change.upsert;
    if (change.remove) message.remove = change.remove;
    io.emit('feed:delta', message);
    for (const session of sessions.values()) session.touch();
  }

  function emit(change: EntityChange): void {
    if (isEmptyChange(change)) return;
    if (paused) held.push(change);
    else broadcast(change);
  }

  function skipSeq(count = 1): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`skipSeq: count must be a positive integer, got ${count}`);
    seq += count;
  }

  function emitRaw(event: string, payload: unknown): void {
    (io as unknown as Server).emit(event, payload);
  }

  function fault(f: FeedFault): void {
    log(`fault: ${f.kind === 'gap' ? `gap of ${f.count}` : f.kind}`);
    if (f.kind === 'gap') skipSeq(f.count);
    else if (f.kind === 'malformed') emitRaw('feed:delta', { v: 1, seq: 'malformed', at: clock() });
    else emit({ upsert: { services: [{ id: 'bad-entity', name: 'Bad entity', status: 'on-fire', updatedAt: clock() } as never] } });
  }

  io.use((socket, next) => {
    if (token === undefined) return next();
    const given = (socket.handshake.auth as FeedAuth | undefined)?.token;
    if (tokenMatches(token, given)) return next();
    log(`refused ${socket.handshake.address}: ${given === undefined ? 'missing' : 'wrong'} token`);
    next(new Error(UNAUTHORIZED));
  });

  io.on('connection', (socket: FeedSocket) => {
    const session = new ClientSession(socket, host);
    sessions.set(socket.id, session);
    const who = `${socket.id} from ${socket.handshake.address}`;
    log(`connect ${who} (${sessions.size} connected)`);
    host.sendSnapshot(socket);
    socket.on('feed:resync', (request: unknown) => {
      const lastSeq = (request as { lastSeq?: unknown } | null)?.lastSeq;
      const answered = session.resync();
      log(`resync ${socket.id} lastSeq=${typeof lastSeq === 'number' ? lastSeq : 'none'}${answered ? '' : ' (deferred)'}`);
    });
    socket.on('disconnect', (reason) => {
      session.dispose();
      sessions.delete(socket.id);
      log(`disconnect ${who}: ${reason} (${sessions.size} connected)`);
    });
  });

  if (ownsHttp) {
    try {
      await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
    } catch (error) {
      await io.close();
      throw error;
    }
  }
  source.start({ emit, fault, clock });

  return {
    get url() {
      return urlOf(httpServer);
    },
    get port() {
      return (httpServer.address() as AddressInfo | null)?.port ?? 0;
    },
    get seq() {
      return seq;
    },
    get clientCount() {
      return sessions.size;
    },
    get isPaused() {
      return paused;
    },
    emitRaw,
    skipSeq,
    pause(pauseOptions) {
      paused = true;
      heartbeatsAllowed = pauseOptions?.heartbeats ?? true;
    },
    resume() {
      paused = false;
      heartbeatsAllowed = true;
      const pending = held;
      held = [];
      for (const change of pending) broadcast(change);
    },
    async close() {
      source.stop();
      for (const session of sessions.values()) session.dispose();
      sessions.clear();
      if (ownsHttp) {
        await io.close();
      } else {
        // io.close() would also close the kiosk's own HTTP server.
        io.disconnectSockets(true);
        io.engine.close();
      }
    },
  };
}
