import { memo, useMemo } from 'react';
import type { HistoryPoint } from '../../shared/wall/sloHistory';
import { budgetChartOption } from '../charts/budgetChartOption';
import type { ChartLook } from '../charts/budgetChartOption';
import { EChart } from '../charts/EChart';

/** Props of a budget chart. */
export interface BudgetChartProps {
  points: readonly HistoryPoint[];
  look: ChartLook;
  hasTimeAxis: boolean;
  /** The budget line's name, which also states the objective: "budget of 99.9%/30d". */
  budgetName: string;
}

/**
 * The budget-and-burn chart of one SLO; rebuilt only when its history or the
 * look changes. Its legend is HTML above the canvas, coloured like the lines,
 * so the two names wrap in a narrow card instead of drawing over each other.
 */
export const BudgetChart = memo(function BudgetChart({ points, look, hasTimeAxis, budgetName }: BudgetChartProps) {
  const option = useMemo(() => budgetChartOption(points, look, { hasTimeAxis }), [points, look, hasTimeAxis]);
  return (
    <div className="slo-chart">
      <div className="chart-legend">
        <span className="legend-budget">{budgetName}</span>
        <span className="legend-burn">burn 1h</span>
      </div>
      <EChart option={option} className="chart-canvas" />
    </div>
  );
});
