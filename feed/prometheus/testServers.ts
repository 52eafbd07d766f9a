import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Counter, Registry } from 'prom-client';

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

/** A Prometheus or Alertmanager started by a test, with a throwaway data folder. */
export interface TestServer {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Prepares a Prometheus scraping each job's targets (host:port) every second and evaluating `rulesFile`. */
export async function testPrometheus(jobs: Record<string, string[]>, rulesFile: string): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'noc-prom-'));
  const config = path.join(dir, 'prometheus.yml');
  const scrapes = Object.entries(jobs).map(([job, targets]) => `  - job_name: ${job}\n    static_configs: [{ targets: ${JSON.stringify(targets)} }]\n`);
  writeFileSync(config, `global: { scrape_interval: 1s, evaluation_interval: 1s }\nrule_files: [${JSON.stringify(rulesFile)}]\nscrape_configs:\n${scrapes.join('')}`);
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
    stop: () => stopChild(child).finally(() => (child = undefined)),
  };
}

/** Stops a server started by a test and waits for it to exit. */
async function stopChild(running: ChildProcess | undefined): Promise<void> {
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  await new Promise((resolve) => {
    running.once('exit', resolve);
    running.kill('SIGTERM');
  });
}

/** Prepares an Alertmanager on a free loopback port with a throwaway folder; it can be stopped and started again on that port. */
export async function testAlertmanager(): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'noc-am-'));
  writeFileSync(path.join(dir, 'am.yml'), 'route: { receiver: none }\nreceivers: [{ name: none }]\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    url,
    async start() {
      const args = [`--config.file=${path.join(dir, 'am.yml')}`, `--storage.path=${dir}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='];
      child = spawn('/usr/bin/prometheus-alertmanager', args, { stdio: 'ignore' });
      await waitReady(`${url}/-/ready`);
    },
    stop: () => stopChild(child).finally(() => (child = undefined)),
  };
}

/** A /metrics endpoint (prom-client) serving request counters: `errorShare` of each 100 requests per 100 ms fail. */
export interface TestExporter {
  target: string;
  errorShare: number;
  close(): Promise<void>;
}

/** Starts an exporter on a free loopback port. */
export async function testExporter(errorShare: number, metric = 'http_requests_total'): Promise<TestExporter> {
  const registry = new Registry();
  const requests = new Counter({ name: metric, help: 'Requests served, by status code.', labelNames: ['code'], registers: [registry] });
  const exporter: TestExporter = { target: '', errorShare, close: async () => undefined };
  const traffic = setInterval(() => {
    const failed = Math.round(100 * exporter.errorShare);
    requests.inc({ code: '500' }, failed);
    requests.inc({ code: '200' }, 100 - failed);
  }, 100);
  const server = http.createServer((_req, res) => {
    void registry.metrics().then((body) => {
      res.setHeader('content-type', registry.contentType);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  exporter.target = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  exporter.close = async () => {
    clearInterval(traffic);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return exporter;
}
