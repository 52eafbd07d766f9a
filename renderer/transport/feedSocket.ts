import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, WallServerToClientEvents } from '../../shared/protocol/messages';
import { SERVER_EVENTS, UNAUTHORIZED } from '../../shared/protocol/messages';
import type { WallStore } from '../store/store';
import { frameScheduler } from './frameScheduler';
import { createIngest } from './ingest';
import type { FlushScheduler, Ingest } from './ingest';
import { exposeStateDump } from './stateDump';
import { RECONNECT, retryDelay } from './backoff';

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
  let retries = 0;
  exposeStateDump(store);

  // socket.io retries lost transports itself, but not a server that hung up
  // or refused the connection in its middleware (a full feed): the wall
  // still wants its feed back, so it tries again on the same backoff.
  const retryLater = () => {
    if (isClosed || socket.active) return;
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), retryDelay(retries));
    retries += 1;
  };

  // The wall's ticker judges freshness four times a second; this timer makes
  // the turn to stale land when the silence reaches the limit, not up to a
  // tick later.
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  const unwatch = store.subscribe((s, prev) => {
    if (s.lastMessageAt === prev.lastMessageAt || s.lastMessageAt === null) return;
    clearTimeout(staleTimer);
    const due = s.lastMessageAt + s.settings.staleAfterSeconds * 1_000 - Date.now();
    staleTimer = setTimeout(() => store.getState().tick(Date.now()), Math.max(0, due) + 1);
  });

  store.getState().setSocket('connecting', Date.now());
  for (const event of SERVER_EVENTS) socket.on(event, (raw: unknown) => ingest.onMessage(event, raw));

  socket.on('connect', () => {
    retries = 0;
    ingest.onConnected();
    store.getState().setSocket('connected', Date.now());
  });

  socket.on('disconnect', (reason) => {
    ingest.onDisconnected();
    ingest.flush();
    if (store.getState().socket !== 'refused') store.getState().setSocket('disconnected', Date.now());
    if (reason === 'io server disconnect') retryLater();
  });

  socket.on('connect_error', (error) => {
    if (error.message === UNAUTHORIZED) {
      store.getState().setSocket('refused', Date.now());
      socket.disconnect();
      return;
    }
    store.getState().setSocket('disconnected', Date.now());
    retryLater();
  });

  return {
    ingest,
    close() {
      isClosed = true;
      clearTimeout(retry);
      clearTimeout(staleTimer);
      unwatch();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
