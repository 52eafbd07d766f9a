import { readFileSync } from 'node:fs';
import { parseCliArgs, USAGE } from './cliArgs';
import type { CliOptions } from './cliArgs';
import { loadScenarioFile } from './scenario/load';
import { createScenarioSource } from './scenario/scenarioSource';
import { startFeedServer } from './server';
import { createPrometheusSource } from './prometheus/prometheusSource';
import { prometheusSourceOptions } from './prometheus/sourceOptions';
import { createSimulatorSource } from './simulator/simulatorSource';
import type { FeedSource } from './source';

/*
 * The reference feed server from the command line:
 *   npm run feed -- --port 8090 [--token-file F] [--scenario FILE --speed 10]
 *   npm run feed -- --config feed.yaml [flags that win over it]
 * Bad input exits with one line on stderr (a bad config file adds one
 * `also:` line per further problem) and status 2; a port that cannot be
 * bound exits with status 1.
 */

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

function fail(message: string, status = 2): never {
  console.error(`feed: ${message}`);
  process.exit(status);
}

function readToken(options: CliOptions): string | undefined {
  if (options.tokenFile === undefined) return options.token;
  let text: string;
  try {
    text = readFileSync(options.tokenFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`token file "${options.tokenFile}" cannot be read: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
  const token = text.trim();
  if (token === '') fail(`token file "${options.tokenFile}" is empty: it must hold the token`);
  return token;
}

function makeSource(options: CliOptions): FeedSource {
  if (options.source === 'prometheus' && options.prometheus !== undefined) {
    return createPrometheusSource(prometheusSourceOptions({ ...options, prometheus: options.prometheus }, log));
  }
  if (options.scenario === undefined) {
    return createSimulatorSource({ seed: options.seed, services: options.services, slos: options.slos, tickMs: options.tickMs });
  }
  try {
    return createScenarioSource(loadScenarioFile(options.scenario), { speed: options.speed, log });
  } catch (error) {
    const problems = (error as { problems?: string[] }).problems;
    // Every problem on its own line, so a long scenario is fixed in one pass.
    if (problems && problems.length > 1) for (const line of problems.slice(1)) console.error(`feed:   also: ${line}`);
    return fail(`--scenario ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    const parsed = parseCliArgs(process.argv.slice(2));
    if (parsed === 'help') {
      console.log(USAGE);
      return;
    }
    options = parsed;
  } catch (error) {
    const problems = (error as { problems?: string[] }).problems;
    if (!problems) fail(`${(error as Error).message} (see --help)`);
    // A config file: every problem, so it is fixed in one pass.
    console.error(`feed: ${problems[0]}`);
    for (const line of problems.slice(1)) console.error(`feed:   also: ${line}`);
    process.exit(2);
  }
  const token = readToken(options);
  const source = makeSource(options);
  const { port, host, heartbeatMs, allowedOrigins, maxConnections } = options;
  const server = await startFeedServer({ source, port, host, token, heartbeatMs, allowedOrigins, maxConnections, log }).catch(
    (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.code === 'EADDRNOTAVAIL' ? 'no such address here' : error.message;
      return fail(`cannot listen on ${options.host}:${options.port}: ${why}`, 1);
    },
  );
  console.log(`feed: serving ${server.url} (${source.description}${token ? ', token required' : ''})`);

  let isClosing = false;
  const shutdown = (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    log(`${signal}: closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
