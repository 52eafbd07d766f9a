import { memo } from 'react';
import type { Service } from '../../shared/protocol/entities';
import type { BurnLevel } from '../../shared/slo/conditions';
import { formatErrorRatio, formatLatency, formatRps } from '../../shared/wall/format';
import { Icon } from '../ui/Icon';
import { StateBadge } from '../ui/StateBadge';
import { LEVEL_LOOK, SERVICE_LOOK } from '../ui/statusMeta';

/** Props of one service tile. */
export interface ServiceTileProps {
  service: Service;
  /** The worst level of the service's SLOs; undefined when it has none. */
  level: BurnLevel | undefined;
  isStale: boolean;
}

/**
 * One service: shape and name, then status word and the key signals. The
 * worst SLO level shows as a badge only when something burns: a badge on
 * every healthy tile would be clutter nobody reads.
 */
export const ServiceTile = memo(function ServiceTile({ service, level, isStale }: ServiceTileProps) {
  const look = SERVICE_LOOK[service.status];
  const signals = service.signals;
  const isAlert = service.status === 'down' || service.status === 'degraded';
  const classes = ['tile', 'service', `tone-${look.tone}`, isAlert ? 'is-alert' : '', isStale ? 'is-stale' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-service-id={service.id} data-status={service.status} data-stale={isStale ? 'true' : 'false'}>
      <div className="tile-line">
        <Icon shape={look.icon} className="tile-icon" />
        <span className="tile-name">{service.name}</span>
        {level !== undefined && level !== 'none' ? <StateBadge look={LEVEL_LOOK[level]} className="tile-level" /> : null}
      </div>
      <div className="tile-line tile-detail">
        <span className="tile-status">{isStale ? 'STALE' : look.word}</span>
        <span className="sig sig-rps">{signals?.rps === undefined ? '' : formatRps(signals.rps)}</span>
        <span className="sig sig-err">{signals?.errorRatio === undefined ? '' : formatErrorRatio(signals.errorRatio)}</span>
        <span className="sig sig-p99">{signals?.latencyP99Ms === undefined ? '' : formatLatency(signals.latencyP99Ms)}</span>
      </div>
    </div>
  );
});
