import { describe, expect, it } from 'vitest';
import { generateCompany } from './company';

const OBJECTIVES = [0.99, 0.995, 0.999, 0.9995, 0.9999];

describe('generateCompany', () => {
  it('gives the same company for the same seed and another for another seed', () => {
    expect(generateCompany({ seed: 7 })).toEqual(generateCompany({ seed: 7 }));
    expect(generateCompany({ seed: 7 })).not.toEqual(generateCompany({ seed: 8 }));
  });

  it('makes 40 services across every team, tiers 1 to 4, with 1 to 4 SLOs each', () => {
    for (const seed of [1, 2, 3, 99]) {
      const { services, slos } = generateCompany({ seed });
      expect(services).toHaveLength(40);
      expect(new Set(services.map((s) => s.team)).size).toBeGreaterThanOrEqual(6);
      expect(services.map((s) => s.id)).toContain('checkout');
      expect(new Set(services.map((s) => s.tier))).toEqual(new Set([1, 2, 3, 4]));
      for (const s of services) {
        const own = slos.filter((slo) => slo.serviceId === s.id);
        expect(own.length).toBeGreaterThanOrEqual(1);
        expect(own.length).toBeLessThanOrEqual(4);
        expect(own[0]?.kind).toBe('availability');
      }
    }
  });

  it('keeps objectives, windows and baselines realistic', () => {
    const { slos } = generateCompany({ seed: 5, services: 400 });
    expect(new Set(slos.map((s) => s.objective))).toEqual(new Set(OBJECTIVES));
    expect(new Set(slos.map((s) => s.windowDays))).toEqual(new Set([28, 30]));
    expect(new Set(slos.map((s) => s.kind))).toEqual(new Set(['availability', 'latency']));
    for (const slo of slos) {
      expect(slo.baseline).toBeGreaterThan(0);
      expect(slo.baseline).toBeLessThan(0.4 * (1 - slo.objective) + 1e-12);
      for (const e of slo.history) expect(e.endedAt).toBeLessThanOrEqual(0);
    }
    expect(slos.filter((s) => s.history.length > 0).length).toBeGreaterThan(slos.length / 5);
  });

  it('gives every entity a unique id, even at load-test size', () => {
    const { services, slos } = generateCompany({ seed: 1, services: 20_000, slos: 100_000 });
    expect(services).toHaveLength(20_000);
    expect(slos).toHaveLength(100_000);
    expect(new Set(services.map((s) => s.id)).size).toBe(20_000);
    expect(new Set(slos.map((s) => s.id)).size).toBe(100_000);
    const perService = new Map<string, number>();
    for (const slo of slos) perService.set(slo.serviceId, (perService.get(slo.serviceId) ?? 0) + 1);
    expect(new Set(perService.values())).toEqual(new Set([5]));
  });
});
