import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Incident } from '../../shared/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../shared/protocol/messages';
import { startFeedServer } from '../server';
import type { FeedServer } from '../server';
import { connectRecorder } from '../testClient';
import type { RecordingClient } from '../testClient';
import { DEFAULT_INCIDENT_RULES } from './alertmanager';
import { createPrometheusSource } from './prometheusSource';
import { freePort, testAlertmanager } from './testServers';
import type { TestServer } from './testServers';

// The feed polls a real Alertmanager through the Prometheus source. Prometheus
// itself is absent here (a port nobody listens on): incidents flow on their own loop.
let am: TestServer;
let server: FeedServer;
let client: RecordingClient;
let source: ReturnType<typeof createPrometheusSource>;
const logs: string[] = [];
const RETENTION_MS = 2_000;

const incident = (id: string): Incident | undefined => source.snapshot().incidents.find((i) => i.id === id);
async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(source.snapshot().incidents)} ${logs.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const alert = (alertname: string, service: string, severity: string, endsAt?: string) => ({
  labels: { alertname, service, severity },
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  ...(endsAt ? { endsAt } : {}),
  generatorURL: `http://prometheus.example/graph?g0.expr=${alertname}`,
});
const post = async (alerts: unknown[]) => {
  const response = await fetch(`${am.url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
  expect(response.ok).toBe(true);
};

beforeAll(async () => {
  am = await testAlertmanager();
  await am.start();
  source = createPrometheusSource({
    url: `http://127.0.0.1:${await freePort()}`,
    alertmanagerUrl: am.url,
    intervalSeconds: 0.5,
    maxBackoffMs: 1_000,
    incidentRules: { ...DEFAULT_INCIDENT_RULES, resolvedRetentionMs: RETENTION_MS },
    log: (l) => logs.push(l),
  });
  server = await startFeedServer({ source, port: 0 });
  client = await connectRecorder(server.url);
}, 30_000);

afterAll(async () => {
  client?.close();
  await server?.close();
  await am?.stop();
});

it('keeps incidents through an Alertmanager outage, logs it once and recovers', async () => {
  await post([alert('HighErrorRate', 'checkout', 'critical'), alert('DiskFilling', 'search', 'warning')]);
  await until('two incidents', () => incident('am:HighErrorRate/checkout') !== undefined && incident('am:DiskFilling/search') !== undefined);
  expect(incident('am:HighErrorRate/checkout')).toMatchObject({ status: 'triggered', severity: 'sev1', serviceIds: ['checkout'] });
  expect(incident('am:DiskFilling/search')).toMatchObject({ status: 'triggered', severity: 'sev3' });

  await am.stop();
  await new Promise((r) => setTimeout(r, 2_500));
  const frozen = source.snapshot().incidents;
  expect(frozen.map((i) => i.status)).toEqual(['triggered', 'triggered']);
  expect(logs.filter((l) => l.startsWith('alertmanager: failing')).length).toBe(1);
  // The feed stays up: a wall connecting now gets the last incidents.
  const late = await connectRecorder(server.url);
  const snapshot = (await late.next('feed:snapshot')).payload as SnapshotMessage;
  late.close();
  expect(snapshot.incidents).toEqual(frozen);

  // Alertmanager keeps alerts in memory: after a restart only the re-sent one is back.
  await am.start();
  await post([alert('HighErrorRate', 'checkout', 'critical')]);
  await until('recovered', () => logs.some((l) => l.startsWith('alertmanager: recovered')));
  await until('the lost alert resolved', () => incident('am:DiskFilling/search')?.status === 'resolved');
  await until('the re-sent alert triggered', () => incident('am:HighErrorRate/checkout')?.status === 'triggered');
  expect(logs.filter((l) => l.startsWith('alertmanager: failing')).length).toBe(1);
}, 45_000);

it('shows an alert that ended as resolved, then drops it after the retention', async () => {
  await post([alert('HighErrorRate', 'checkout', 'critical', new Date(Date.now() - 1_000).toISOString())]);
  await until('resolved', () => incident('am:HighErrorRate/checkout')?.status === 'resolved');
  const resolvedAt = incident('am:HighErrorRate/checkout')!.resolvedAt!;
  expect(resolvedAt).toBeGreaterThan(Date.now() - 5_000);
  await until('dropped', () => incident('am:HighErrorRate/checkout') === undefined, RETENTION_MS + 5_000);
  expect(Date.now() - resolvedAt).toBeGreaterThanOrEqual(RETENTION_MS);
  // Walls were told: a delta removed it.
  const removal = await client.next('feed:delta', (d: DeltaMessage) => d.remove?.incidents?.includes('am:HighErrorRate/checkout') ?? false);
  expect(removal).toBeDefined();
}, 30_000);
