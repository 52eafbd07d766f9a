import { memo } from 'react';
import type { Incident } from '../../shared/protocol/entities';
import { formatAge, formatClock } from '../../shared/wall/format';
import { Icon } from '../ui/Icon';
import { StateBadge } from '../ui/StateBadge';
import { SEVERITY_LOOK } from '../ui/statusMeta';

/** Props of one incident card. */
export interface IncidentCardProps {
  incident: Incident;
  /** The feed's clock now, for the live age. */
  feedTime: number;
  /** Feed clock minus wall clock: times are shown on the wall's clock, like the clock in the status bar. */
  offsetMs: number;
  /** Display names of services by id. */
  serviceName: (id: string) => string;
}

// Four names read at a glance (and fit two lines of the card); the rest are counted.
const SHOWN_SERVICES = 4;

function services(ids: readonly string[], name: (id: string) => string): string {
  if (ids.length === 0) return 'no services named';
  const shown = ids.slice(0, SHOWN_SERVICES).map(name).join(', ');
  return ids.length > SHOWN_SERVICES ? `${shown} +${ids.length - SHOWN_SERVICES} more` : shown;
}

/**
 * One incident: severity (shape, word, colour), title and live age; status,
 * commander and affected services; the summary. A resolved one stays a few
 * minutes, greyed and marked RESOLVED with its time.
 */
export const IncidentCard = memo(function IncidentCard({ incident, feedTime, offsetMs, serviceName }: IncidentCardProps) {
  const look = SEVERITY_LOOK[incident.severity];
  const isResolved = incident.status === 'resolved';
  const classes = ['card', 'incident', `tone-${look.tone}`, isResolved ? 'is-resolved' : `sev-${incident.severity}`];
  return (
    <article className={classes.join(' ')} data-incident-id={incident.id} data-severity={incident.severity} data-incident-status={incident.status}>
      <div className="inc-line">
        <StateBadge look={look} solid={!isResolved && (incident.severity === 'sev1' || incident.severity === 'sev2')} />
        <span className="inc-title">{incident.title}</span>
        {isResolved ? (
          <span className="inc-resolved">
            <Icon shape="check" /> RESOLVED{incident.resolvedAt === undefined ? '' : ` ${formatClock(incident.resolvedAt - offsetMs)}`}
          </span>
        ) : (
          <span className="inc-age">{formatAge(feedTime - incident.startedAt)}</span>
        )}
      </div>
      <div className="inc-line inc-detail">
        <span className="inc-status">{incident.status.toUpperCase()}</span>
        <span className="inc-ic">IC {incident.commander ?? 'unassigned'}</span>
        <span className="inc-services">{services(incident.serviceIds, serviceName)}</span>
      </div>
      <div className="inc-summary">{incident.summary ?? ''}</div>
    </article>
  );
});
