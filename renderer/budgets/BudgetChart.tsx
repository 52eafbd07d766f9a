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
  /** The budget axis's name, which also states the objective: "budget of 99.9%/30d". */
  budgetName: string;
}

/** The budget-and-burn chart of one SLO; rebuilt only when its history or the look changes. */
export const BudgetChart = memo(function BudgetChart({ points, look, hasTimeAxis, budgetName }: BudgetChartProps) {
  const option = useMemo(() => budgetChartOption(points, look, { hasTimeAxis, budgetName }), [points, look, hasTimeAxis, budgetName]);
  return <EChart option={option} className="slo-chart" />;
});
