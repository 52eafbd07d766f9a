import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service, ServiceStatus, Slo } from '../protocol/entities';
import { evaluateSlo } from '../slo/evaluate';
import type { BurnLevel } from '../slo/conditions';
import { groupServices } from './healthOrder';
import type { HeldLevels } from './hysteresis';
import { budgetsOrder, evaluateAll, quietOrder } from './sloView';
import type { EvaluationCache } from './sloView';
import { createWallOrders } from './wallOrders';

const STATUSES: ServiceStatus[] = ['ok', 'degraded', 'down', 'maintenance', 'unknown'];
const LEVELS: BurnLevel[] = ['page', 'ticket', 'exhausted', 'none'];

function service(n: number, status: number, tier: number, team: number, at: number): Service {
  return { id: `svc-${n}`, name: `Service ${n % 7}`, team: team === 0 ? undefined : `team-${team}`, tier: tier === 0 ? undefined : tier, status: STATUSES[status]!, updatedAt: at };
}

function slo(n: number, ratio: number, at: number): Slo {
  return {
    id: `slo-${n}`,
    serviceId: `svc-${n % 5}`,
    name: `SLO ${n}`,
    objective: 0.999,
    windowDays: 30,
    errorRatio: { '5m': ratio, '30m': ratio, '1h': ratio, '2h': ratio / 2, '6h': ratio / 2, '1d': ratio / 4, '3d': ratio / 8, window: ratio / 10 },
    updatedAt: at,
  };
}

describe('createWallOrders', () => {
  it('groups services exactly as groupServices does, batch after batch', () => {
    const update = fc.record({ n: fc.integer({ min: 0, max: 30 }), status: fc.integer({ min: 0, max: 4 }), tier: fc.integer({ min: 0, max: 4 }), team: fc.integer({ min: 0, max: 3 }), isRemoval: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(update, { maxLength: 6 }), { minLength: 1, maxLength: 10 }), (batches) => {
        const orders = createWallOrders();
        let services = new Map<string, Service>();
        batches.forEach((batch, at) => {
          services = new Map(services);
          for (const u of batch) {
            if (u.isRemoval) services.delete(`svc-${u.n}`);
            else services.set(`svc-${u.n}`, service(u.n, u.status, u.tier, u.team, at));
          }
          // A re-measure that changes nothing the order reads.
          const first = [...services.values()][0];
          if (first) services.set(first.id, { ...first, updatedAt: at + 0.5 });
          const groups = orders.groups(services);
          expect(groups).toEqual(groupServices(services.values()));
          for (const g of groups) for (const s of g.services) expect(s).toBe(services.get(s.id));
        });
      }),
    );
  });

  it('orders SLOs and picks the burning ones exactly as budgetsOrder and quietOrder do, held levels included', () => {
    const update = fc.record({ n: fc.integer({ min: 0, max: 40 }), ratio: fc.constantFrom(0, 0.0005, 0.002, 0.01, 0.05, 0.2), isRemoval: fc.boolean() });
    const holds = fc.array(fc.record({ n: fc.integer({ min: 0, max: 40 }), level: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(update, { maxLength: 8 }), holds), { minLength: 1, maxLength: 10 }), (batches) => {
        const orders = createWallOrders();
        let slos = new Map<string, Slo>();
        const evaluations = new WeakMap<Slo, ReturnType<typeof evaluateSlo>>();
        batches.forEach(([batch, holding], at) => {
          slos = new Map(slos);
          for (const u of batch) {
            if (u.isRemoval) slos.delete(`slo-${u.n}`);
            else slos.set(`slo-${u.n}`, slo(u.n, u.ratio, at));
          }
          const held: HeldLevels = new Map(holding.map((h) => [`slo-${h.n}`, { level: LEVELS[h.level]!, pending: null }]));
          const judged = [...slos.values()].map((s) => {
            const evaluation = evaluations.get(s) ?? evaluateSlo(s);
            evaluations.set(s, evaluation);
            return { slo: s, evaluation };
          });
          const result = orders.slos(judged, held);
          expect(result.all.map((j) => j.slo.id)).toEqual(budgetsOrder(judged, held).map((j) => j.slo.id));
          expect(result.burning.map((j) => j.slo.id)).toEqual(quietOrder(judged, held).map((j) => j.slo.id));
        });
      }),
    );
  });

  it('gives the same answer when batches keep the held levels and the unchanged SLOs\' judged objects, as the wall does', () => {
    const update = fc.record({ n: fc.integer({ min: 0, max: 30 }), ratio: fc.constantFrom(0, 0.0005, 0.002, 0.01, 0.05, 0.2), isRemoval: fc.boolean() });
    const holds = fc.option(fc.array(fc.record({ n: fc.integer({ min: 0, max: 30 }), level: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(update, { maxLength: 6 }), holds), { minLength: 1, maxLength: 12 }), (batches) => {
        const orders = createWallOrders();
        const cache: EvaluationCache = new WeakMap();
        let slos = new Map<string, Slo>();
        let held: HeldLevels = new Map();
        batches.forEach(([batch, holding], at) => {
          slos = new Map(slos);
          for (const u of batch) {
            if (u.isRemoval) slos.delete(`slo-${u.n}`);
            else slos.set(`slo-${u.n}`, slo(u.n, u.ratio, at));
          }
          // Held levels change only now and then: most batches keep the same map.
          if (holding !== null) held = new Map(holding.map((h) => [`slo-${h.n}`, { level: LEVELS[h.level]!, pending: null }]));
          const judged = evaluateAll(slos, cache);
          const result = orders.slos(judged, held);
          expect(result.all.map((j) => j.slo.id)).toEqual(budgetsOrder(judged, held).map((j) => j.slo.id));
          expect(result.burning.map((j) => j.slo.id)).toEqual(quietOrder(judged, held).map((j) => j.slo.id));
          // The current objects, not those of an earlier batch.
          const current = new Set(judged);
          expect(result.all.every((j) => current.has(j))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
