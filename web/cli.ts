/*
 * `npm run web`: the wall for any browser. One Node HTTP server serves the
 * built renderer and, without --feed, the embedded demo feed on the same
 * port; it prints the address to open (for a TV stick: `chromium --kiosk URL`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { createSimulatorSource } from '../feed/simulator/simulatorSource';
import { parseWebArgs, WEB_HELP } from './args';
import { startWebKiosk } from './server';
import { baseUrl, wallUrl } from './wallUrl';

function fail(message: string): never {
  process.stderr.write(`web: ${message}\n`);
  process.exit(2);
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info?.address ?? '');
}

function ensureRenderer(root: string): void {
  if (existsSync(join(root, 'index.html'))) return;
  if (resolve(root) !== resolve('dist/renderer')) fail(`${join(root, 'index.html')} not found (allowed: --root pointing at a built wall)`);
  process.stdout.write('web: the wall is not built yet; building it once (vite build)\n');
  const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(join(root, 'index.html'))) fail('building the wall failed; see the output above');
}

async function main(): Promise<void> {
  const parsed = parseWebArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) fail(parsed.message);
  const args = parsed.args;
  if (args.isHelp) {
    process.stdout.write(`${WEB_HELP}\n`);
    return;
  }
  let token = args.token;
  if (args.tokenFile !== undefined) {
    try {
      token = readFileSync(args.tokenFile, 'utf8').trim();
    } catch (error) {
      fail(`--token-file: ${JSON.stringify(args.tokenFile)} is not a readable file (${(error as { code?: string }).code ?? String(error)})`);
    }
    if (!token) fail(`--token-file: ${JSON.stringify(args.tokenFile)} does not hold a token (allowed: one line of 1 to 4096 characters)`);
  }
  ensureRenderer(args.root);

  const demoSource = args.feedUrl === undefined ? createSimulatorSource({ seed: 1 }) : undefined;
  const kiosk = await startWebKiosk({ root: args.root, port: args.port, host: args.host, feedUrl: args.feedUrl, demoSource, log: (line) => process.stderr.write(`${line}\n`) }).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    fail(code === 'EADDRINUSE' ? `port ${args.port} is in use (allowed: a free port, or 0 to pick one)` : String(error));
  });

  const hosts = args.host === '0.0.0.0' || args.host === '::' ? ['127.0.0.1', ...lanAddresses()] : [args.host];
  const feedLine = demoSource ? `the embedded demo feed, ${demoSource.description}` : `the feed at ${args.feedUrl}`;
  process.stdout.write(`web: serving ${args.root} with ${feedLine}\n`);
  for (const host of hosts) {
    const base = baseUrl(host, kiosk.port);
    const url = wallUrl(base, { feedUrl: args.feedUrl ?? base, isDemo: demoSource !== undefined, token, isQuiet: args.isQuiet, dwellSeconds: args.dwellSeconds, pages: args.pages, theme: args.theme });
    process.stdout.write(`Open: ${url}\n`);
  }

  const stop = () => {
    kiosk.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
