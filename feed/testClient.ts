import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

/** One message a test client received. */
export interface Received {
  event: string;
  payload: unknown;
  /** performance.now() when it arrived. */
  t: number;
}

/** A socket.io client that records everything a feed sends, for tests over loopback. */
export interface RecordingClient {
  socket: Socket;
  messages: Received[];
  /** Resolves with the first message (already received or coming) of `event` matching `accept`. */
  next(event: string, accept?: (payload: never) => boolean, timeoutMs?: number): Promise<Received>;
  close(): void;
}

/** Connects and records; resolves once connected, rejects with the connect_error (e.g. "unauthorized"). */
export function connectRecorder(url: string, token?: string): Promise<RecordingClient> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...(token === undefined ? {} : { auth: { token } }) });
  const messages: Received[] = [];
  let waiters: Array<() => void> = [];
  socket.onAny((event: string, payload: unknown) => {
    messages.push({ event, payload, t: performance.now() });
    const current = waiters;
    waiters = [];
    for (const wake of current) wake();
  });
  const client: RecordingClient = {
    socket,
    messages,
    next(event, accept = () => true, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          for (; seen < messages.length; seen += 1) {
            const m = messages[seen]!;
            if (m.event === event && accept(m.payload as never)) {
              clearTimeout(timer);
              resolve(m);
              return;
            }
          }
          waiters.push(check);
        };
        check();
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
