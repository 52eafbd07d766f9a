import type { RatioWindow } from '../protocol/entities';

/*
 * The SRE workbook's multiwindow, multi-burn-rate alert table and the
 * tolerances of wall-feed-protocol.md ("What the client derives").
 */

/** Which kind of alert a condition raises: `page` wakes someone, `ticket` can wait for working hours. */
export type AlertKind = 'page' | 'ticket';

/**
 * How an SLO burns, worst first: a page condition holds, a ticket condition
 * holds, the budget is spent (remaining at or below zero) with no condition
 * holding, or nothing of these.
 */
export type BurnLevel = 'page' | 'ticket' | 'exhausted' | 'none';

/**
 * Relative tolerance of every threshold comparison. `1 - 0.999` is not exactly
 * `0.001` in floating point, so a burn computed to sit exactly on a threshold
 * comes out a few ulps below it; without the tolerance exact boundaries would
 * not hold.
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** A budget remaining within this distance of zero is zero (the same floating-point trap as above). */
export const BUDGET_ZERO_TOLERANCE = 1e-9;

/** One row of the alert table: a long and a short window, and the share of the budget the long window may spend. */
export interface ConditionSpec {
  readonly alert: AlertKind;
  readonly longWindow: RatioWindow;
  readonly shortWindow: RatioWindow;
  /** Length of the long window in hours. */
  readonly longHours: number;
  /** Share of the whole window's budget that, spent within the long window, fires the alert (0.02 = 2%). */
  readonly budgetShare: number;
  /** The long window in words, for explanations: "an hour", "6 hours". */
  readonly longSpan: string;
}

/** The four conditions, in the workbook's order: fastest page first. Evaluations list their conditions in this order. */
export const CONDITION_SPECS: readonly [ConditionSpec, ConditionSpec, ConditionSpec, ConditionSpec] = Object.freeze([
  Object.freeze({ alert: 'page', longWindow: '1h', shortWindow: '5m', longHours: 1, budgetShare: 0.02, longSpan: 'an hour' }),
  Object.freeze({ alert: 'page', longWindow: '6h', shortWindow: '30m', longHours: 6, budgetShare: 0.05, longSpan: '6 hours' }),
  Object.freeze({ alert: 'ticket', longWindow: '1d', shortWindow: '2h', longHours: 24, budgetShare: 0.1, longSpan: 'a day' }),
  Object.freeze({ alert: 'ticket', longWindow: '3d', shortWindow: '6h', longHours: 72, budgetShare: 0.1, longSpan: '3 days' }),
]);

/**
 * The burn rate a condition needs over both its windows, scaled to the SLO's
 * window: spending `budgetShare` of the budget within `longWindowHours`.
 * Never below 1: a burn rate below 1 never exhausts a budget, so it never
 * counts as burning. For 30 days: 14.4, 6, 3, 1; for 28 days: 13.44, 5.6, 2.8, 1.
 */
export function conditionThreshold(windowDays: number, budgetShare: number, longWindowHours: number): number {
  return Math.max(1, (budgetShare * (windowDays * 24)) / longWindowHours);
}

/** True when `burn` is at or above `threshold`, within {@link RELATIVE_TOLERANCE}; a missing burn never is. */
export function meetsThreshold(burn: number | null | undefined, threshold: number): boolean {
  return burn != null && burn >= threshold * (1 - RELATIVE_TOLERANCE);
}

/** Order of burn levels: higher is worse (page 3, ticket 2, exhausted 1, none 0). */
export function levelRank(level: BurnLevel): number {
  switch (level) {
    case 'page':
      return 3;
    case 'ticket':
      return 2;
    case 'exhausted':
      return 1;
    default:
      return 0;
  }
}

/**
 * The thresholds of the four conditions for one window length, in
 * {@link CONDITION_SPECS} order, with the tolerance already applied for the
 * hot path.
 */
export interface ThresholdTable {
  readonly windowDays: number;
  readonly thresholds: readonly [number, number, number, number];
  /** `threshold * (1 - RELATIVE_TOLERANCE)`: a burn at or above it holds. */
  readonly minimums: readonly [number, number, number, number];
}

const tables = new Map<number, ThresholdTable>();
// Feeds use a handful of window lengths; the cap only guards against a feed
// that sends a different one every time.
const MAX_TABLES = 64;
let lastTable: ThresholdTable | null = null;

/** The (cached, frozen) thresholds for an SLO window of `windowDays`. */
export function thresholdTable(windowDays: number): ThresholdTable {
  // Most walls use one window length: skip the map on a repeat.
  if (lastTable !== null && lastTable.windowDays === windowDays) return lastTable;
  let table = tables.get(windowDays);
  if (table === undefined) {
    const thresholds = CONDITION_SPECS.map((s) => conditionThreshold(windowDays, s.budgetShare, s.longHours));
    const minimums = thresholds.map((t) => t * (1 - RELATIVE_TOLERANCE));
    table = Object.freeze({
      windowDays,
      thresholds: Object.freeze(thresholds) as unknown as ThresholdTable['thresholds'],
      minimums: Object.freeze(minimums) as unknown as ThresholdTable['minimums'],
    });
    if (tables.size >= MAX_TABLES) tables.clear();
    tables.set(windowDays, table);
  }
  lastTable = table;
  return table;
}
