import type { TileSpec } from '../../shared/wall/pagination';

/*
 * Tile geometry in rem. The root font size follows the screen (see
 * styles/base.css), so these hold the same share of a 720p laptop and a 4K
 * TV. The fit math turns them into pixels with the measured rem, and the
 * pages render exactly these sizes, so what the math says fits does.
 */

/** A tile size in rem, before the measured rem turns it into pixels. */
export interface RemSpec {
  minWidth: number;
  height: number;
  gap: number;
  headerHeight?: number;
}

/** A service tile: two lines (name; status word and signals) and a team heading above each group. */
export const SERVICE_TILE: RemSpec = { minWidth: 15, height: 3.3, gap: 0.4, headerHeight: 1.5 };

/**
 * An SLO card on the budgets page: number, time to exhaustion, burn rates,
 * bar and explanation on the left, the chart on the right. Wide and short,
 * so the chart gets real height: two columns of four at 16:9.
 */
export const SLO_CARD: RemSpec = { minWidth: 36, height: 9, gap: 0.6 };

/** An SLO card in quiet mode: the same card, larger; the cards of one sub-page share the screen. */
export const QUIET_CARD: RemSpec = { minWidth: 36, height: 16, gap: 0.8 };

/** An incident: severity, title and age; status, commander and services; the summary. */
export const INCIDENT_CARD: RemSpec = { minWidth: 36, height: 6.6, gap: 0.6 };

/** The spec in pixels for a root font size of `remPx`. */
export function toPixels(spec: RemSpec, remPx: number): TileSpec {
  return {
    minWidth: spec.minWidth * remPx,
    height: spec.height * remPx,
    gap: spec.gap * remPx,
    headerHeight: (spec.headerHeight ?? 0) * remPx,
  };
}
