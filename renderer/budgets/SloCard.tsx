import { memo, useMemo } from 'react';
import { explainSlo } from '../../shared/slo/explain';
import { formatDuration } from '../../shared/slo/format';
import { budgetHook, budgetLegend, formatBudget, formatBurnCell } from '../../shared/wall/format';
import type { HistoryHandle } from '../../shared/wall/sloHistory';
import type { JudgedSlo } from '../../shared/wall/sloView';
import type { ChartLook } from '../charts/budgetChartOption';
import { StateBadge } from '../ui/StateBadge';
import { LEVEL_LOOK, NO_SIGNAL_LOOK } from '../ui/statusMeta';
import { BudgetChart } from './BudgetChart';
import '../ui/noSignal.css';

/** Props of one SLO card. */
export interface SloCardProps {
  judged: JudgedSlo;
  /** The SLO's chart history; undefined before its first point. */
  history: HistoryHandle | undefined;
  look: ChartLook;
  isStale: boolean;
  /** Why the SLO has no signal ("no traffic", "no data for 7 min"), or null when it has one. */
  noSignal: string | null;
  /** Quiet mode's larger card. */
  isLarge?: boolean;
}

const BURN_WINDOWS = ['1h', '6h', '3d'] as const;

/**
 * One SLO: its budget remaining as a large number and a bar, the time to
 * exhaustion, the burn rates over 1h, 6h and 3d, its level, the engine's
 * explanation, and beside them the chart of the last hour the wall has
 * watched it (its axis names the objective).
 */
export const SloCard = memo(function SloCard({ judged, history, look, isStale, noSignal, isLarge = false }: SloCardProps) {
  const { slo, evaluation: ev } = judged;
  const hasSignal = noSignal === null;
  // Without a signal the last level is history, not news: grey, never the look of fine or of burning.
  const level = hasSignal ? LEVEL_LOOK[ev.level] : NO_SIGNAL_LOOK;
  const remaining = ev.budgetRemaining;
  const fill = Math.max(0, Math.min(1, remaining));
  const tte = ev.timeToExhaustionMs === null ? '—' : ev.timeToExhaustionMs === 0 ? 'spent' : formatDuration(ev.timeToExhaustionMs);
  const classes = ['card', 'slo', `tone-${level.tone}`, hasSignal && ev.isBurning ? 'is-burning' : '', isStale ? 'is-stale' : ''];
  classes.push(hasSignal ? '' : 'is-no-signal', isLarge ? 'is-large' : '');
  const explanation = explainSlo(slo, ev);
  const chartLook = useMemo(() => (hasSignal ? look : { ...look, budget: look.noSignal, burn: look.noSignal }), [look, hasSignal]);
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      data-slo-id={slo.id}
      data-burning={ev.level}
      data-budget-remaining={budgetHook(remaining)}
      data-stale={isStale ? 'true' : 'false'}
      data-signal={hasSignal ? undefined : 'none'}
      data-signal-reason={noSignal ?? undefined}
    >
      <header className="slo-head">
        <span className="slo-name">{slo.name}</span>
        {hasSignal ? null : <span className="signal-reason">{noSignal}</span>}
        <StateBadge look={level} solid={hasSignal && ev.level === 'page'} />
      </header>
      <div className="slo-main">
        <div className="slo-budget">
          <span className={remaining <= 0 ? 'slo-number is-spent' : 'slo-number'}>{formatBudget(remaining)}</span>
          <span className="slo-unit">left</span>
        </div>
        <div className="slo-tte">
          <span className="slo-label">empty in</span>
          <span className="slo-tte-value">{tte}</span>
        </div>
      </div>
      <dl className="slo-burns">
        {BURN_WINDOWS.map((w) => (
          <div key={w}>
            <dt>{w}</dt>
            <dd>{formatBurnCell(ev.burnRates[w])}</dd>
          </div>
        ))}
      </dl>
      <div className="budget-bar" aria-hidden="true">
        <div className="budget-fill" style={{ width: `${fill * 100}%` }} />
      </div>
      <p className="slo-explain">{hasSignal || !ev.hasSignal ? explanation : `${noSignal}; last known: ${explanation}`}</p>
      <BudgetChart sloId={slo.id} history={history} look={chartLook} hasTimeAxis={isLarge} budgetName={budgetLegend(slo.objective, slo.windowDays)} />
    </article>
  );
});
