import type { Slo } from '../../shared/protocol/entities';
import { evaluateSlo } from '../../shared/slo/evaluate';
import type { SloEvaluation } from '../../shared/slo/evaluate';
import type { EvaluationCache } from '../../shared/wall/sloView';

/**
 * The wall's one cache of SLO evaluations, keyed by SLO object: the store
 * evaluates a changed SLO once to record its history, and the pages reuse
 * that evaluation instead of computing it again.
 */
export const evaluationCache: EvaluationCache = new WeakMap();

/** The evaluation of one SLO, from the cache when this object was evaluated before. */
export function evaluationOf(slo: Slo): SloEvaluation {
  let evaluation = evaluationCache.get(slo);
  if (evaluation === undefined) {
    evaluation = evaluateSlo(slo);
    evaluationCache.set(slo, evaluation);
  }
  return evaluation;
}
