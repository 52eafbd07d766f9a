import { describe, expect, it } from 'vitest';
import type { Service, Slo } from '../../shared/protocol/entities';
import { INCIDENT_EVERY_MINUTES, createChurn } from './churn';

const services: Service[] = Array.from({ length: 30 }, (_, n) => ({ id: `svc-${n}`, name: `Service ${n}`, status: 'ok', updatedAt: 0 }));
const slos: Slo[] = services.map((s) => ({ id: `slo-${s.id}`, serviceId: s.id, name: 'availability', objective: 0.999, windowDays: 30, errorRatio: { '1h': 0 }, updatedAt: 0 }));

describe('createChurn', () => {
  it('opens, moves, resolves and removes incidents over a story day, at a steady count', () => {
    const churn = createChurn(services, slos, 0);
    const opened = new Set<string>();
    const removed = new Set<string>();
    const counts: number[] = [];
    for (let hour = 1; hour <= 24; hour++) {
      const change = churn.advanceTo(hour * 3_600_000);
      for (const i of change.upsert?.incidents ?? []) opened.add(i.id);
      for (const id of change.remove?.incidents ?? []) {
        opened.add(id);
        removed.add(id);
      }
      counts.push(churn.incidents().length);
    }
    expect(opened.size).toBe((24 * 60) / INCIDENT_EVERY_MINUTES);
    expect(removed.size).toBeGreaterThan(opened.size - 5);
    // Churn, not growth: the same few incidents on the feed at any hour.
    expect(Math.max(...counts.slice(2))).toBe(Math.min(...counts.slice(2)));
  });

  it('degrades the service and burns its SLO while an incident is open, and restores both', () => {
    const churn = createChurn(services, slos, 0);
    const first = churn.advanceTo(60_000);
    const incident = first.upsert?.incidents?.[0];
    expect(incident?.status).toBe('triggered');
    expect(first.upsert?.services?.[0]).toMatchObject({ id: incident?.serviceIds[0], status: 'degraded' });
    expect(first.upsert?.slos?.[0]?.errorRatio['1h']).toBeGreaterThan(0.01);
    // Ten story minutes per status: resolved after 50 minutes, removed 10 minutes later.
    const later = churn.advanceTo(55 * 60_000);
    expect(later.upsert?.incidents?.filter((i) => i.id === incident?.id)).toHaveLength(1);
    const resolved = later.upsert?.incidents?.find((i) => i.id === incident?.id);
    expect(resolved?.status).toBe('resolved');
    expect(later.upsert?.services?.find((s) => s.id === incident?.serviceIds[0])?.status).toBe('ok');
    expect(churn.advanceTo(62 * 60_000).remove?.incidents).toContain(incident?.id);
  });

  it('is idle between story minutes', () => {
    const churn = createChurn(services, slos, 0);
    churn.advanceTo(60_000);
    expect(churn.advanceTo(90_000)).toEqual({ upsert: { services: [], slos: [], incidents: [] }, remove: { incidents: [] } });
  });
});
