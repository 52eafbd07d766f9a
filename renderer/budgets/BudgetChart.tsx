import { memo, useMemo } from 'react';
import { pointsOf } from '../../shared/wall/sloHistory';
import type { HistoryHandle } from '../../shared/wall/sloHistory';
import { budgetChartOption } from '../charts/budgetChartOption';
import type { ChartLook } from '../charts/budgetChartOption';
import { EChart } from '../charts/EChart';

/** Props of a budget chart. */
export interface BudgetChartProps {
  /** The SLO's history: a new handle exactly when it got a point. */
  history: HistoryHandle | undefined;
  look: ChartLook;
  hasTimeAxis: boolean;
  /** The budget line's name, which also states the objective: "budget 99.9%/30d". */
  budgetName: string;
  /** The SLO's id: a chart that turns to another SLO draws at once, a new point of the same one may wait a frame or two. */
  sloId: string;
}

/**
 * The budget-and-burn chart of one SLO over the last hour; rebuilt only when
 * its history (a new handle) or the look changes, and only for the cards on
 * screen, which alone turn their series into chart data. Its legend is HTML above the canvas, coloured like the lines,
 * on two lines so that it never draws over itself and the canvas keeps one
 * height whatever the objective.
 */
export const BudgetChart = memo(function BudgetChart({ history, look, hasTimeAxis, budgetName, sloId }: BudgetChartProps) {
  const option = useMemo(() => budgetChartOption(pointsOf(history), look, { hasTimeAxis }), [history, look, hasTimeAxis]);
  return (
    <div className="slo-chart">
      <div className="chart-legend">
        <span className="legend-budget">{budgetName}</span>
        <span className="legend-burn">burn 1h</span>
      </div>
      <EChart option={option} subject={sloId} className="chart-canvas" />
    </div>
  );
});
