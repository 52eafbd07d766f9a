import type { Slo } from '../../shared/protocol/entities';
import { evaluateSlo } from '../../shared/slo/evaluate';
import type { SloEvaluation } from '../../shared/slo/evaluate';
import { createEvaluationCache, judgeSlo } from '../../shared/wall/sloView';
import type { EvaluationCache } from '../../shared/wall/sloView';

/**
 * The wall's one cache of SLO evaluations: the store evaluates a changed SLO
 * once to record its history, and the pages reuse that evaluation (and the
 * judged SLO holding it) instead of computing it again.
 */
export const evaluationCache: EvaluationCache = createEvaluationCache();

/**
 * The evaluation of an SLO object, from the cache when it was evaluated
 * before, without keeping it there: for an object the wall is moving away
 * from (the change log's "before"), which must not take the place of the
 * newer objects the pages judge.
 */
export function evaluationWithoutCaching(slo: Slo): SloEvaluation {
  return evaluationCache.get(slo)?.evaluation ?? evaluateSlo(slo);
}

/** The evaluation of one SLO, from the cache when this object was evaluated before. */
export function evaluationOf(slo: Slo): SloEvaluation {
  return judgeSlo(slo, evaluationCache).evaluation;
}
