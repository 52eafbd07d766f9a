import type { ServiceStatus } from '../../shared/protocol/entities';
import { countByStatus, STATUS_ORDER } from '../../shared/wall/healthOrder';
import type { WallView } from '../../shared/wall/rotation';
import { useWall } from '../store/useWall';
import { Icon } from '../ui/Icon';
import { SERVICE_LOOK } from '../ui/statusMeta';
import type { WallModel } from '../wall/useWallModel';
import { useMemo } from 'react';
import type { ReactNode } from 'react';

const TITLES: Record<WallView, string> = {
  health: 'Service health',
  budgets: 'Error budgets',
  incidents: 'Incidents',
  quiet: 'Burning budgets',
};

function HealthSummary() {
  const services = useWall((s) => s.entities.services);
  const counts = useMemo(() => countByStatus(services.values()), [services]);
  return (
    <>
      {STATUS_ORDER.filter((status: ServiceStatus) => counts[status] > 0).map((status) => (
        <span key={status} className={`summary-chip tone-${SERVICE_LOOK[status].tone}`}>
          <Icon shape={SERVICE_LOOK[status].icon} />
          <span className="num">{counts[status]}</span> {SERVICE_LOOK[status].word}
        </span>
      ))}
    </>
  );
}

/** The title of what is showing and a one-line summary of it. */
export function PageHeader({ view, model }: { view: WallView; model: WallModel }) {
  const burning = model.quiet.pages.reduce((n, page) => n + page.length, 0);
  const total = model.judged.length;
  const active = model.incidents.pages.flat().filter((i) => i.status !== 'resolved').length;
  const resolved = model.incidents.pages.flat().length - active;
  let summary: ReactNode;
  if (view === 'health') summary = <HealthSummary />;
  else if (view === 'budgets' || view === 'quiet') {
    summary = (
      <span className={burning > 0 ? 'summary-chip tone-down' : 'summary-chip tone-ok'}>
        <Icon shape={burning > 0 ? 'octagon-x' : 'check'} />
        <span className="num">{burning}</span> of <span className="num">{total}</span> burning
      </span>
    );
  } else {
    summary = (
      <span className="summary-chip">
        <span className="num">{active}</span> active{resolved > 0 ? ` · ${resolved} recently resolved` : ''}
      </span>
    );
  }
  return (
    <header className="page-header">
      <h1 className="page-title">{TITLES[view]}</h1>
      <div className="page-summary">{summary}</div>
    </header>
  );
}
