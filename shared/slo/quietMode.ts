import { levelRank } from './conditions';
import type { SloEvaluation } from './evaluate';

/** What the order of SLOs reads of an evaluation. */
export type BurnRank = Pick<SloEvaluation, 'sloId' | 'level' | 'rankBurn'>;

/**
 * Orders evaluations worst first: by level (page, ticket, exhausted, none),
 * then by `rankBurn` highest first (the leading condition's long-window burn,
 * else the 1h burn: the sustained pace rather than the spikier short window),
 * then by `sloId` in code-unit order, so the order is total and stable
 * however the input was ordered. For `Array.prototype.sort`.
 */
export function compareBurning(a: BurnRank, b: BurnRank): number {
  const byLevel = levelRank(b.level) - levelRank(a.level);
  if (byLevel !== 0) return byLevel;
  if (a.rankBurn !== b.rankBurn) return b.rankBurn > a.rankBurn ? 1 : -1;
  if (a.sloId === b.sloId) return 0;
  return a.sloId < b.sloId ? -1 : 1;
}

/**
 * What quiet mode shows: exactly the burning SLOs (some condition holds or
 * the budget is spent), page before ticket before exhausted, then by burn
 * rate highest first (see {@link compareBurning}). Returns a new array; the
 * input is not changed.
 */
export function quietModeSlos(evaluations: Iterable<SloEvaluation>): SloEvaluation[] {
  const burning: SloEvaluation[] = [];
  for (const ev of evaluations) if (ev.isBurning) burning.push(ev);
  return burning.sort(compareBurning);
}
