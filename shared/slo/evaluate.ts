import type { RatioWindow, Slo } from '../protocol/entities';
import type { AlertKind, BurnLevel, ConditionSpec } from './conditions';
import { BUDGET_ZERO_TOLERANCE, CONDITION_SPECS, RELATIVE_TOLERANCE, thresholdTable } from './conditions';

/** Burn rate per window: error ratio / error budget; `null` where the window had no traffic (ratio null or missing). */
export type BurnRates = { readonly [W in RatioWindow]: number | null };

/** One multiwindow condition of the alert table, evaluated for one SLO. */
export interface SloCondition {
  readonly alert: AlertKind;
  readonly longWindow: RatioWindow;
  readonly shortWindow: RatioWindow;
  /** Share of the whole window's budget this condition allows the long window to spend. */
  readonly budgetShare: number;
  /** Burn rate both windows must reach, scaled to the SLO's window. */
  readonly threshold: number;
  readonly longBurn: number | null;
  readonly shortBurn: number | null;
  /** Both burns at or above the threshold (relative tolerance 1e-9); never with a null burn. */
  readonly holds: boolean;
}

/** What the wall shows for one SLO. Plain data: safe to keep in a store, compare or serialise. */
export interface SloEvaluation {
  readonly sloId: string;
  /** `1 - objective`. */
  readonly errorBudget: number;
  readonly burnRates: BurnRates;
  /**
   * `1 - burn over the whole window`: the share of the budget left, negative
   * when overspent (never clamped), 1 with no traffic over the window, and
   * exactly 0 when within 1e-9 of zero.
   */
  readonly budgetRemaining: number;
  /** The four conditions in {@link CONDITION_SPECS} order. */
  readonly conditions: readonly SloCondition[];
  /**
   * The holding condition that sets the level (of the level's alert kind, the
   * one with the highest long-window burn; the earlier one on a tie), or null
   * when no condition holds. It is one of `conditions`.
   */
  readonly leadingCondition: SloCondition | null;
  readonly level: BurnLevel;
  /** `level !== 'none'`: some condition holds or the budget remaining is at or below zero. */
  readonly isBurning: boolean;
  /**
   * Time until the budget is gone at the pace of the last hour:
   * `budgetRemaining * window / burn over 1h`, in milliseconds. 0 when the
   * budget remaining is at or below zero. null when nothing burns, which
   * means: the 1h ratio is null or missing (no traffic), or the 1h burn rate
   * is below 1 (within the relative tolerance). The protocol holds that a
   * burn below 1 never exhausts a budget (the rolling window returns budget
   * as fast as it is spent), so no time is projected for it.
   */
  readonly timeToExhaustionMs: number | null;
  /** The burn quiet mode orders by: the leading condition's long-window burn, else the 1h burn, else 0. */
  readonly rankBurn: number;
  /** False when every ratio is null or missing: the SLO had no traffic at all (the wall shows it grey). */
  readonly hasSignal: boolean;
}

const MS_PER_DAY = 86_400_000;
const BURN_FLOOR = 1 - RELATIVE_TOLERANCE;

function burnOf(ratio: number | null | undefined, budget: number): number | null {
  return ratio == null ? null : ratio / budget;
}

function condition(spec: ConditionSpec, threshold: number, longBurn: number | null, shortBurn: number | null, holds: boolean): SloCondition {
  // One literal with a fixed key order keeps every condition the same shape.
  return { alert: spec.alert, longWindow: spec.longWindow, shortWindow: spec.shortWindow, budgetShare: spec.budgetShare, threshold, longBurn, shortBurn, holds };
}

/** The holding one of a pair, the higher long burn winning and `a` on a tie. */
function leader(a: SloCondition, b: SloCondition): SloCondition {
  if (!b.holds) return a;
  if (!a.holds) return b;
  return (b.longBurn as number) > (a.longBurn as number) ? b : a;
}

/**
 * Derives budget, burn rates, conditions and level of one SLO (the rules of
 * wall-feed-protocol.md, "What the client derives"). Expects a validated SLO:
 * objective strictly between 0 and 1, windowDays above 0, ratios in 0..1.
 * This is the hot path: no loops, closures or strings, one object per
 * condition.
 */
export function evaluateSlo(slo: Slo): SloEvaluation {
  const budget = 1 - slo.objective;
  const r = slo.errorRatio;
  const b5m = burnOf(r['5m'], budget);
  const b30m = burnOf(r['30m'], budget);
  const b1h = burnOf(r['1h'], budget);
  const b2h = burnOf(r['2h'], budget);
  const b6h = burnOf(r['6h'], budget);
  const b1d = burnOf(r['1d'], budget);
  const b3d = burnOf(r['3d'], budget);
  const bWindow = burnOf(r.window, budget);

  const table = thresholdTable(slo.windowDays);
  const m = table.minimums;
  const t = table.thresholds;
  const s = CONDITION_SPECS;
  // A null burn fails `!== null` before any comparison, so no traffic never holds.
  const c0 = condition(s[0], t[0], b1h, b5m, b1h !== null && b5m !== null && b1h >= m[0] && b5m >= m[0]);
  const c1 = condition(s[1], t[1], b6h, b30m, b6h !== null && b30m !== null && b6h >= m[1] && b30m >= m[1]);
  const c2 = condition(s[2], t[2], b1d, b2h, b1d !== null && b2h !== null && b1d >= m[2] && b2h >= m[2]);
  const c3 = condition(s[3], t[3], b3d, b6h, b3d !== null && b6h !== null && b3d >= m[3] && b6h >= m[3]);

  let remaining = bWindow === null ? 1 : 1 - bWindow;
  if (remaining < BUDGET_ZERO_TOLERANCE && remaining > -BUDGET_ZERO_TOLERANCE) remaining = 0;

  let level: BurnLevel;
  let leading: SloCondition | null = null;
  if (c0.holds || c1.holds) {
    level = 'page';
    leading = leader(c0, c1);
  } else if (c2.holds || c3.holds) {
    level = 'ticket';
    leading = leader(c2, c3);
  } else {
    level = remaining <= 0 ? 'exhausted' : 'none';
  }

  let timeToExhaustionMs: number | null = null;
  if (remaining <= 0) timeToExhaustionMs = 0;
  else if (b1h !== null && b1h >= BURN_FLOOR) timeToExhaustionMs = (remaining * slo.windowDays * MS_PER_DAY) / b1h;

  return {
    sloId: slo.id,
    errorBudget: budget,
    burnRates: { '5m': b5m, '30m': b30m, '1h': b1h, '2h': b2h, '6h': b6h, '1d': b1d, '3d': b3d, window: bWindow },
    budgetRemaining: remaining,
    conditions: [c0, c1, c2, c3],
    leadingCondition: leading,
    level,
    isBurning: level !== 'none',
    timeToExhaustionMs,
    rankBurn: leading !== null ? (leading.longBurn as number) : (b1h ?? 0),
    hasSignal:
      b5m !== null || b30m !== null || b1h !== null || b2h !== null || b6h !== null || b1d !== null || b3d !== null || bWindow !== null,
  };
}
