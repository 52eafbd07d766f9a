import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Slo } from '../../shared/protocol/entities';
import { sloSchema } from '../../shared/protocol/entities';
import { parseCliArgs } from '../cliArgs';
import type { CliOptions } from '../cliArgs';
import { createPrometheusSource } from './prometheusSource';
import { prometheusSourceOptions } from './sourceOptions';
import { testExporter, testPrometheus } from './testServers';
import type { TestExporter, TestServer } from './testServers';

let exporter: TestExporter;
let prom: TestServer;
let source: ReturnType<typeof createPrometheusSource>;

const slo = (): Slo | undefined => source.snapshot().slos.find((s) => s.id === 'checkout-errors');
async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(source.snapshot())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  exporter = await testExporter(0.05);
  prom = await testPrometheus({ checkout: [exporter.target] }, path.join(import.meta.dirname, 'testdata/pyrra-rules.yml'));
  await prom.start();
  // Configured the way an operator would: --preset pyrra on the command line.
  const options = parseCliArgs(['--source', 'prometheus', '--prometheus', prom.url, '--preset', 'pyrra', '--interval', '1']) as CliOptions & { prometheus: string };
  source = createPrometheusSource({ ...prometheusSourceOptions(options, () => undefined), maxBackoffMs: 1_000 });
  source.start({ emit: () => undefined, fault: () => undefined, clock: Date.now });
}, 30_000);

afterAll(async () => {
  source?.stop();
  await prom?.stop();
  await exporter?.close();
});

it('reads Pyrra rules with the pyrra preset: ratios per window, objective, 4w period, service label', async () => {
  const near = (value: number | null | undefined, tolerance: number) => Math.abs((value ?? -1) - 0.05) < tolerance;
  await until('5m and period ratios near 0.05', () => near(slo()?.errorRatio['5m'], 0.01) && near(slo()?.errorRatio.window, 0.015));
  const current = slo()!;
  expect(sloSchema.safeParse(current).success).toBe(true);
  expect(current).toMatchObject({ serviceId: 'checkout', name: 'checkout-errors', objective: 0.99, windowDays: 28 });
  for (const w of ['30m', '1h', '2h', '6h', '1d'] as const) expect(near(current.errorRatio[w], 0.015), w).toBe(true);
  // Pyrra records 4d, not 3d: that window is not read, so it is absent rather than null or 0.
  expect('3d' in current.errorRatio).toBe(false);
  // The other tool's :burnrate5m has no slo label and makes no SLO.
  expect(source.snapshot().slos.map((s) => s.id)).toEqual(['checkout-errors']);
  // A burn of 5x a 1% budget is below the 28-day page thresholds (13.44 and 5.6): the target is up, so ok.
  expect(source.snapshot().services).toEqual([expect.objectContaining({ id: 'checkout', status: 'ok' })]);
}, 40_000);
