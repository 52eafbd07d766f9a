/*
 * Number and time formats of the wall. Short, fixed-shape strings so that a
 * value changing does not change the width of what holds it (the screen sets
 * tabular numerals; these keep the number of characters steady too).
 */

import { formatWindowDays } from '../slo/format';

// Each format below changes unit or precision where its rounding would add
// a character ("10.0k/s" from 9,960/s, "1000 ms" from 999.6 ms), so a
// column sized for its widest string ("999k/s", "99.9%", "999 ms") holds all.

/** A count of a thousand or more (from 999.5) in at most four characters: "1.0k", "34k", "1.2M", "12M". */
function thousands(n: number): string {
  if (n < 9_950) return `${(n / 1_000).toFixed(1)}k`;
  if (n < 999_500) return `${Math.round(n / 1_000)}k`;
  if (n < 9_950_000) return `${(n / 1_000_000).toFixed(1)}M`;
  return `${Math.round(n / 1_000_000)}M`;
}

/**
 * A chart axis's end label, "{n}%" or "{n}x", kept as short as the cards'
 * figures: "100%", "0%", "−25%", "50x"; a true minus sign; thousands and
 * millions from 1,000 as in a burn cell ("−10k%", "200kx", "2.0Mx"), so a
 * wild burn does not take the plot's width.
 */
export function formatAxisEnd(value: number, unit: '%' | 'x'): string {
  if (!Number.isFinite(value)) return '';
  const size = Math.abs(value);
  const text = size < 999.5 ? String(Number(size.toFixed(1))) : thousands(size);
  return `${value < 0 && text !== '0' ? '−' : ''}${text}${unit}`;
}

/** Requests per second: "0.4/s", "12/s", "1.2k/s", "34k/s", "1.2M/s", "12M/s". */
export function formatRps(rps: number): string {
  if (!Number.isFinite(rps) || rps < 0) return '–';
  if (rps < 9.95) return `${rps.toFixed(1)}/s`;
  if (rps < 999.5) return `${Math.round(rps)}/s`;
  return `${thousands(rps)}/s`;
}

/** An error ratio as a percentage, two decimals under 10% and one from there: "0.00%", "3.10%", "12.3%", "100%". */
export function formatErrorRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const percent = ratio * 100;
  if (percent >= 99.95) return '100%';
  return percent < 9.995 ? `${percent.toFixed(2)}%` : `${percent.toFixed(1)}%`;
}

/** A latency: "87 ms", "1.24 s", "12.5 s", "95 s". */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 9_995) return `${(ms / 1_000).toFixed(2)} s`;
  if (ms < 59_950) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 1_000)} s`;
}

/**
 * Budget remaining as a percentage with one decimal, a true minus sign when
 * overspent: "87.3%", "0.0%", "−12.4%"; whole percent from 100 up ("100%",
 * "−140%", "−3233%"), thousands from 10,000 ("−12k%") and millions from
 * there ("−1.0M%"), each step where rounding would add a character, so the
 * number keeps to six characters. Never "−0.0%": a sliver below zero shows
 * as "0.0%" and the level says exhausted.
 */
export function formatBudget(remaining: number): string {
  if (!Number.isFinite(remaining)) return '–';
  const size = Math.abs(remaining * 100);
  const text = size < 99.95 ? size.toFixed(1) : size < 9_999.5 ? String(Math.round(size)) : thousands(size);
  return remaining < 0 && text !== '0.0' ? `−${text}%` : `${text}%`;
}

/**
 * An SLO's objective as a percentage with up to four decimals: "99.9%",
 * "99.95%", "99.9999%". Never "100%": an objective short of 100% by less
 * than the last decimal shows as the nines it has ("99.9999%").
 */
export function formatObjective(objective: number): string {
  const percent = objective * 100;
  const shown = Number(percent.toFixed(4));
  return `${shown >= 100 ? Math.floor(percent * 10_000) / 10_000 : shown}%`;
}

/**
 * The widest budget legend that fits the narrowest SLO card's chart column
 * (1280x720, 1rem): "budget 99.995%/28d".
 */
export const BUDGET_LEGEND_MAX = 18;

/**
 * The budget line's name in an SLO chart's legend, which also states the
 * objective: "budget 99.9%/30d". An objective and window too long to follow
 * the word ("99.999%/365d", five nines over a year) show alone, in the
 * budget line's colour, rather than cut.
 */
export function budgetLegend(objective: number, windowDays: number): string {
  const target = `${formatObjective(objective)}/${formatWindowDays(windowDays)}`;
  const named = `budget ${target}`;
  return named.length <= BUDGET_LEGEND_MAX ? named : target;
}

/** The budget remaining as the automation hook wants it: the ratio with 4 decimals ("0.8731", "-0.1200"). */
export function budgetHook(remaining: number): string {
  const text = remaining.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}

/**
 * A burn rate for a table cell: "0.0x", "14.4x", "120x", "1.2kx", "10kx";
 * "—" where the window had no traffic. Each step changes unit or precision
 * where rounding would add a character, so a cell is never more than five.
 */
export function formatBurnCell(burn: number | null): string {
  if (burn === null || !Number.isFinite(burn)) return '—';
  if (burn < 99.95) return `${burn.toFixed(1)}x`;
  if (burn < 999.5) return `${Math.round(burn)}x`;
  return `${thousands(burn)}x`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A wall-clock time in the wall's local time zone, 24 h: "14:02" or, with seconds, "14:02:11". */
export function formatClock(epochMs: number, withSeconds = false): string {
  const d = new Date(epochMs);
  const hm = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return withSeconds ? `${hm}:${two(d.getSeconds())}` : hm;
}

/**
 * An age that ticks every second with a steady shape: "0:42", "12:03",
 * "1:02:03", "2d 04h". Negative ages (a start time a little ahead of the
 * feed's clock) show as "0:00".
 */
export function formatAge(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${two(hours)}h`;
  if (hours > 0) return `${hours}:${two(minutes)}:${two(seconds)}`;
  return `${minutes}:${two(seconds)}`;
}
