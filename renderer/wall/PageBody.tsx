import { SloGrid } from '../budgets/SloGrid';
import { HealthPage } from '../health/HealthPage';
import { IncidentsPage } from '../incidents/IncidentsPage';
import { QuietPage } from '../quiet/QuietPage';
import type { WallView } from '../../shared/wall/rotation';
import { useWall } from '../store/useWall';
import { EmptyState } from './EmptyState';
import { SLO_CARD } from './layoutSpecs';
import { useGridPage } from './useGridPage';
import type { ContentArea } from './useContentArea';
import type { WallModel } from './useWallModel';

/** Props of the page body: what to show and where. */
export interface PageBodyProps {
  view: WallView;
  subPage: number;
  model: WallModel;
  area: ContentArea;
}

/** The current sub-page of the current view, or what the view is waiting for. */
export function PageBody({ view, subPage, model, area }: PageBodyProps) {
  const hasSnapshot = useWall((s) => s.hasSnapshot);
  if (view === 'quiet') return <QuietPage model={model} subPage={subPage} remPx={area.remPx} />;
  if (!hasSnapshot) return <EmptyState message="Waiting for the feed’s first snapshot…" />;
  if (!model.available.has(view)) {
    const what = view === 'health' ? 'No services reported' : view === 'budgets' ? 'No SLOs reported' : 'No active incidents';
    return <EmptyState message={what} />;
  }
  switch (view) {
    case 'health':
      return <HealthPage columns={model.health.columns} page={model.health.pages[subPage] ?? []} worstLevel={model.worstLevel} />;
    case 'budgets':
      return <BudgetsPage model={model} subPage={subPage} remPx={area.remPx} />;
    case 'incidents':
      return <IncidentsSubPage model={model} subPage={subPage} />;
  }
}

function BudgetsPage({ model, subPage, remPx }: { model: WallModel; subPage: number; remPx: number }) {
  const cards = useGridPage(model.budgets, subPage);
  return <SloGrid cards={cards} columns={model.budgets.columns} rows={model.budgets.rows} spec={SLO_CARD} remPx={remPx} />;
}

function IncidentsSubPage({ model, subPage }: { model: WallModel; subPage: number }) {
  const incidents = useGridPage(model.incidents, subPage);
  return <IncidentsPage incidents={incidents} columns={model.incidents.columns} rows={model.incidents.rows} />;
}
