import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service, ServiceStatus, Slo } from '../protocol/entities';
import { evaluateSlo } from '../slo/evaluate';
import type { BurnLevel } from '../slo/conditions';
import { groupServices } from './healthOrder';
import { applyDeltas, emptyEntities } from '../model/feedState';
import { holdSome } from './hysteresis';
import type { HeldLevels } from './hysteresis';
import { budgetsOrder, createEvaluationCache, createSloJudgement, evaluateAll, quietOrder } from './sloView';
import type { EvaluationCache } from './sloView';
import { createWallOrders } from './wallOrders';
import type { SloOrders } from './wallOrders';
import type { JudgedSlo } from './sloView';

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

/** The kept orders equal the full ones, and hold the current objects, not those of an earlier batch. */
function expectFullOrders(result: SloOrders, judged: readonly JudgedSlo[], held: HeldLevels): void {
  expect(result.all.map((j) => j.slo.id)).toEqual(budgetsOrder(judged, held).map((j) => j.slo.id));
  expect(result.burning.map((j) => j.slo.id)).toEqual(quietOrder(judged, held).map((j) => j.slo.id));
  const current = new Set(judged);
  expect(result.all.every((j) => current.has(j))).toBe(true);
  expect(result.burning.every((j) => current.has(j))).toBe(true);
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

  it('groups services as groupServices does when the maps are copied batch by batch as the wall copies them', () => {
    // Mostly re-measures that keep each service's place, now and then one that moves or leaves.
    const update = fc.record({ n: fc.integer({ min: 0, max: 20 }), status: fc.integer({ min: 0, max: 4 }), isMove: fc.integer({ min: 0, max: 5 }), isRemoval: fc.integer({ min: 0, max: 9 }) });
    fc.assert(
      fc.property(fc.array(fc.array(update, { maxLength: 5 }), { minLength: 1, maxLength: 12 }), (batches) => {
        const orders = createWallOrders();
        let entities = applyDeltas(emptyEntities, [{ v: 1, seq: 1, at: 0, upsert: { services: Array.from({ length: 21 }, (_, n) => service(n, 0, n % 3, n % 4, 0)) } }]);
        orders.groups(entities.services);
        batches.forEach((batch, at) => {
          const upsert = batch
            .filter((u) => u.isRemoval !== 0)
            .map((u) => {
              const was = entities.services.get(`svc-${u.n}`);
              // Status is part of the order; a re-measure of a known service keeps it unless this one moves.
              const status = u.isMove === 0 || was === undefined ? u.status : STATUSES.indexOf(was.status);
              return service(u.n, status, u.n % 3, u.n % 4, at + 1);
            });
          const remove = batch.filter((u) => u.isRemoval === 0).map((u) => `svc-${u.n}`);
          entities = applyDeltas(entities, [{ v: 1, seq: at + 2, at, upsert: { services: upsert }, remove: { services: remove } }]);
          const groups = orders.groups(entities.services);
          expect(groups).toEqual(groupServices(entities.services.values()));
          for (const g of groups) for (const s of g.services) expect(s).toBe(entities.services.get(s.id));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('moves a service whose status changed within its team, keeping the other teams\' groups, and puts its team first when it is now the worst', () => {
    const orders = createWallOrders();
    const all = Array.from({ length: 12 }, (_, n) => service(n, 0, 1, 1 + (n % 3), 0));
    let entities = applyDeltas(emptyEntities, [{ v: 1, seq: 1, at: 0, upsert: { services: all } }]);
    const before = orders.groups(entities.services);
    entities = applyDeltas(entities, [{ v: 1, seq: 2, at: 1, upsert: { services: [service(7, 2, 1, 2, 1)] } }]);
    const after = orders.groups(entities.services);
    expect(after).toEqual(groupServices(entities.services.values()));
    // svc-7 (team-2) went down: its team comes first, and it first in it.
    expect(after[0]!.team).toBe('team-2');
    expect(after[0]!.services[0]).toBe(entities.services.get('svc-7'));
    // The other teams' groups are the same objects: nothing regrouped them.
    for (const group of after.slice(1)) expect(group).toBe(before.find((g) => g.team === group.team));
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
        const cache: EvaluationCache = createEvaluationCache();
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

  it('gives the same answer as the wall runs it: copied SLO maps judged incrementally, held levels moved a few at a time', () => {
    const update = fc.record({ n: fc.integer({ min: 0, max: 30 }), ratio: fc.constantFrom(0, 0.0005, 0.002, 0.01, 0.05, 0.2), isRemoval: fc.boolean() });
    // An SLO's current level as the hold sees it (4: it is gone).
    const holds = fc.array(fc.record({ n: fc.integer({ min: 0, max: 30 }), level: fc.integer({ min: 0, max: 4 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(update, { maxLength: 6 }), holds), { minLength: 1, maxLength: 12 }), (batches) => {
        const orders = createWallOrders();
        const judge = createSloJudgement(createEvaluationCache());
        let entities = emptyEntities;
        let held: HeldLevels = new Map();
        batches.forEach(([batch, holding], at) => {
          const upsert = batch.filter((u) => !u.isRemoval).map((u) => slo(u.n, u.ratio, at));
          const remove = batch.filter((u) => u.isRemoval).map((u) => `slo-${u.n}`);
          entities = applyDeltas(entities, [{ v: 1, seq: at + 1, at, upsert: { slos: upsert }, remove: { slos: remove } }]);
          // Held as the wall holds them, for two batches: most changes are only in what an SLO waits for.
          held = holdSome(held, holding.map((h) => [`slo-${h.n}`, h.level === 4 ? null : LEVELS[h.level]!] as const), at, 2);
          const { judged } = judge(entities.slos);
          expectFullOrders(orders.slos(judged, held), judged, held);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer over a long steady run: the same SLOs throughout, a few re-measured each batch, some moving in the order and some not', () => {
    // Re-measured at the ratio it had (a new object, the same rank) or at another (it moves).
    const update = fc.record({ n: fc.integer({ min: 0, max: 24 }), ratio: fc.constantFrom(0, 0.0005, 0.002, 0.01, 0.05, 0.2), isSame: fc.boolean() });
    const holds = fc.array(fc.record({ n: fc.integer({ min: 0, max: 24 }), level: fc.integer({ min: 0, max: 4 }) }), { maxLength: 2 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(update, { maxLength: 4 }), holds), { minLength: 1, maxLength: 30 }), (batches) => {
        const orders = createWallOrders();
        const judge = createSloJudgement(createEvaluationCache());
        const ratios = new Map(Array.from({ length: 25 }, (_, n) => [n, [0, 0.0005, 0.002, 0.01][n % 4]!]));
        let entities = applyDeltas(emptyEntities, [{ v: 1, seq: 1, at: 0, upsert: { slos: [...ratios].map(([n, r]) => slo(n, r, 0)) } }]);
        let held: HeldLevels = new Map();
        orders.slos(judge(entities.slos).judged, held);
        batches.forEach(([batch, holding], at) => {
          const upsert = batch.map((u) => {
            if (!u.isSame) ratios.set(u.n, u.ratio);
            return slo(u.n, ratios.get(u.n)!, at + 1);
          });
          entities = applyDeltas(entities, [{ v: 1, seq: at + 2, at, upsert: { slos: upsert } }]);
          held = holdSome(held, holding.map((h) => [`slo-${h.n}`, h.level === 4 ? null : LEVELS[h.level]!] as const), at, 2);
          const { judged } = judge(entities.slos);
          expectFullOrders(orders.slos(judged, held), judged, held);
        });
      }),
      { numRuns: 300 },
    );
  });
});
