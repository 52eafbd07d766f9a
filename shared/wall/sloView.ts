import { changedIds, copyMap, patchLimit } from '../model/lineage';
import type { Slo } from '../protocol/entities';
import type { BurnLevel } from '../slo/conditions';
import { levelRank } from '../slo/conditions';
import { evaluateSlo } from '../slo/evaluate';
import type { SloEvaluation } from '../slo/evaluate';
import { compareBurning, quietModeSlos } from '../slo/quietMode';
import { heldLevelOf } from './hysteresis';
import type { HeldLevels } from './hysteresis';

/*
 * The SLO engine's evaluations, arranged for the budgets page and quiet mode.
 */

/** An SLO with its evaluation: what one card shows. */
export interface JudgedSlo {
  readonly slo: Slo;
  readonly evaluation: SloEvaluation;
}

/**
 * Cache of judged SLOs. A delta replaces an SLO with a new object, so an
 * unchanged SLO keeps its evaluation, and the very same {@link JudgedSlo}
 * (a card memoised on it is not rendered again); only the changed ones are
 * evaluated again.
 */
export interface EvaluationCache {
  /** The judged SLO of this very object, if it was judged. */
  get(slo: Slo): JudgedSlo | undefined;
  set(slo: Slo, judged: JudgedSlo): void;
  /** Forgets the SLOs that `slos` (the wall's whole SLO map) no longer holds, when they are many. */
  prune(slos: ReadonlyMap<string, Slo>): void;
}

/**
 * An evaluation cache holding, per id, the judged SLO of its latest object
 * and of the one before (what the change log compares it with). Not a
 * WeakMap keyed by the SLO objects: with thousands of SLOs replaced a
 * second, such a map holds tens of thousands of entries between two
 * garbage collections, and every major collection has to settle each one
 * as an ephemeron in its pause (tens of milliseconds on a TV stick). Here
 * an SLO's older objects are dropped as new ones are judged, and SLOs that
 * left the feed are forgotten, when the store prunes the cache with its SLO
 * map, once they are as many as those still in it.
 */
export function createEvaluationCache(): EvaluationCache {
  const latest = new Map<string, JudgedSlo>();
  const before = new Map<string, JudgedSlo>();
  return {
    get(slo) {
      const judged = latest.get(slo.id);
      if (judged?.slo === slo) return judged;
      const older = before.get(slo.id);
      return older?.slo === slo ? older : undefined;
    },
    set(slo, judged) {
      const current = latest.get(slo.id);
      if (current !== undefined) before.set(slo.id, current);
      latest.set(slo.id, judged);
    },
    prune(slos) {
      if (latest.size <= slos.size * 2 + 64) return;
      for (const id of latest.keys()) {
        if (slos.has(id)) continue;
        latest.delete(id);
        before.delete(id);
      }
    },
  };
}

/** The judged SLO of one SLO object, from the cache when it was judged before. */
export function judgeSlo(slo: Slo, cache: EvaluationCache): JudgedSlo {
  let judged = cache.get(slo);
  if (judged === undefined) {
    judged = { slo, evaluation: evaluateSlo(slo) };
    cache.set(slo, judged);
  }
  return judged;
}

/** Evaluates every SLO, reusing the cache for the ones that did not change. */
export function evaluateAll(slos: ReadonlyMap<string, Slo>, cache: EvaluationCache): JudgedSlo[] {
  const judged: JudgedSlo[] = [];
  for (const slo of slos.values()) judged.push(judgeSlo(slo, cache));
  return judged;
}

function inEngineOrder(judged: readonly JudgedSlo[], evaluations: readonly SloEvaluation[]): JudgedSlo[] {
  const byId = new Map(judged.map((j) => [j.slo.id, j]));
  return evaluations.map((e) => byId.get(e.sloId) as JudgedSlo);
}

/** The evaluation as the wall's order sees it: at its held level (the card still shows the true one). */
export function asHeld(held: HeldLevels | undefined, evaluation: SloEvaluation): SloEvaluation {
  if (held === undefined) return evaluation;
  const level = heldLevelOf(held, evaluation.sloId, evaluation.level);
  return level === evaluation.level ? evaluation : { ...evaluation, level, isBurning: level !== 'none' };
}

/**
 * The budgets page: every SLO, worst first in the engine's order (page,
 * ticket, exhausted, then the rest by burn), by held level when `held` is
 * given, so a flapping SLO does not reshuffle the grid.
 */
export function budgetsOrder(judged: readonly JudgedSlo[], held?: HeldLevels): JudgedSlo[] {
  return inEngineOrder(judged, judged.map((j) => asHeld(held, j.evaluation)).sort(compareBurning));
}

/** Quiet mode: exactly the burning SLOs, in the engine's order; by held level when `held` is given. */
export function quietOrder(judged: readonly JudgedSlo[], held?: HeldLevels): JudgedSlo[] {
  return inEngineOrder(judged, quietModeSlos(judged.map((j) => asHeld(held, j.evaluation))));
}

/** Each service's worst SLO level, for the badge on its tile. Services without SLOs are absent. */
export function worstLevelByService(judged: readonly JudgedSlo[]): Map<string, BurnLevel> {
  const worst = new Map<string, BurnLevel>();
  for (const { slo, evaluation } of judged) {
    const current = worst.get(slo.serviceId);
    if (current === undefined || levelRank(evaluation.level) > levelRank(current)) worst.set(slo.serviceId, evaluation.level);
  }
  return worst;
}

/** The judged SLOs in map order and each service's worst level: what the pages read of the SLO map. */
export interface SloJudgement {
  readonly judged: readonly JudgedSlo[];
  readonly worstLevel: ReadonlyMap<string, BurnLevel>;
}

/**
 * {@link evaluateAll} and {@link worstLevelByService}, kept from one SLO
 * map to the next. When the new map was copied from the last one with a few
 * SLOs replaced (see shared/model/lineage.ts), only those are judged again
 * and only their services' worst levels are looked at; an SLO added or
 * removed, a snapshot, or a large batch redoes the whole map. Unchanged
 * parts keep their identity: the same array when no SLO changed, the same
 * worst-level map when no service's worst level moved.
 */
export function createSloJudgement(cache: EvaluationCache): (slos: ReadonlyMap<string, Slo>) => SloJudgement {
  let lastSlos: ReadonlyMap<string, Slo> | null = null;
  let last: SloJudgement = { judged: [], worstLevel: new Map() };
  // Where each SLO sits in `judged`, and how many SLOs of each service are at each level (by levelRank).
  let at = new Map<string, number>();
  let counts = new Map<string, number[]>();

  function full(slos: ReadonlyMap<string, Slo>): SloJudgement {
    const judged = evaluateAll(slos, cache);
    at = new Map();
    counts = new Map();
    judged.forEach((j, i) => {
      at.set(j.slo.id, i);
      count(j, 1);
    });
    return { judged, worstLevel: worstLevelByService(judged) };
  }

  function count(j: JudgedSlo, by: 1 | -1): void {
    let perLevel = counts.get(j.slo.serviceId);
    if (perLevel === undefined) counts.set(j.slo.serviceId, (perLevel = [0, 0, 0, 0]));
    perLevel[levelRank(j.evaluation.level)]! += by;
  }

  function worstOf(serviceId: string): BurnLevel | undefined {
    const perLevel = counts.get(serviceId);
    if (perLevel === undefined) return undefined;
    for (let rank = LEVELS_BY_RANK.length - 1; rank >= 0; rank -= 1) if (perLevel[rank]! > 0) return LEVELS_BY_RANK[rank];
    return undefined;
  }

  // Null when the batch added or removed an SLO: positions then shift, and the whole map is redone.
  function patch(slos: ReadonlyMap<string, Slo>, ids: ReadonlySet<string>): SloJudgement | null {
    for (const id of ids) if (!slos.has(id) || !at.has(id)) return null;
    let judged: JudgedSlo[] | null = null;
    const services = new Set<string>();
    for (const id of ids) {
      const i = at.get(id)!;
      const before = (judged ?? last.judged)[i]!;
      const after = judgeSlo(slos.get(id)!, cache);
      if (after === before) continue;
      judged ??= last.judged.slice();
      judged[i] = after;
      count(before, -1);
      count(after, 1);
      services.add(before.slo.serviceId).add(after.slo.serviceId);
    }
    if (judged === null) return last;
    let worstLevel: Map<string, BurnLevel> | null = null;
    for (const serviceId of services) {
      const worst = worstOf(serviceId);
      if (worst === last.worstLevel.get(serviceId)) continue;
      worstLevel ??= copyMap(last.worstLevel);
      if (worst === undefined) worstLevel.delete(serviceId);
      else worstLevel.set(serviceId, worst);
    }
    return { judged, worstLevel: worstLevel ?? last.worstLevel };
  }

  return (slos) => {
    if (slos === lastSlos) return last;
    const ids = lastSlos === null ? null : changedIds(lastSlos, slos, { maxIds: patchLimit(slos.size), isOrderKept: true });
    last = (ids === null ? null : patch(slos, ids)) ?? full(slos);
    lastSlos = slos;
    return last;
  };
}

const LEVELS_BY_RANK: readonly BurnLevel[] = ['none', 'exhausted', 'ticket', 'page'];
