import type { CSSProperties } from 'react';
import { feedNow, isEntityStale } from '../../shared/wall/freshness';
import { describeNoSignal, sloSignal } from '../../shared/wall/signal';
import type { JudgedSlo } from '../../shared/wall/sloView';
import { useChartLook } from '../charts/useChartLook';
import { useWall } from '../store/useWall';
import type { RemSpec } from '../wall/layoutSpecs';
import { SloCard } from './SloCard';

/** Props of a grid of SLO cards (the budgets page, or quiet mode with larger cards). */
export interface SloGridProps {
  cards: readonly JudgedSlo[];
  columns: number;
  rows: number;
  spec: RemSpec;
  remPx: number;
  isLarge?: boolean;
}

/**
 * SLO cards in a grid of the size the fit math chose. Quiet mode's few large
 * cards stretch to share the screen; budget cards keep their fixed height.
 */
export function SloGrid({ cards, columns, rows, spec, remPx, isLarge = false }: SloGridProps) {
  const history = useWall((s) => s.history);
  const theme = useWall((s) => s.settings.theme);
  const isMuted = useWall((s) => s.connection !== 'live');
  const feedTime = useWall((s) => Math.floor(feedNow(s.now, s.clock) / 5_000) * 5_000);
  const limitMs = useWall((s) => s.settings.entityStaleAfterMinutes * 60_000);
  const look = useChartLook(theme, remPx * (isLarge ? 1.15 : 1), isMuted);
  const usedColumns = isLarge ? Math.min(columns, Math.max(1, cards.length)) : columns;
  const usedRows = isLarge ? Math.max(1, Math.ceil(cards.length / usedColumns)) : rows;
  const style = {
    gridTemplateColumns: `repeat(${usedColumns}, minmax(0, 1fr))`,
    gridTemplateRows: isLarge ? `repeat(${usedRows}, minmax(0, 1fr))` : `repeat(${usedRows}, ${spec.height}rem)`,
    gap: `${spec.gap}rem`,
  } as CSSProperties;
  return (
    <div className={isLarge ? 'slo-grid is-large' : 'slo-grid'} style={style}>
      {cards.map((judged, slot) => {
        const signal = sloSignal(judged.slo, judged.evaluation.hasSignal, feedTime, limitMs);
        return (
          <SloCard
            // Keyed by place, not by SLO: turning to the next sub-page or
            // reordering gives each card (and its chart) new data in place
            // instead of disposing a chart and creating another.
            key={slot}
            judged={judged}
            history={history.get(judged.slo.id)}
            look={look}
            isStale={isEntityStale(judged.slo.updatedAt, feedTime, limitMs)}
            noSignal={signal === null ? null : describeNoSignal(signal)}
            isLarge={isLarge}
          />
        );
      })}
    </div>
  );
}
