import { RATIO_WINDOWS } from '../shared/protocol/entities';
import type { RatioWindow } from '../shared/protocol/entities';

/*
 * Trailing-window arithmetic: what a Prometheus recording rule such as
 * `slo:sli_error:ratio_rate5m` would report for an SLO whose error ratio was
 * a steady baseline, except during burn episodes when it was higher.
 *
 * Over a window of length W ending now, each episode contributes its error
 * ratio weighted by the share of the window it overlaps, and the baseline
 * fills the rest:
 *
 *   ratio(W) = baseline * (1 - covered / W) + Σ e_i * overlap_i / W
 *
 * So an outage that started t ago shows e * min(t, W) / W above nothing: the
 * 5m window saturates first and the 3d window last; once it ends it slides
 * out of the short windows first. Weighting the baseline by the uncovered
 * share (rather than adding it on top) makes a saturated window report
 * exactly e, so "burn at 20x" reads as a burn rate of exactly 20.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Length of each fixed trailing window; `window` is the SLO's own and varies. */
export const FIXED_WINDOW_MS: Readonly<Record<Exclude<RatioWindow, 'window'>, number>> = {
  '5m': 5 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': HOUR_MS,
  '2h': 2 * HOUR_MS,
  '6h': 6 * HOUR_MS,
  '1d': DAY_MS,
  '3d': 3 * DAY_MS,
};

/** The length of `window` for an SLO with a rolling window of `windowDays`. */
export function windowLengthMs(window: RatioWindow, windowDays: number): number {
  return window === 'window' ? windowDays * DAY_MS : FIXED_WINDOW_MS[window];
}

/**
 * A span during which an SLO's error ratio was `errorRatio` instead of its
 * baseline. Open while `endedAt` is undefined. Episodes of one SLO must not
 * overlap: a new burn ends the one before it.
 */
export interface BurnEpisode {
  errorRatio: number;
  startedAt: number;
  endedAt?: number;
}

/** How many milliseconds of `episode` fall inside [from, to]. */
export function overlapMs(episode: BurnEpisode, from: number, to: number): number {
  const start = Math.max(episode.startedAt, from);
  const end = Math.min(episode.endedAt ?? to, to);
  return Math.max(0, end - start);
}

/** The error ratio over the `lengthMs` ending at `now`. */
export function trailingRatio(episodes: readonly BurnEpisode[], baseline: number, now: number, lengthMs: number): number {
  const from = now - lengthMs;
  let covered = 0;
  let bad = 0;
  for (const episode of episodes) {
    const overlap = overlapMs(episode, from, now);
    covered += overlap;
    bad += episode.errorRatio * overlap;
  }
  const ratio = baseline * Math.max(0, 1 - covered / lengthMs) + bad / lengthMs;
  return Math.min(1, Math.max(0, ratio));
}

/** The error ratio of every window the protocol names. */
export function trailingRatios(
  episodes: readonly BurnEpisode[],
  baseline: number,
  now: number,
  windowDays: number,
): Record<RatioWindow, number> {
  const out = {} as Record<RatioWindow, number>;
  for (const window of RATIO_WINDOWS) out[window] = trailingRatio(episodes, baseline, now, windowLengthMs(window, windowDays));
  return out;
}

/** Episodes that still touch some window at `now` (an SLO's own window is its longest). */
export function liveEpisodes(episodes: readonly BurnEpisode[], now: number, windowDays: number): BurnEpisode[] {
  const horizon = now - Math.max(windowDays * DAY_MS, FIXED_WINDOW_MS['3d']);
  return episodes.filter((e) => e.endedAt === undefined || e.endedAt > horizon);
}
