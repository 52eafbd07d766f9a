import { useMemo } from 'react';
import type { Incident } from '../../shared/protocol/entities';
import { formatAge } from '../../shared/wall/format';
import { feedNow } from '../../shared/wall/freshness';
import { compareIncidents, isMajor } from '../../shared/wall/incidents';
import { useWall } from '../store/useWall';
import { StateBadge } from '../ui/StateBadge';
import { SEVERITY_LOOK } from '../ui/statusMeta';
import './incidentBanners.css';

// Two banners leave the page its room on a 720p screen; the rest are counted.
const SHOWN = 2;

function Banner({ incident, feedTime, more }: { incident: Incident; feedTime: number; more: number }) {
  const look = SEVERITY_LOOK[incident.severity];
  return (
    <div className={`incident-banner tone-${look.tone}`} role="status" data-banner-incident-id={incident.id} data-severity={incident.severity}>
      <StateBadge look={look} solid className="ib-badge" />
      <span className="ib-title">{incident.title}</span>
      <span className="ib-status">{incident.status.toUpperCase()}</span>
      <span className="ib-ic">IC {incident.commander ?? 'unassigned'}</span>
      <span className="ib-age num">{formatAge(feedTime - incident.startedAt)}</span>
      {more > 0 ? <span className="ib-more">+{more} more</span> : null}
    </div>
  );
}

/**
 * One banner per open sev1 or sev2 incident, worst first, on every page and
 * in quiet mode. They are drawn from the feed's state, not from events, so
 * they never pile up: a banner leaves when its incident resolves (or is
 * lowered below sev2), and a wall nobody touches shows only what is open.
 */
export function IncidentBanners() {
  const incidents = useWall((s) => s.entities.incidents);
  const feedTime = useWall((s) => feedNow(s.now, s.clock));
  const major = useMemo(() => [...incidents.values()].filter((i) => i.status !== 'resolved' && isMajor(i.severity)).sort(compareIncidents), [incidents]);
  if (major.length === 0) return null;
  const shown = major.slice(0, SHOWN);
  return (
    <div className="incident-banners" data-banners={major.length}>
      {shown.map((incident, i) => (
        <Banner key={incident.id} incident={incident} feedTime={feedTime} more={i === shown.length - 1 ? major.length - shown.length : 0} />
      ))}
    </div>
  );
}
