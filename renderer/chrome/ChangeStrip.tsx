import { memo, useMemo } from 'react';
import type { BurnLevel } from '../../shared/slo/conditions';
import type { ServiceStatus } from '../../shared/protocol/entities';
import { describeChange, recentChanges } from '../../shared/wall/changes';
import type { Change } from '../../shared/wall/changes';
import { formatClock } from '../../shared/wall/format';
import { feedNow } from '../../shared/wall/freshness';
import { useWall } from '../store/useWall';
import { Icon } from '../ui/Icon';
import type { StateLook } from '../ui/statusMeta';
import { LEVEL_LOOK, SERVICE_LOOK, SEVERITY_LOOK } from '../ui/statusMeta';
import './changeStrip.css';

const RESOLVED_LOOK: StateLook = { icon: 'check', word: 'RESOLVED', tone: 'ok' };

/** The state a change moved to, as shape, word and colour. */
function lookOf(change: Change): StateLook {
  if (change.kind.startsWith('slo-')) return LEVEL_LOOK[change.to as BurnLevel];
  if (change.kind.startsWith('service-')) return SERVICE_LOOK[change.to as ServiceStatus];
  if (change.kind === 'incident-resolved') return RESOLVED_LOOK;
  return SEVERITY_LOOK[change.severity ?? 'sev4'];
}

const ChangeItem = memo(function ChangeItem({ change, offsetMs }: { change: Change; offsetMs: number }) {
  const look = lookOf(change);
  return (
    <li
      className={`change tone-${look.tone}`}
      data-change-kind={change.kind}
      data-change-entity-id={change.entityId}
      data-change-to={change.to}
      data-change-at={change.at}
    >
      {/* Shown on the wall's clock, like every other time on screen; ordered and windowed on the feed's. */}
      <span className="change-time num">{formatClock(change.at - offsetMs)}</span>
      <span className="change-state">
        <Icon shape={look.icon} />
        {look.word}
      </span>
      <span className="change-text">{describeChange(change)}</span>
    </li>
  );
});

/**
 * What changed in the last 15 minutes of the feed's clock, on every page
 * and on the calm screen: SLOs starting or stopping to burn, services going
 * down or recovering, incidents opening, changing and resolving. Oldest to
 * newest from left to right; when they do not all fit, the oldest give way.
 */
export function ChangeStrip() {
  const changes = useWall((s) => s.changeLog.changes);
  const hasSnapshot = useWall((s) => s.hasSnapshot);
  // The window slides in steps of 5 s: plenty for a 15-minute strip.
  const feedTime = useWall((s) => Math.floor(feedNow(s.now, s.clock) / 5_000) * 5_000);
  const offsetMs = useWall((s) => s.clock.offsetMs);
  const recent = useMemo(() => recentChanges(changes, feedTime), [changes, feedTime]);
  const newestFirst = useMemo(() => [...recent].reverse(), [recent]);
  return (
    <section className="change-strip" data-changes={recent.length} aria-label="What changed in the last 15 minutes">
      <span className="strip-label">
        Last 15 min{recent.length > 0 ? <span className="strip-count num"> · {recent.length}</span> : null}
      </span>
      {recent.length === 0 ? (
        <span className="strip-empty">{hasSnapshot ? 'no changes' : '—'}</span>
      ) : (
        <ol className="strip-items">
          {newestFirst.map((change) => (
            <ChangeItem key={change.id} change={change} offsetMs={offsetMs} />
          ))}
        </ol>
      )}
    </section>
  );
}
