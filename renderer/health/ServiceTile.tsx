import { memo } from 'react';
import type { Service } from '../../shared/protocol/entities';
import type { BurnLevel } from '../../shared/slo/conditions';
import { formatErrorRatio, formatLatency, formatRps } from '../../shared/wall/format';
import { Icon } from '../ui/Icon';
import { StateBadge } from '../ui/StateBadge';
import { LEVEL_LOOK, NO_SIGNAL_LOOK, SERVICE_LOOK } from '../ui/statusMeta';
import '../ui/noSignal.css';

/** Props of one service tile. */
export interface ServiceTileProps {
  service: Service;
  /** The worst level of the service's SLOs; undefined when it has none. */
  level: BurnLevel | undefined;
  isStale: boolean;
  /** Why the service has no signal ("status unknown", "no data for 7 min"), or null when it has one. */
  noSignal: string | null;
}

/**
 * One service: shape and name, then status word and the key signals. The
 * worst SLO level shows as a badge only when something burns: a badge on
 * every healthy tile would be clutter nobody reads.
 */
export const ServiceTile = memo(function ServiceTile({ service, level, isStale, noSignal }: ServiceTileProps) {
  const hasSignal = noSignal === null;
  const look = hasSignal ? SERVICE_LOOK[service.status] : NO_SIGNAL_LOOK;
  const signals = service.signals;
  // Without a signal, neither its last status nor its last numbers are news: grey, the reason instead.
  const isAlert = hasSignal && (service.status === 'down' || service.status === 'degraded');
  const classes = ['tile', 'service', `tone-${look.tone}`, isAlert ? 'is-alert' : '', isStale ? 'is-stale' : '', hasSignal ? '' : 'is-no-signal'];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-service-id={service.id}
      data-status={service.status}
      data-stale={isStale ? 'true' : 'false'}
      data-signal={hasSignal ? undefined : 'none'}
      data-signal-reason={noSignal ?? undefined}
    >
      <div className="tile-line">
        <Icon shape={look.icon} className="tile-icon" />
        <span className="tile-name">{service.name}</span>
        {level !== undefined && level !== 'none' ? <StateBadge look={LEVEL_LOOK[level]} className="tile-level" /> : null}
      </div>
      <div className="tile-line tile-detail">
        <span className="tile-status">{look.word}</span>
        {hasSignal ? (
          <>
            <span className="sig sig-rps">{signals?.rps === undefined ? '' : formatRps(signals.rps)}</span>
            <span className="sig sig-err">{signals?.errorRatio === undefined ? '' : formatErrorRatio(signals.errorRatio)}</span>
            <span className="sig sig-p99">{signals?.latencyP99Ms === undefined ? '' : formatLatency(signals.latencyP99Ms)}</span>
          </>
        ) : (
          <span className="signal-reason">{noSignal}</span>
        )}
      </div>
    </div>
  );
});
