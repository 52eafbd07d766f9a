import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeltas } from '../model/feedState';
import type { FeedEntities } from '../model/feedState';
import type { ErrorRatios, Slo } from '../protocol/entities';
import { budgetsOrder, createEvaluationCache, createSloJudgement, evaluateAll, judgeSlo, quietOrder, worstLevelByService } from './sloView';
import type { EvaluationCache } from './sloView';

function slo(id: string, errorRatio: ErrorRatios, serviceId = 'svc'): Slo {
  return { id, serviceId, name: id, objective: 0.999, windowDays: 30, errorRatio, updatedAt: 0 };
}

// A page condition holds when 1h and 5m both burn at 14.4x or more (ratio 0.0144 at 99.9%).
const paging = (ratio: number): ErrorRatios => ({ '5m': ratio, '1h': ratio, window: 0.0005 });
const calm: ErrorRatios = { '5m': 0.0001, '1h': 0.0001, window: 0.0002 };
const exhausted: ErrorRatios = { '1h': 0.0001, window: 0.002 };

describe('sloView', () => {
  const slos = new Map<string, Slo>([
    ['calm', slo('calm', calm, 'a')],
    ['slow-page', slo('slow-page', paging(0.015), 'b')],
    ['spent', slo('spent', exhausted, 'a')],
    ['fast-page', slo('fast-page', paging(0.05), 'b')],
  ]);

  it('reuses evaluations of unchanged SLO objects', () => {
    const cache: EvaluationCache = createEvaluationCache();
    const first = evaluateAll(slos, cache);
    const second = evaluateAll(slos, cache);
    expect(second[0]?.evaluation).toBe(first[0]?.evaluation);
    // The same judged object, so what is memoised on it stays.
    expect(second[0]).toBe(first[0]);
    const changed = new Map(slos).set('calm', slo('calm', paging(0.05), 'a'));
    expect(evaluateAll(changed, cache)[0]?.evaluation.level).toBe('page');
  });

  it('keeps the judged SLOs of the last two objects of each id, and forgets SLOs gone from the feed once they outnumber those in it', () => {
    const cache: EvaluationCache = createEvaluationCache();
    const kept = evaluateAll(slos, cache);
    const first = slos.get('calm')!;
    // A new object for the same SLO is judged again; the one before stays (the change log compares the two), older ones go.
    const remeasured = { ...first };
    expect(judgeSlo(remeasured, cache)).not.toBe(kept[0]);
    expect(cache.get(first)).toBe(kept[0]);
    expect(cache.get(remeasured)?.slo).toBe(remeasured);
    const third = { ...first };
    judgeSlo(third, cache);
    expect(cache.get(first)).toBeUndefined();
    expect(cache.get(remeasured)?.slo).toBe(remeasured);
    // A company's worth of SLOs that then leave the feed: a prune with the map they left forgets them.
    const gone = Array.from({ length: 200 }, (_, i) => slo(`gone-${i}`, calm, 'c'));
    for (const s of gone) judgeSlo(s, cache);
    judgeSlo({ ...gone[0]! }, cache);
    expect(cache.get(gone[0]!)).toBeDefined();
    const now = new Map(slos).set('calm', third);
    cache.prune(now);
    const again = evaluateAll(now, cache);
    expect(gone.filter((s) => cache.get(s) !== undefined)).toEqual([]);
    // The SLOs still in the feed keep their judged objects through that.
    expect(again.map((j) => j.slo.id)).toEqual([...now.keys()]);
    expect(again.slice(1)).toEqual(kept.slice(1));
    again.slice(1).forEach((j, i) => expect(j).toBe(kept[i + 1]));
  });

  it('orders the budgets page worst first and quiet mode shows only the burning ones, in engine order', () => {
    const judged = evaluateAll(slos, createEvaluationCache());
    expect(budgetsOrder(judged).map((j) => j.slo.id)).toEqual(['fast-page', 'slow-page', 'spent', 'calm']);
    expect(quietOrder(judged).map((j) => j.slo.id)).toEqual(['fast-page', 'slow-page', 'spent']);
  });

  it('orders by held level, so a flapping SLO keeps its place and stays out of quiet mode, while the card keeps its true level', () => {
    const judged = evaluateAll(slos, createEvaluationCache());
    // fast-page just started paging; the wall still holds it at none, and holds calm at page.
    const held = new Map([
      ['fast-page', { level: 'none' as const, pending: { since: 0, level: 'page' as const } }],
      ['calm', { level: 'page' as const, pending: { since: 0, level: 'none' as const } }],
    ]);
    expect(budgetsOrder(judged, held).map((j) => j.slo.id)).toEqual(['slow-page', 'calm', 'spent', 'fast-page']);
    const quiet = quietOrder(judged, held);
    // Held at page level like slow-page, calm sorts after it by its (lower) burn rate.
    expect(quiet.map((j) => j.slo.id)).toEqual(['slow-page', 'calm', 'spent']);
    expect(quiet[1]?.evaluation.level).toBe('none');
  });

  it('gives each service its worst level', () => {
    const worst = worstLevelByService(evaluateAll(slos, createEvaluationCache()));
    expect(Object.fromEntries(worst)).toEqual({ a: 'exhausted', b: 'page' });
  });
});

describe('createSloJudgement', () => {
  const ratios = [calm, paging(0.015), paging(0.05), exhausted];
  const start = (): FeedEntities => ({
    services: new Map(),
    incidents: new Map(),
    slos: new Map([0, 1, 2, 3, 4, 5].map((n) => [`s${n}`, slo(`s${n}`, calm, `svc${n % 3}`)])),
  });

  it('equals judging the whole map after every batch of updates, additions and removals', () => {
    const change = fc.record({ n: fc.integer({ min: 0, max: 8 }), ratio: fc.integer({ min: 0, max: 3 }), service: fc.integer({ min: 0, max: 3 }), isRemoval: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 4 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const cache: EvaluationCache = createEvaluationCache();
        const judge = createSloJudgement(cache);
        let entities = start();
        judge(entities.slos);
        for (const batch of batches) {
          entities = applyDeltas(
            entities,
            batch.map((c) => ({
              v: 1 as const,
              seq: 1,
              at: 0,
              ...(c.isRemoval ? { remove: { slos: [`s${c.n}`] } } : { upsert: { slos: [slo(`s${c.n}`, ratios[c.ratio]!, `svc${c.service}`)] } }),
            })),
          );
          const got = judge(entities.slos);
          const judged = evaluateAll(entities.slos, cache);
          expect(got.judged).toEqual(judged);
          expect(got.judged.every((j, i) => j === judged[i])).toBe(true);
          expect(got.worstLevel).toEqual(worstLevelByService(judged));
        }
      }),
    );
  });

  it('keeps the same list for the same map, and the same worst levels when no service\'s worst level moved', () => {
    const judge = createSloJudgement(createEvaluationCache());
    const entities = start();
    const first = judge(entities.slos);
    expect(judge(entities.slos)).toBe(first);
    const calmAgain = applyDeltas(entities, [{ v: 1, seq: 1, at: 0, upsert: { slos: [{ ...entities.slos.get('s1')!, updatedAt: 5 }] } }]);
    const second = judge(calmAgain.slos);
    expect(second.judged).not.toBe(first.judged);
    expect(second.judged[1]!.slo.updatedAt).toBe(5);
    expect(second.worstLevel).toBe(first.worstLevel);
    const burning = applyDeltas(calmAgain, [{ v: 1, seq: 2, at: 0, upsert: { slos: [slo('s1', paging(0.05), 'svc1')] } }]);
    expect(judge(burning.slos).worstLevel.get('svc1')).toBe('page');
  });
});
