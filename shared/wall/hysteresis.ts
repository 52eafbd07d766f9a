import { copyMap, recordLineage } from '../model/lineage';
import type { BurnLevel } from '../slo/conditions';
import { levelRank } from '../slo/conditions';

/*
 * Hysteresis for what moves the wall. A burn level that flaps (page, none,
 * page, none) must not yank the rotation, the page order or quiet mode back
 * and forth, so the wall acts on a *held* level per SLO: the level changes
 * only after the SLO has stayed on one side of it for the hold time. The
 * cards themselves still show the true current level.
 */

/** The level the wall acts on for one SLO, and the move it is waiting to make. */
export interface HeldSlo {
  /** The level the wall orders and rotates by. */
  readonly level: BurnLevel;
  /**
   * Since when the SLO has stayed on one side of `level` (above or below),
   * and the level nearest `level` it kept all that time; null while it is
   * at `level`.
   */
  readonly pending: { readonly since: number; readonly level: BurnLevel } | null;
}

/** Held levels by SLO id. */
export type HeldLevels = ReadonlyMap<string, HeldSlo>;

/** No SLO held yet. */
export const NO_HELD_LEVELS: HeldLevels = new Map();

/** Default hold: two minutes, long enough to outlast the flap of a short-window burn rate. */
export const DEFAULT_HOLD_MS = 120_000;

function side(level: BurnLevel, held: BurnLevel): number {
  return Math.sign(levelRank(level) - levelRank(held));
}

/** Of two levels on the same side of the held one, the one nearer to it. */
function nearer(a: BurnLevel, b: BurnLevel, held: BurnLevel): BurnLevel {
  return Math.abs(levelRank(a) - levelRank(held)) <= Math.abs(levelRank(b) - levelRank(held)) ? a : b;
}

/**
 * One SLO's held level after seeing its current level at `now`.
 *
 * - An SLO seen for the first time takes its level at once: there is
 *   nothing to flap from, and a wall that starts during an outage shows it.
 * - Otherwise the held level moves only when the current level has stayed
 *   on the same side of it (all above, or all below) for `holdMs`; it then
 *   moves to the level nearest the held one that the SLO kept throughout
 *   (page and ticket alternating above `none` for two minutes is a
 *   sustained ticket-level burn). Returning to the held level, or crossing
 *   to the other side, starts the wait again.
 * - `holdMs` of 0 follows the current level at once.
 */
export function holdLevel(previous: HeldSlo | undefined, current: BurnLevel, now: number, holdMs: number): HeldSlo {
  if (previous === undefined || holdMs <= 0) return { level: current, pending: null };
  const direction = side(current, previous.level);
  if (direction === 0) return previous.pending === null ? previous : { level: previous.level, pending: null };
  const pending = previous.pending;
  const isSameSide = pending !== null && side(pending.level, previous.level) === direction;
  const next = isSameSide ? { since: pending.since, level: nearer(pending.level, current, previous.level) } : { since: now, level: current };
  if (now - next.since >= holdMs) {
    // The new held level starts clean: the current level may already sit beyond it.
    const settled: HeldSlo = { level: next.level, pending: null };
    return next.level === current ? settled : holdLevel(settled, current, now, holdMs);
  }
  return isSameSide && next.level === pending.level ? previous : { level: previous.level, pending: next };
}

/**
 * Every SLO's held level after seeing the current levels at `now`. SLOs that
 * are gone are dropped. Returns `previous` itself when nothing changed, so a
 * store can skip the update.
 */
export function holdLevels(previous: HeldLevels, current: Iterable<readonly [sloId: string, level: BurnLevel]>, now: number, holdMs: number): HeldLevels {
  const next = new Map<string, HeldSlo>();
  let isChanged = false;
  for (const [id, level] of current) {
    const before = previous.get(id);
    const after = holdLevel(before, level, now, holdMs);
    if (after !== before) isChanged = true;
    next.set(id, after);
  }
  if (!isChanged && next.size === previous.size) return previous;
  return next;
}

/**
 * {@link holdLevels} for a few SLOs: `current` gives the level of each SLO
 * that changed or still waits to move (null for one that is gone); every
 * other SLO keeps its held level, as it would in {@link holdLevels}, since
 * an SLO at its held level with nothing pending holds still. Returns
 * `previous` itself when nothing changed.
 */
export function holdSome(previous: HeldLevels, current: Iterable<readonly [sloId: string, level: BurnLevel | null]>, now: number, holdMs: number): HeldLevels {
  let next: Map<string, HeldSlo> | null = null;
  const ids = new Set<string>();
  let hasDeletes = false;
  for (const [id, level] of current) {
    const before = previous.get(id);
    if (level === null) {
      if (before === undefined) continue;
      next ??= copyMap(previous);
      next.delete(id);
      ids.add(id);
      hasDeletes = true;
      continue;
    }
    const after = holdLevel(before, level, now, holdMs);
    if (after === before) continue;
    next ??= copyMap(previous);
    next.set(id, after);
    ids.add(id);
  }
  if (next === null) return previous;
  // The wall's order re-checks only these SLOs (see lineage.ts).
  recordLineage(previous, next, ids, hasDeletes);
  return next;
}

/** The held level of an SLO, or its current level when the wall has not held it yet. */
export function heldLevelOf(held: HeldLevels, sloId: string, current: BurnLevel): BurnLevel {
  return held.get(sloId)?.level ?? current;
}

/** True when any SLO is held at page level: the budgets page then counts as urgent. */
export function hasHeldPage(held: HeldLevels): boolean {
  for (const slo of held.values()) if (slo.level === 'page') return true;
  return false;
}

/** True while some SLO waits to move: the store must keep ticking the hold even when no message arrives. */
export function hasPending(held: HeldLevels): boolean {
  for (const slo of held.values()) if (slo.pending !== null) return true;
  return false;
}
