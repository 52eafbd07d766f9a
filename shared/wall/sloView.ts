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
 * Cache of judged SLOs by SLO object. A delta replaces an SLO with a new
 * object, so an unchanged SLO keeps its evaluation, and the very same
 * {@link JudgedSlo} (a card memoised on it is not rendered again); only the
 * changed ones are evaluated again; a dropped SLO falls out with its object.
 */
export type EvaluationCache = WeakMap<Slo, JudgedSlo>;

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
