import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Incident } from '../../shared/protocol/entities';
import { incidentSchema } from '../../shared/protocol/entities';
import { DEFAULT_INCIDENT_RULES, fetchAlerts, mapIncidents } from './alertmanager';
import { testAlertmanager } from './testServers';
import type { TestServer } from './testServers';

let am: TestServer;
let url: string;
let incidents: Incident[] = [];

async function refresh(): Promise<Incident[]> {
  incidents = mapIncidents(await fetchAlerts(url), incidents, DEFAULT_INCIDENT_RULES, Date.now());
  return incidents;
}
async function until(what: string, check: (list: Incident[]) => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check(await refresh())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(incidents)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const post = (route: string, body: unknown) =>
  fetch(`${url}/api/v2/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  am = await testAlertmanager();
  url = am.url;
  await am.start();
}, 30_000);

afterAll(() => am?.stop());

it('turns a posted alert into an incident, its silence into acknowledged and its end into resolved', async () => {
  const labels = { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' };
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const alert = { labels, startsAt, generatorURL: 'http://prometheus.example/graph?g0.expr=up', annotations: { summary: 'Checkout errors' } };
  expect((await post('alerts', [alert])).ok).toBe(true);
  await until('the incident', (list) => list.length === 1);
  expect(incidents[0]).toMatchObject({ title: 'Checkout errors', severity: 'sev1', status: 'triggered', serviceIds: ['checkout'] });
  expect(incidents[0]!.startedAt).toBe(Date.parse(startsAt));
  expect(incidents[0]!.url).toBe(alert.generatorURL);
  expect(incidentSchema.safeParse(incidents[0]).success).toBe(true);

  const matchers = [{ name: 'alertname', value: 'HighErrorRate', isRegex: false, isEqual: true }];
  const silence = { matchers, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: 'test', comment: 'on it' };
  expect((await post('silences', silence)).ok).toBe(true);
  await until('acknowledged', (list) => list[0]?.status === 'acknowledged');
  expect(incidents[0]!.acknowledgedAt).toBeGreaterThan(0);

  expect((await post('alerts', [{ ...alert, endsAt: new Date(Date.now() - 1_000).toISOString() }])).ok).toBe(true);
  await until('resolved', (list) => list[0]?.status === 'resolved');
  expect(incidents).toHaveLength(1);
}, 40_000);
