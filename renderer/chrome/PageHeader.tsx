import type { ServiceStatus } from '../../shared/protocol/entities';
import { feedNow } from '../../shared/wall/freshness';
import { countByStatus, STATUS_ORDER } from '../../shared/wall/healthOrder';
import { countWithoutSignal } from '../../shared/wall/signal';
import type { JudgedSlo } from '../../shared/wall/sloView';
import type { WallView } from '../../shared/wall/rotation';
import { useWall } from '../store/useWall';
import { Icon } from '../ui/Icon';
import { NO_SIGNAL_LOOK, SERVICE_LOOK } from '../ui/statusMeta';
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

/** How many SLOs have no signal, counted apart from those within SLO; nothing when all have one. */
function NoSignalChip({ judged }: { judged: readonly JudgedSlo[] }) {
  const feedTime = useWall((s) => Math.floor(feedNow(s.now, s.clock) / 5_000) * 5_000);
  const limitMs = useWall((s) => s.settings.entityStaleAfterMinutes * 60_000);
  const count = useMemo(() => countWithoutSignal(judged, feedTime, limitMs), [judged, feedTime, limitMs]);
  if (count === 0) return null;
  return (
    <span className={`summary-chip tone-${NO_SIGNAL_LOOK.tone}`} data-without-signal={count}>
      <Icon shape={NO_SIGNAL_LOOK.icon} />
      <span className="num">{count}</span> without signal
    </span>
  );
}

/** The title of what is showing and a one-line summary of it. */
export function PageHeader({ view, model }: { view: WallView; model: WallModel }) {
  const loadingSlos = useWall((s) => s.loadingSlos);
  const burning = model.quiet.items.length;
  const total = model.judged.length;
  const active = model.incidents.items.filter((i) => i.status !== 'resolved').length;
  const resolved = model.incidents.items.length - active;
  let summary: ReactNode;
  // Not "0 of 0 burning", and no burn badge on a tile is not "nothing burns": nothing is known of the budgets yet.
  const loading =
    loadingSlos > 0 ? (
      <span className="summary-chip" data-loading-slos={loadingSlos}>
        loading <span className="num">{loadingSlos.toLocaleString('en-US')}</span> SLOs
      </span>
    ) : null;
  if (view === 'health')
    summary = (
      <>
        <HealthSummary />
        {loading}
      </>
    );
  else if ((view === 'budgets' || view === 'quiet') && loading !== null) summary = loading;
  else if (view === 'budgets' || view === 'quiet') {
    summary = (
      <span className={burning > 0 ? 'summary-chip tone-down' : 'summary-chip tone-ok'}>
        <Icon shape={burning > 0 ? 'octagon-x' : 'check'} />
        <span className="num">{burning}</span> of <span className="num">{total}</span> burning
      </span>
    );
    summary = (
      <>
        {summary}
        <NoSignalChip judged={model.judged} />
      </>
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
