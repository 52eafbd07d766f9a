// The reference feed as a separate process, so a fault can kill it
// (SIGKILL) or freeze it (SIGSTOP) the way a real crash or a stalled host
// would. It is bundled once with esbuild so each restart takes a few tens
// of milliseconds instead of a TypeScript compile.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';

const BUNDLE = path.resolve('artifacts/faults/feed.mjs');
let bundled: Promise<string> | null = null;

/** Bundles feed/cli.ts once per run; packages stay in node_modules. */
export function bundleFeed(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(path.dirname(BUNDLE), { recursive: true });
    await build({
      entryPoints: [path.resolve('feed/cli.ts')],
      outfile: BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    return BUNDLE;
  })();
  return bundled;
}

/** A free loopback port, so every restart of the feed listens on the same URL. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One running feed process. */
export interface FeedProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts the feed CLI on `port` with `args`; resolves once it serves. */
export async function startFeedProcess(port: number, args: readonly string[]): Promise<FeedProcess> {
  const bundle = await bundleFeed();
  const child = spawn(process.execPath, [bundle, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`feed did not start within 10 s: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('feed: serving')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`feed exited with ${code}: ${output}`));
    });
  });
  // Keep reading so a chatty feed never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
