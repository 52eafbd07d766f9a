import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, WallServerToClientEvents } from '../../shared/protocol/messages';
import { SERVER_EVENTS, UNAUTHORIZED } from '../../shared/protocol/messages';
import type { WallStore } from '../store/store';
import { frameScheduler } from './frameScheduler';
import { createIngest } from './ingest';
import type { FlushScheduler, Ingest } from './ingest';

/** Where to connect, and what to feed. */
export interface FeedConnectionOptions {
  url: string;
  token?: string;
  store: WallStore;
  schedule?: FlushScheduler;
}

/** A live connection to a feed. */
export interface FeedConnection {
  readonly ingest: Ingest;
  /** Disconnects for good (settings changed, window closing). */
  close(): void;
}

// Randomised exponential backoff from 1 s up to 10 s: a restarted feed is
// found again quickly, and a room full of walls does not reconnect in step.
const RECONNECT = { reconnectionDelay: 1_000, reconnectionDelayMax: 10_000, randomizationFactor: 0.5 } as const;

/**
 * The one module that holds socket.io-client. It connects over WebSocket,
 * hands every server event to the ingest, and tells the store what the
 * socket does. A feed that refuses the token is not retried: another
 * attempt with the same token would be refused again.
 */
export function connectFeed(options: FeedConnectionOptions): FeedConnection {
  const { store } = options;
  const socket: Socket<WallServerToClientEvents, ClientToServerEvents> = io(options.url, {
    transports: ['websocket'],
    auth: options.token === undefined ? {} : { token: options.token },
    forceNew: true,
    timeout: 5_000,
    reconnection: true,
    ...RECONNECT,
  });
  const ingest = createIngest({
    store,
    now: Date.now,
    schedule: options.schedule ?? frameScheduler(),
    emitResync: (request) => socket.emit('feed:resync', request),
  });
  let isClosed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  store.getState().setSocket('connecting', Date.now());
  for (const event of SERVER_EVENTS) socket.on(event, (raw: unknown) => ingest.onMessage(event, raw));

  socket.on('connect', () => {
    ingest.onConnected();
    store.getState().setSocket('connected', Date.now());
  });

  socket.on('disconnect', (reason) => {
    ingest.onDisconnected();
    ingest.flush();
    if (store.getState().socket !== 'refused') store.getState().setSocket('disconnected', Date.now());
    // A server that hangs up on purpose is not retried by socket.io itself;
    // the wall still wants its feed back, so it tries again after a while.
    if (reason === 'io server disconnect' && !isClosed) {
      retry = setTimeout(() => socket.connect(), RECONNECT.reconnectionDelay * (1 + Math.random()));
    }
  });

  socket.on('connect_error', (error) => {
    if (error.message === UNAUTHORIZED) {
      store.getState().setSocket('refused', Date.now());
      socket.disconnect();
      return;
    }
    store.getState().setSocket('disconnected', Date.now());
  });

  return {
    ingest,
    close() {
      isClosed = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
