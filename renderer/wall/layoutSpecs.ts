import type { TileSpec } from '../../shared/wall/pagination';

/*
 * Tile geometry in rem. The root font size follows the screen and the
 * legibility rule (see styles/base.css), so these hold the same share of a
 * 720p laptop and a 4K TV. The fit math turns them into pixels with the
 * measured rem, and the pages render exactly these sizes, so what the math
 * says fits does.
 */

/** A tile size in rem, before the measured rem turns it into pixels. */
export interface RemSpec {
  minWidth: number;
  height: number;
  gap: number;
  headerHeight?: number;
}

/**
 * A service tile: the name on up to two lines, then status word and
 * signals, with a team heading above each group. Wide enough for the
 * detail line at 1rem, the smallest text an entity has.
 */
export const SERVICE_TILE: RemSpec = { minWidth: 18.9, height: 4.3, gap: 0.4, headerHeight: 1.5 };

/**
 * An SLO card on the budgets page: name (up to two lines), number, time to
 * exhaustion, burn rates, bar and explanation on the left, the chart on the
 * right, tall enough for a two-line name and a two-line explanation
 * together. Two columns of two on a 16:9 screen at the legible root size of
 * the defaults (about 59 by 33 rem, see shared/wall/legibility.ts).
 */
export const SLO_CARD: RemSpec = { minWidth: 28, height: 10, gap: 0.6 };

/** An SLO card in quiet mode: the same card, larger; the cards of one sub-page share the screen. */
export const QUIET_CARD: RemSpec = { minWidth: 36, height: 15, gap: 0.8 };

/** An incident: severity, title (up to two lines) and age; status, commander and services (up to two lines); the summary (up to two lines). */
export const INCIDENT_CARD: RemSpec = { minWidth: 28, height: 9.4, gap: 0.6 };

/** The spec in pixels for a root font size of `remPx`. */
export function toPixels(spec: RemSpec, remPx: number): TileSpec {
  return {
    minWidth: spec.minWidth * remPx,
    height: spec.height * remPx,
    gap: spec.gap * remPx,
    headerHeight: (spec.headerHeight ?? 0) * remPx,
  };
}
