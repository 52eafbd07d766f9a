import { formatClock } from '../../shared/wall/format';
import { Icon } from '../ui/Icon';
import { useWall } from '../store/useWall';

/**
 * Quiet mode with nothing burning: a dim, calm screen with the time, how
 * many budgets are within their SLO, and when the wall last heard from the
 * feed. When the feed is not live it says so instead of claiming calm.
 */
export function CalmScreen({ total }: { total: number }) {
  const now = useWall((s) => s.now);
  const lastMessageAt = useWall((s) => s.lastMessageAt);
  const isLive = useWall((s) => s.connection === 'live');
  const hasSnapshot = useWall((s) => s.hasSnapshot);
  const summary = !hasSnapshot
    ? 'waiting for the feed'
    : total === 0
      ? 'no SLOs reported'
      : `all ${total} ${total === 1 ? 'budget' : 'budgets'} within SLO`;
  return (
    <div className={isLive ? 'calm' : 'calm is-not-live'} data-calm="true">
      <div className="calm-clock">{formatClock(now)}</div>
      <div className="calm-summary">
        {hasSnapshot && total > 0 ? <Icon shape="check" className="calm-icon" /> : null}
        <span>{isLive ? summary : `last known: ${summary}`}</span>
      </div>
      <div className="calm-updated">last update {lastMessageAt === null ? '—' : formatClock(lastMessageAt, true)}</div>
    </div>
  );
}
