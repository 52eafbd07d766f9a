import { expect, it } from 'vitest';
import type { AmAlert } from './alertmanager';
import { DEFAULT_INCIDENT_RULES, mapIncidents } from './alertmanager';

const alert = (alertname: string, severity: string, state: AmAlert['status']['state'] = 'active'): AmAlert => ({
  labels: { alertname, service: 'api', severity },
  startsAt: '2026-11-27T01:00:00Z',
  status: { state, silencedBy: [], inhibitedBy: [] },
});
const rules = { ...DEFAULT_INCIDENT_RULES, resolvedRetentionMs: 60_000 };

it('resolves an incident whose alerts ended, keeps it for the retention, then leaves it out', () => {
  const firing = mapIncidents([alert('Errors', 'critical')], [], rules, 1_000);
  expect(firing).toMatchObject([{ id: 'am:Errors/api', status: 'triggered', severity: 'sev1' }]);
  const resolved = mapIncidents([], firing, rules, 2_000);
  expect(resolved).toMatchObject([{ id: 'am:Errors/api', status: 'resolved', resolvedAt: 2_000 }]);
  expect(mapIncidents([], resolved, rules, 61_999)).toEqual(resolved);
  expect(mapIncidents([], resolved, rules, 62_000)).toEqual([]);
});

it('brings a resolved incident back as triggered when its alert fires again', () => {
  const resolved = mapIncidents([], mapIncidents([alert('Errors', 'critical')], [], rules, 0), rules, 10);
  const again = mapIncidents([alert('Errors', 'critical')], resolved, rules, 20);
  expect(again).toHaveLength(1);
  expect(again[0]).toMatchObject({ status: 'triggered' });
  expect(again[0]!.resolvedAt).toBeUndefined();
});

it('groups by the configured labels, maps severities, the worst wins, and a retention of 0 drops at the next poll', () => {
  const custom = { groupBy: ['alertname'], severityLabel: 'level', severities: { p1: 'sev1', p3: 'sev3' } as const, serviceLabel: 'service', resolvedRetentionMs: 0 };
  const two = [
    { ...alert('Errors', ''), labels: { alertname: 'Errors', service: 'api', level: 'p3' } },
    { ...alert('Errors', ''), labels: { alertname: 'Errors', service: 'web', level: 'p1' } },
  ];
  const incidents = mapIncidents(two, [], custom, 0);
  expect(incidents).toMatchObject([{ id: 'am:Errors', severity: 'sev1', serviceIds: ['api', 'web'] }]);
  const resolved = mapIncidents([], incidents, custom, 5);
  expect(resolved[0]!.status).toBe('resolved');
  expect(mapIncidents([], resolved, custom, 6)).toEqual([]);
});
