import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A free loopback port (tests only: the real servers cannot take port 0). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until it answers 200 or the deadline passes. */
export async function waitReady(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A Prometheus started by a test, with a throwaway data folder. */
export interface TestPrometheus {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Prepares a Prometheus scraping `target` every second and evaluating `rulesFile`. */
export async function testPrometheus(target: string, job: string, rulesFile: string): Promise<TestPrometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'noc-prom-'));
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    `global: { scrape_interval: 1s, evaluation_interval: 1s }\nrule_files: [${JSON.stringify(rulesFile)}]\n` +
      `scrape_configs:\n  - job_name: ${job}\n    static_configs: [{ targets: [${JSON.stringify(target)}] }]\n`,
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    url,
    async start() {
      const args = [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`];
      child = spawn('/usr/bin/prometheus', args, { stdio: 'ignore' });
      await waitReady(`${url}/-/ready`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGTERM');
      });
    },
  };
}
