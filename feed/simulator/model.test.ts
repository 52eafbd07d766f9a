import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../shared/protocol/entities';
import { validateDelta, validateSnapshot } from '../../shared/protocol/validate';
import type { EntityChange } from '../source';
import { SimulatorModel } from './model';

const START = 1_750_000_000_000;

function play(seed: number, minutes: number, stepMs = 1_000): EntityChange[] {
  const model = new SimulatorModel({ seed, startAt: START });
  const changes: EntityChange[] = [];
  for (let t = START + stepMs; t <= START + minutes * 60_000; t += stepMs) changes.push(model.advanceTo(t));
  return changes;
}

describe('SimulatorModel', () => {
  it('tells the same story for the same seed, another for another seed', () => {
    const a = play(3, 20);
    expect(play(3, 20)).toEqual(a);
    expect(play(4, 20)).not.toEqual(a);
  });

  it('does not depend on when its timer fires: late steps catch up to the same state', () => {
    const often = new SimulatorModel({ seed: 9, startAt: START });
    const rarely = new SimulatorModel({ seed: 9, startAt: START });
    for (let t = START; t <= START + 600_000; t += 1_000) often.advanceTo(t);
    for (let t = START; t <= START + 600_000; t += 7_300) rarely.advanceTo(t);
    rarely.advanceTo(START + 600_000);
    expect(rarely.snapshot()).toEqual(often.snapshot());
  });

  it('sends only valid entities, and re-measures every service within 15 s', () => {
    const model = new SimulatorModel({ seed: 11, startAt: START });
    const first = validateSnapshot({ v: 1, seq: 0, at: START, ...model.snapshot() });
    expect(first.ok && first.dropped).toEqual([]);
    let seq = 0;
    for (let t = START + 1_000; t <= START + 30 * 60_000; t += 1_000) {
      seq += 1;
      const delta = validateDelta({ v: 1, seq, at: t, ...model.advanceTo(t) });
      expect(delta.ok && delta.dropped).toEqual([]);
    }
    const now = START + 30 * 60_000;
    const snapshot = model.snapshot();
    for (const s of snapshot.services) expect(now - s.updatedAt).toBeLessThanOrEqual(15_000);
    for (const slo of snapshot.slos) expect(now - slo.updatedAt).toBeLessThanOrEqual(15_000);
  });

  it('starts with something happening and keeps service signals in step with SLO ratios', () => {
    const model = new SimulatorModel({ seed: 2, startAt: START });
    const { services, slos } = model.snapshot();
    const burning = slos.filter((slo) => (slo.errorRatio['5m'] ?? 0) > 1.5 * (1 - slo.objective));
    expect(burning.length).toBeGreaterThan(0);
    for (const service of services) {
      const availability = slos.filter((slo) => slo.serviceId === service.id && slo.id.endsWith('-availability'));
      if (availability.length === 0 || service.status === 'unknown') continue;
      const worst = Math.max(...availability.map((slo) => slo.errorRatio['5m'] ?? 0));
      expect(service.signals?.errorRatio).toBeCloseTo(worst, 5);
    }
  });

  it('moves incidents forward through their statuses until they resolve', () => {
    const model = new SimulatorModel({ seed: 5, startAt: START });
    const seen = new Map<string, number>();
    let resolved = 0;
    for (let t = START + 1_000; t <= START + 3 * 3_600_000; t += 5_000) {
      for (const incident of model.advanceTo(t).upsert?.incidents ?? []) {
        const rank = INCIDENT_STATUSES.indexOf(incident.status);
        expect(rank).toBeGreaterThanOrEqual(seen.get(incident.id) ?? 0);
        seen.set(incident.id, rank);
        expect(incident.url).toMatch(/^https:\/\//);
        if (rank >= 1) expect(incident.commander).toBeTruthy();
        if (incident.status === 'resolved') {
          resolved += 1;
          expect(incident.resolvedAt).toBeGreaterThanOrEqual(incident.startedAt);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(resolved).toBeGreaterThan(3);
    expect(new Set(seen.values()).size).toBeGreaterThan(2);
    // Resolved incidents leave the feed after a while, so the list stays bounded.
    expect(model.snapshot().incidents.length).toBeLessThan(30);
  });
});
