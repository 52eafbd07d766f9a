import type { Slo } from '../protocol/entities';
import { CONDITION_SPECS } from './conditions';
import type { SloCondition, SloEvaluation } from './evaluate';
import { formatBurn, formatDuration, formatShare, windowName } from './format';

/*
 * The one line a person reads from across the room. Built on demand (strings
 * and lookups), never inside evaluateSlo.
 */

function longSpan(condition: SloCondition): string {
  for (const spec of CONDITION_SPECS) if (spec.longWindow === condition.longWindow) return spec.longSpan;
  return `over ${condition.longWindow}`;
}

function longHours(condition: SloCondition): number {
  for (const spec of CONDITION_SPECS) if (spec.longWindow === condition.longWindow) return spec.longHours;
  return 1;
}

function budgetState(ev: SloEvaluation): string {
  return ev.budgetRemaining < 0 ? `budget overspent by ${formatShare(-ev.budgetRemaining)}` : 'budget used up';
}

function hourPace(ev: SloEvaluation): string {
  const burn = ev.burnRates['1h'];
  if (burn === null) return 'no traffic over the last hour';
  return burn === 0 ? 'no errors over the last hour' : `burning ${formatBurn(burn)} over 1h`;
}

/**
 * One line on how an SLO burns, by level:
 * - no traffic in any window: "no traffic in any window";
 * - page or ticket, from the leading condition, with the share of the whole
 *   budget its long window spent: "burning 16.2x over 1h and 18.0x over 5m:
 *   2% of the month's budget in an hour", then ", gone in 3h 20m" while the
 *   budget lasts, or "; budget overspent by 20%" once it does not;
 * - exhausted: "budget overspent by 20%, burning 0.4x over 1h" (or "…, no
 *   errors over the last hour"; "budget used up, …" at exactly zero);
 * - none: "77% of the month's budget left, burning 0.5x over 1h", plus ", gone
 *   in 12d 4h at this pace" when the last hour burns at 1x or more.
 */
export function explainSlo(slo: Slo, ev: SloEvaluation): string {
  if (!ev.hasSignal) return 'no traffic in any window';
  const period = windowName(slo.windowDays);
  const lead = ev.leadingCondition;
  if (lead !== null && lead.longBurn !== null && lead.shortBurn !== null) {
    const spent = (lead.longBurn * longHours(lead)) / (slo.windowDays * 24);
    const line =
      `burning ${formatBurn(lead.longBurn)} over ${lead.longWindow} and ${formatBurn(lead.shortBurn)} over ${lead.shortWindow}: ` +
      `${formatShare(spent)} of the ${period} budget in ${longSpan(lead)}`;
    if (ev.budgetRemaining <= 0) return `${line}; ${budgetState(ev)}`;
    return ev.timeToExhaustionMs === null ? line : `${line}, gone in ${formatDuration(ev.timeToExhaustionMs)}`;
  }
  if (ev.budgetRemaining <= 0) return `${budgetState(ev)}, ${hourPace(ev)}`;
  const left = `${formatShare(ev.budgetRemaining)} of the ${period} budget left, ${hourPace(ev)}`;
  return ev.timeToExhaustionMs === null ? left : `${left}, gone in ${formatDuration(ev.timeToExhaustionMs)} at this pace`;
}
