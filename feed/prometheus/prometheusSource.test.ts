import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Slo } from '../../shared/protocol/entities';
import { sloSchema } from '../../shared/protocol/entities';
import type { EntityChange } from '../source';
import { createPrometheusSource } from './prometheusSource';
import { freePort, testPrometheus } from './testServers';
import type { TestPrometheus } from './testServers';

// An exporter whose error share the test controls: 100 requests every 100 ms.
let errorShare = 0.1;
const counts = { ok: 0, err: 0 };
const traffic = setInterval(() => {
  counts.err += Math.round(100 * errorShare);
  counts.ok += 100 - Math.round(100 * errorShare);
}, 100);
const exporter = http.createServer((_req, res) => {
  res.setHeader('content-type', 'text/plain; version=0.0.4');
  res.end(`# TYPE http_requests_total counter\nhttp_requests_total{code="200"} ${counts.ok}\nhttp_requests_total{code="500"} ${counts.err}\n`);
});
let prom: TestPrometheus;
const changes: EntityChange[] = [];
const logs: string[] = [];
let source: ReturnType<typeof createPrometheusSource>;

const slo = (): Slo | undefined => source.snapshot().slos.find((s) => s.id === 'checkout-availability');
async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(slo())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  const port = await freePort();
  await new Promise<void>((resolve) => exporter.listen(port, '127.0.0.1', resolve));
  prom = await testPrometheus(`127.0.0.1:${port}`, 'checkout', path.join(import.meta.dirname, 'testdata/sloth-rules.yml'));
  await prom.start();
  source = createPrometheusSource({ url: prom.url, intervalSeconds: 1, maxBackoffMs: 1_000, upServiceLabel: 'job', log: (l) => logs.push(l) });
  source.start({ emit: (c) => changes.push(c), fault: () => undefined, clock: Date.now });
}, 30_000);

afterAll(async () => {
  source?.stop();
  clearInterval(traffic);
  await prom?.stop();
  await new Promise((resolve) => exporter.close(resolve));
});

it('maps Sloth rules to an SLO whose 5m ratio follows the injected errors', async () => {
  await until('a 5m ratio near 0.1', () => Math.abs((slo()?.errorRatio['5m'] ?? -1) - 0.1) < 0.02);
  const current = slo()!;
  expect(sloSchema.safeParse(current).success).toBe(true);
  expect(current).toMatchObject({ serviceId: 'checkout', name: 'availability', objective: 0.999, windowDays: 30 });
  // No rule records the 6h, 1d, 3d or period ratios: no samples is null, never 0.
  expect(current.errorRatio['6h']).toBeNull();
  expect(current.errorRatio.window).toBeNull();
  expect(source.snapshot().services).toEqual([expect.objectContaining({ id: 'checkout', status: 'degraded' })]);
  errorShare = 0.6;
  await until('the 5m ratio to climb past 0.25', () => (slo()?.errorRatio['5m'] ?? 0) > 0.25);
}, 40_000);

it('keeps the last values while Prometheus is down and recovers when it returns', async () => {
  await prom.stop();
  await new Promise((r) => setTimeout(r, 1_500));
  const frozen = slo()!;
  const emitted = changes.length;
  await new Promise((r) => setTimeout(r, 3_000));
  expect(slo()).toEqual(frozen);
  expect(changes.length).toBe(emitted);
  expect(logs.filter((l) => l.includes('failing')).length).toBe(1);
  await prom.start();
  await until('updatedAt to advance', () => (slo()?.updatedAt ?? 0) > frozen.updatedAt);
  expect(logs.some((l) => l.includes('recovered'))).toBe(true);
}, 40_000);
