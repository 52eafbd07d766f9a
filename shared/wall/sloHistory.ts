/*
 * What the budgets page charts: each SLO's budget remaining and 1h burn rate
 * over the last hour of the feed's clock, in a compact bounded buffer per SLO.
 *
 * Each SLO's points live in a ring buffer of typed arrays (the time as a
 * float64, budget remaining and 1h burn as float32, NaN for no burn: 16 bytes
 * a point), which starts small and doubles up to {@link HISTORY_CAPACITY}, so
 * an SLO re-measured every few minutes never pays for a full hour of slots.
 * Appending writes in place: no copy of the series per point.
 *
 * The store does not hold the buffer itself but a {@link HistoryHandle}: a
 * small immutable value, new whenever the SLO's history got a point, so React
 * sees the change and an unchanged SLO keeps the same value. A handle reads
 * the points that were there when it was taken: the series numbers every
 * point it holds (a sequence that only grows), the handle records the range
 * it saw and its newest point as it was (the one point a later point of the
 * same slot may overwrite), so a chart still holding an older handle never
 * reads a point written after it. Points the series has since dropped (aged
 * out or pushed out of a full ring) are left out: an old handle then reads
 * the newest of its points that remain, in time order, never another SLO's or
 * a half-written one.
 */

/** One sample of an SLO, on the feed's clock. */
export interface HistoryPoint {
  readonly at: number;
  readonly budgetRemaining: number;
  /** Burn rate over the last hour; null with no traffic. */
  readonly burn1h: number | null;
}

/** How long the chart looks back: a point older than the newest point minus this is dropped. */
export const HISTORY_WINDOW_MS = 60 * 60_000;
/** Points closer than this share a slot: the latest one wins, so a fast feed does not shorten the history. */
export const HISTORY_SPACING_MS = 10_000;
/** Points kept per SLO at most: one per {@link HISTORY_SPACING_MS} slot over {@link HISTORY_WINDOW_MS}, the last hour. */
export const HISTORY_CAPACITY = 360;
/** Points a new series has room for before it first doubles. */
export const HISTORY_INITIAL_CAPACITY = 4;

/** The bounds of a series; the defaults are the wall's. */
export interface HistoryLimits {
  /** Points kept at most. */
  capacity?: number;
  /** Width of a slot: a point in the same slot as the last replaces it. */
  spacingMs?: number;
  /** Points older than the newest minus this are dropped. */
  windowMs?: number;
  /** Room of a new series, doubled as it fills, up to `capacity`. */
  initialCapacity?: number;
}

/**
 * One SLO's points, oldest first, in a ring buffer. Point number `n` of the
 * series (counting every point ever stored) sits at index `n % room`; the
 * points held are numbers `start` to `end - 1`. Written only through
 * {@link appendPoint}; read through a {@link HistoryHandle}.
 */
export class HistorySeries {
  /** Time of each point, epoch ms on the feed's clock. */
  at: Float64Array;
  /** Budget remaining and 1h burn of each point, interleaved; NaN stands for a null burn. */
  values: Float32Array;
  /** Number of the oldest point held. */
  start = 0;
  /** Number the next point will get. */
  end = 0;
  readonly capacity: number;
  readonly spacingMs: number;
  readonly windowMs: number;

  constructor(limits: HistoryLimits = {}) {
    this.capacity = Math.max(1, Math.floor(limits.capacity ?? HISTORY_CAPACITY));
    this.spacingMs = limits.spacingMs ?? HISTORY_SPACING_MS;
    this.windowMs = limits.windowMs ?? HISTORY_WINDOW_MS;
    const room = Math.min(this.capacity, Math.max(1, Math.floor(limits.initialCapacity ?? HISTORY_INITIAL_CAPACITY)));
    this.at = new Float64Array(room);
    this.values = new Float32Array(room * 2);
  }

  /** Points held. */
  get length(): number {
    return this.end - this.start;
  }

  /** Points the buffers have room for now (at most {@link capacity}). */
  get room(): number {
    return this.at.length;
  }

  /** Bytes of the buffers: 16 per point of room. */
  get byteLength(): number {
    return this.at.byteLength + this.values.byteLength;
  }

  /** Point number `n`, which must be held. */
  pointAt(n: number): HistoryPoint {
    const i = n % this.at.length;
    const burn = this.values[i * 2 + 1] as number;
    return { at: this.at[i] as number, budgetRemaining: this.values[i * 2] as number, burn1h: Number.isNaN(burn) ? null : burn };
  }

  /** Stores point number `n` (the next one, or the newest to replace it). */
  write(n: number, point: HistoryPoint): void {
    const i = n % this.at.length;
    this.at[i] = point.at;
    this.values[i * 2] = point.budgetRemaining;
    this.values[i * 2 + 1] = point.burn1h ?? Number.NaN;
  }

  /** Doubles the room (up to the capacity), keeping every point held at its number's new index. */
  grow(): void {
    const room = Math.min(this.capacity, this.at.length * 2);
    const at = new Float64Array(room);
    const values = new Float32Array(room * 2);
    for (let n = this.start; n < this.end; n += 1) {
      const from = n % this.at.length;
      const to = n % room;
      at[to] = this.at[from] as number;
      values[to * 2] = this.values[from * 2] as number;
      values[to * 2 + 1] = this.values[from * 2 + 1] as number;
    }
    this.at = at;
    this.values = values;
  }
}

/**
 * What the store keeps per SLO: its series, the range of point numbers held
 * when the handle was taken, and its newest point as it was then. Immutable
 * and small; a new one per change of the SLO's history.
 */
export interface HistoryHandle {
  readonly series: HistorySeries;
  /** Number of the oldest point held when the handle was taken. */
  readonly start: number;
  /** One past the number of the newest point when the handle was taken. */
  readonly end: number;
  /** The newest point as it was when the handle was taken. */
  readonly last: HistoryPoint;
}

/**
 * Adds a point to an SLO's history (`handle` undefined: a new series with
 * `limits`), returning the handle to keep. A point in the same spacing slot
 * as the last replaces it; a point older than the last is ignored (a late
 * message) and the same handle comes back; points older than the new one
 * minus the window are dropped; beyond the capacity the oldest goes. O(1)
 * amortised: the buffers are written in place and only doubled while the
 * series grows to its capacity.
 */
export function appendPoint(handle: HistoryHandle | undefined, point: HistoryPoint, limits: HistoryLimits = {}): HistoryHandle {
  const series = handle?.series ?? new HistorySeries(limits);
  if (handle !== undefined && series.length > 0) {
    const last = series.end - 1;
    const lastAt = series.at[last % series.room] as number;
    if (point.at < lastAt) return handle;
    if (Math.floor(point.at / series.spacingMs) === Math.floor(lastAt / series.spacingMs)) {
      series.write(last, point);
      return { series, start: series.start, end: series.end, last: point };
    }
  }
  const oldest = point.at - series.windowMs;
  while (series.length > 0 && (series.at[series.start % series.room] as number) < oldest) series.start += 1;
  if (series.length === series.room) {
    if (series.room < series.capacity) series.grow();
    else series.start += 1;
  }
  series.write(series.end, point);
  series.end += 1;
  return { series, start: series.start, end: series.end, last: point };
}

/**
 * The points a handle saw, oldest first, as chart data: those its series
 * still holds, then its newest point as it was. For the few charts on screen,
 * not for every SLO.
 */
export function pointsOf(handle: HistoryHandle | undefined): HistoryPoint[] {
  if (handle === undefined) return [];
  const { series } = handle;
  const points: HistoryPoint[] = [];
  for (let n = Math.max(handle.start, series.start); n < handle.end - 1; n += 1) points.push(series.pointAt(n));
  points.push(handle.last);
  return points;
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
 * ones (slots, the last hour, the capacity).
 */
export function readSnapshotHistory(rawSnapshot: unknown, sloIds: ReadonlySet<string>, limits: HistoryLimits = {}): Map<string, HistoryHandle> {
  const seeded = new Map<string, HistoryHandle>();
  if (typeof rawSnapshot !== 'object' || rawSnapshot === null) return seeded;
  const history = (rawSnapshot as { history?: unknown }).history;
  if (typeof history !== 'object' || history === null) return seeded;
  const slos = (history as { slos?: unknown }).slos;
  if (typeof slos !== 'object' || slos === null) return seeded;
  const capacity = limits.capacity ?? HISTORY_CAPACITY;
  for (const id of sloIds) {
    if (!Object.prototype.hasOwnProperty.call(slos, id)) continue;
    const raws = (slos as Record<string, unknown>)[id];
    if (!Array.isArray(raws)) continue;
    let handle: HistoryHandle | undefined;
    const read = raws.slice(-capacity * 4).map(readPoint).filter((p): p is HistoryPoint => p !== null);
    for (const point of read.sort((a, b) => a.at - b.at)) handle = appendPoint(handle, point, limits);
    if (handle !== undefined) seeded.set(id, handle);
  }
  return seeded;
}
