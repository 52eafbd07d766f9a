/*
 * What the budgets page charts: each SLO's budget remaining and 1h burn rate
 * over the time the wall has watched it, in a bounded buffer per SLO.
 */

/** One sample of an SLO, on the feed's clock. */
export interface HistoryPoint {
  readonly at: number;
  readonly budgetRemaining: number;
  /** Burn rate over the last hour; null with no traffic. */
  readonly burn1h: number | null;
}

/** Points kept per SLO: at one per {@link HISTORY_SPACING_MS}, two hours of history. */
export const HISTORY_CAPACITY = 720;
/** Points closer than this share a slot: the latest one wins, so a fast feed does not shorten the history. */
export const HISTORY_SPACING_MS = 10_000;

/**
 * Adds a point, returning a new array (the old one is left as it was, so a
 * chart holding it is not changed under its feet). A point in the same
 * spacing slot as the last replaces it; a point older than the last is
 * ignored (a late message); beyond the capacity the oldest points go.
 */
export function appendPoint(
  points: readonly HistoryPoint[],
  point: HistoryPoint,
  capacity = HISTORY_CAPACITY,
  spacingMs = HISTORY_SPACING_MS,
): readonly HistoryPoint[] {
  const last = points[points.length - 1];
  if (last !== undefined) {
    if (point.at < last.at) return points;
    if (Math.floor(point.at / spacingMs) === Math.floor(last.at / spacingMs)) {
      const next = points.slice();
      next[next.length - 1] = point;
      return next;
    }
  }
  const start = Math.max(0, points.length + 1 - capacity);
  const next = points.slice(start);
  next.push(point);
  return next;
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readPoint(raw: unknown): HistoryPoint | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { at, budgetRemaining, burn1h } = raw as Record<string, unknown>;
  if (!finite(at) || at < 0 || !finite(budgetRemaining)) return null;
  if (burn1h !== undefined && burn1h !== null && (!finite(burn1h) || burn1h < 0)) return null;
  return { at, budgetRemaining, burn1h: finite(burn1h) ? burn1h : null };
}

/**
 * Reads the optional history a snapshot may carry to seed the charts:
 * `history: { slos: { [sloId]: [{ at, budgetRemaining, burn1h? }, …] } }`
 * (an extension of protocol version 1: older walls ignore it, as they ignore
 * any unknown field). Anything malformed is skipped point by point; only ids
 * in `sloIds` are read, points are put in time order and bounded like live
 * ones.
 */
export function readSnapshotHistory(rawSnapshot: unknown, sloIds: ReadonlySet<string>, capacity = HISTORY_CAPACITY): Map<string, readonly HistoryPoint[]> {
  const seeded = new Map<string, readonly HistoryPoint[]>();
  if (typeof rawSnapshot !== 'object' || rawSnapshot === null) return seeded;
  const history = (rawSnapshot as { history?: unknown }).history;
  if (typeof history !== 'object' || history === null) return seeded;
  const slos = (history as { slos?: unknown }).slos;
  if (typeof slos !== 'object' || slos === null) return seeded;
  for (const id of sloIds) {
    if (!Object.prototype.hasOwnProperty.call(slos, id)) continue;
    const raws = (slos as Record<string, unknown>)[id];
    if (!Array.isArray(raws)) continue;
    let points: readonly HistoryPoint[] = [];
    const read = raws.slice(-capacity * 4).map(readPoint).filter((p): p is HistoryPoint => p !== null);
    for (const point of read.sort((a, b) => a.at - b.at)) points = appendPoint(points, point, capacity);
    if (points.length > 0) seeded.set(id, points);
  }
  return seeded;
}
