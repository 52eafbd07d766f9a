import { describe, expect, it } from 'vitest';
import type { Slo } from '../../shared/protocol/entities';
import type { Sample } from './client';
import { DEFAULT_UP_RULES, groupUp, mapServices, serviceStatus } from './status';

const up = (labels: Record<string, string>, value: number): Sample => ({ labels, value });
const slo = (errorRatio: Slo['errorRatio'], windowDays = 30): Slo => ({ id: 's', serviceId: 'api', name: 'avail', objective: 0.999, windowDays, errorRatio, updatedAt: 0 });

describe('groupUp', () => {
  const samples = [up({ job: 'api', instance: 'a' }, 1), up({ job: 'api', instance: 'b' }, 0), up({ job: 'node', service: 'db' }, 1), up({ job: 'worker' }, 0)];

  it('by default gives a target to its service label, else to the service named like its job', () => {
    expect(Object.fromEntries(groupUp(samples, DEFAULT_UP_RULES))).toEqual({ api: [1, 0], db: [1], worker: [0] });
  });

  it('gives a mapped service exactly its jobs; other services keep the default', () => {
    const rules = { ...DEFAULT_UP_RULES, serviceJobs: { api: ['worker'], shop: ['api', 'worker'] } };
    expect(Object.fromEntries(groupUp(samples, rules))).toEqual({ api: [0], shop: [1, 0, 0], db: [1], worker: [0] });
  });

  it('reads other label names', () => {
    const rules = { jobLabel: 'app', serviceLabel: 'team_service', serviceJobs: {} };
    expect(Object.fromEntries(groupUp([up({ app: 'x' }, 1), up({ app: 'y', team_service: 'z' }, 0)], rules))).toEqual({ x: [1], z: [0] });
  });
});

describe('serviceStatus', () => {
  it('is down when every target is down, degraded when some are', () => {
    expect(serviceStatus([], [0, 0])).toEqual({ status: 'down', message: 'all 2 targets are down' });
    expect(serviceStatus([slo({ '5m': 0 })], [0])).toEqual({ status: 'down', message: 'its target is down' });
    expect(serviceStatus([], [1, 0, 1])).toEqual({ status: 'degraded', message: '1 of 3 targets down' });
  });

  it('is degraded when an SLO is at page level, with the thresholds scaled to its window', () => {
    // 30 days: page at 14.4x over 1h and 5m; 28 days: 13.44x.
    const burn14 = { '5m': 0.014, '1h': 0.014 };
    expect(serviceStatus([slo(burn14, 30)], [1]).status).toBe('ok');
    expect(serviceStatus([slo(burn14, 28)], [1])).toEqual({ status: 'degraded', message: 'avail burns its error budget at page level' });
    // Exactly at the threshold counts (1 - 0.999 is not exactly 0.001 in floating point).
    expect(serviceStatus([slo({ '5m': 0.0144, '1h': 0.0144 }, 30)], [1]).status).toBe('degraded');
    // A ticket-level burn (3x over 1d and 2h) is not a page.
    expect(serviceStatus([slo({ '2h': 0.005, '1d': 0.005 })], [1]).status).toBe('ok');
  });

  it('is unknown with no up series and no SLO data; ok with either', () => {
    expect(serviceStatus([], undefined)).toEqual({ status: 'unknown', message: 'no data in Prometheus' });
    expect(serviceStatus([slo({ '5m': null, window: null })], [])).toMatchObject({ status: 'unknown' });
    expect(serviceStatus([slo({ '5m': null })], [1])).toEqual({ status: 'ok' });
    expect(serviceStatus([slo({ '5m': 0 })], undefined)).toEqual({ status: 'ok' });
  });
});

it('mapServices lists the services of the SLOs and the mapped ones, sorted', () => {
  const services = mapServices([slo({ '5m': 0 })], new Map([['queue', [0]]]), ['queue', 'billing'], 5);
  expect(services).toEqual([
    { id: 'api', name: 'api', status: 'ok', updatedAt: 5 },
    { id: 'billing', name: 'billing', status: 'unknown', message: 'no data in Prometheus', updatedAt: 5 },
    { id: 'queue', name: 'queue', status: 'down', message: 'its target is down', updatedAt: 5 },
  ]);
});
