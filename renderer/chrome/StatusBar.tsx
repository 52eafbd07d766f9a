import { formatClock } from '../../shared/wall/format';
import { activeSummary } from '../../shared/wall/incidents';
import { useWall } from '../store/useWall';
import { Icon } from '../ui/Icon';
import { StateBadge } from '../ui/StateBadge';
import { CONNECTION_LOOK, SEVERITY_LOOK } from '../ui/statusMeta';
import { PageIndicator } from './PageIndicator';
import { useMemo } from 'react';

function IncidentMark() {
  const incidents = useWall((s) => s.entities.incidents);
  const { count, worst } = useMemo(() => activeSummary(incidents), [incidents]);
  if (count === 0 || worst === null) {
    return (
      <span className="status-item no-incidents tone-ok">
        <Icon shape="check" /> no active incidents
      </span>
    );
  }
  return (
    <span className="status-item active-incidents">
      <StateBadge look={SEVERITY_LOOK[worst]} solid={worst === 'sev1' || worst === 'sev2'} />
      {count} active {count === 1 ? 'incident' : 'incidents'}
    </span>
  );
}

/**
 * Always on screen: connection state, time of the last message, the pages
 * and dwell, incidents, demo and drop marks, and the clock.
 */
export function StatusBar() {
  const connection = useWall((s) => s.connection);
  const lastMessageAt = useWall((s) => s.lastMessageAt);
  const now = useWall((s) => s.now);
  const isDemo = useWall((s) => s.settings.isDemo);
  const isPaused = useWall((s) => s.rotation.pausedAt !== null);
  const dropped = useWall((s) => s.counters.droppedMessages + s.counters.droppedEntities);
  const loadingSlos = useWall((s) => s.loadingSlos);
  const look = CONNECTION_LOOK[connection];
  return (
    <footer className="status-bar">
      <StateBadge look={look} solid={connection !== 'live'} className="connection-badge" />
      <span className="status-item last-message">
        last msg <span className="num">{lastMessageAt === null ? '--:--:--' : formatClock(lastMessageAt, true)}</span>
      </span>
      <PageIndicator />
      {isPaused ? (
        <span className="status-item paused">
          <Icon shape="pause" /> PAUSED
        </span>
      ) : null}
      <IncidentMark />
      {loadingSlos > 0 ? <span className="status-item loading-slos">loading SLOs</span> : null}
      {dropped > 0 ? (
        <span className="status-item dropped tone-degraded">
          <Icon shape="triangle" /> {dropped} dropped
        </span>
      ) : null}
      {isDemo ? <span className="status-item demo-badge">DEMO DATA</span> : null}
      <span className="status-item clock num">{formatClock(now, true)}</span>
    </footer>
  );
}
