import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers plain HTTP requests to a standalone feed: only socket.io lives here. */
export function notFound(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('noc-wall feed: connect with socket.io\n');
}

/** Listens, rejecting with the listen error (EADDRINUSE…) instead of emitting it. */
export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The URL a client dials for a listening server. */
export function urlOf(server: http.Server): string {
  const address = server.address() as AddressInfo | null;
  if (address === null) throw new Error('the feed server is not listening yet');
  // An unspecified address is not something a client can dial: give loopback.
  let host = address.address;
  if (host === '0.0.0.0') host = '127.0.0.1';
  if (host === '::') host = '::1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
