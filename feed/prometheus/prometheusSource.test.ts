import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Service, Slo } from '../../shared/protocol/entities';
import { serviceSchema, sloSchema } from '../../shared/protocol/entities';
import type { EntityChange } from '../source';
import { createPrometheusSource } from './prometheusSource';
import { freePort, testExporter, testPrometheus } from './testServers';
import type { TestExporter, TestServer } from './testServers';

// Job "checkout" scrapes an exporter whose error share the test controls; job
// "ghost" scrapes a port nobody listens on, so its `up` is 0.
let exporter: TestExporter;
let prom: TestServer;
const changes: EntityChange[] = [];
const logs: string[] = [];
let source: ReturnType<typeof createPrometheusSource>;

const slo = (): Slo | undefined => source.snapshot().slos.find((s) => s.id === 'checkout-availability');
const service = (id: string): Service | undefined => source.snapshot().services.find((s) => s.id === id);
async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(source.snapshot())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  exporter = await testExporter(0.1);
  const ghost = `127.0.0.1:${await freePort()}`;
  prom = await testPrometheus({ checkout: [exporter.target], ghost: [ghost] }, path.join(import.meta.dirname, 'testdata/sloth-rules.yml'));
  await prom.start();
  // checkout takes the job named like it (the default); the others are mapped to jobs.
  const serviceJobs = { ghost: ['ghost'], storefront: ['checkout', 'ghost'], payments: ['payments'] };
  source = createPrometheusSource({
    url: prom.url,
    intervalSeconds: 1,
    maxBackoffMs: 1_000,
    upRules: { jobLabel: 'job', serviceLabel: 'service', serviceJobs },
    log: (l) => logs.push(l),
  });
  source.start({ emit: (c) => changes.push(c), fault: () => undefined, clock: Date.now });
}, 30_000);

afterAll(async () => {
  source?.stop();
  await prom?.stop();
  await exporter?.close();
});

it('maps Sloth rules to an SLO whose 5m ratio follows the injected errors', async () => {
  await until('a 5m ratio near 0.1', () => Math.abs((slo()?.errorRatio['5m'] ?? -1) - 0.1) < 0.02);
  const current = slo()!;
  expect(sloSchema.safeParse(current).success).toBe(true);
  expect(current).toMatchObject({ serviceId: 'checkout', name: 'availability', objective: 0.999, windowDays: 30 });
  // No rule records the 6h, 1d, 3d or period ratios: no samples is null, never 0.
  expect(current.errorRatio['6h']).toBeNull();
  expect(current.errorRatio.window).toBeNull();
  // Its target is up, but 10% errors against a 0.1% budget burn at page level.
  expect(service('checkout')).toMatchObject({ status: 'degraded', message: 'availability burns its error budget at page level' });
  exporter.errorShare = 0.6;
  await until('the 5m ratio to climb past 0.25', () => (slo()?.errorRatio['5m'] ?? 0) > 0.25);
}, 40_000);

it('derives service status from up by job: all targets down, some down, no data', async () => {
  await until('ghost down', () => service('ghost')?.status === 'down');
  expect(service('ghost')).toMatchObject({ status: 'down', message: 'its target is down' });
  expect(service('storefront')).toMatchObject({ status: 'degraded', message: '1 of 2 targets down' });
  expect(service('payments')).toMatchObject({ status: 'unknown' });
  for (const s of source.snapshot().services) expect(serviceSchema.safeParse(s).success).toBe(true);
  expect(source.snapshot().services.map((s) => s.id)).toEqual(['checkout', 'ghost', 'payments', 'storefront']);
}, 30_000);

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
