import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFeedServer } from '../feed/server';
import type { FeedServer } from '../feed/server';
import type { FeedSource } from '../feed/source';
import { buildCsp } from './csp';
import { readStaticFile } from './staticFiles';

/** How to run the web kiosk server. */
export interface WebKioskOptions {
  /** The built wall (dist/renderer). */
  root: string;
  port: number;
  host: string;
  /** An external feed; without one, `demoSource` is served from this same server. */
  feedUrl?: string;
  demoSource?: FeedSource;
  log?: (line: string) => void;
}

/** A running kiosk server. */
export interface WebKiosk {
  readonly port: number;
  /** The embedded demo feed, when there is one. */
  readonly demo?: FeedServer;
  close(): Promise<void>;
}

const HOST_HEADER = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The CSP for one response. With an external feed, connect-src is that
 * feed's origin. With the embedded demo feed the feed is this server, so its
 * origin is whatever host the browser used to reach it (loopback on the
 * machine itself, a LAN address on a Raspberry Pi), read from a Host header
 * that must look like a host, or nothing is allowed.
 */
export function kioskCsp(feedUrl: string | undefined, hostHeader: string | undefined): string {
  if (feedUrl !== undefined) return buildCsp({ feedUrl });
  if (hostHeader !== undefined && HOST_HEADER.test(hostHeader)) return buildCsp({ feedUrl: `http://${hostHeader}` });
  return buildCsp({ feedUrl: 'http://invalid.invalid' });
}

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/** Starts one HTTP server that serves the wall and, without an external feed, the demo feed on the same port. */
export async function startWebKiosk(options: WebKioskOptions): Promise<WebKiosk> {
  const log = options.log ?? (() => undefined);
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const fail = (status: number, text: string) => res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
    if (method !== 'GET' && method !== 'HEAD') return fail(405, 'method not allowed\n');
    readStaticFile(options.root, path).then(
      (file) => {
        if (!file) return fail(404, 'not found\n');
        res.writeHead(200, { ...HEADERS, 'Content-Type': file.contentType, 'Content-Length': file.body.length, 'Content-Security-Policy': kioskCsp(options.feedUrl, req.headers.host) });
        res.end(method === 'HEAD' ? undefined : file.body);
      },
      (error: unknown) => {
        log(`error serving ${path}: ${String(error)}`);
        fail(500, 'error\n');
      },
    );
  });
  // The request handler is registered first: socket.io wraps the handlers present when it attaches.
  const demo = options.feedUrl === undefined && options.demoSource ? await startFeedServer({ source: options.demoSource, httpServer: server, log: (line) => log(`demo feed: ${line}`) }) : undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await demo?.close();
    throw error;
  }
  return {
    port: (server.address() as AddressInfo).port,
    demo,
    async close() {
      await demo?.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
