import type { CSSProperties } from 'react';
import type { Service } from '../../shared/protocol/entities';
import type { BurnLevel } from '../../shared/slo/conditions';
import { feedNow, isEntityStale } from '../../shared/wall/freshness';
import type { Column } from '../../shared/wall/pagination';
import { describeNoSignal, serviceSignal } from '../../shared/wall/signal';
import { useWall } from '../store/useWall';
import { SERVICE_TILE } from '../wall/layoutSpecs';
import { ServiceTile } from './ServiceTile';

/** Props of the health page: one sub-page of columns. */
export interface HealthPageProps {
  columns: number;
  page: ReadonlyArray<Column<Service>>;
  worstLevel: ReadonlyMap<string, BurnLevel>;
}

const sizes = {
  '--tile-h': `${SERVICE_TILE.height}rem`,
  '--tile-gap': `${SERVICE_TILE.gap}rem`,
  '--group-h': `${SERVICE_TILE.headerHeight ?? 0}rem`,
} as CSSProperties;

/** Service tiles flowing down columns, grouped under team headings, worst first. */
export function HealthPage({ columns, page, worstLevel }: HealthPageProps) {
  // Staleness moves in whole minutes: judging it every 5 s is plenty, and
  // spares a full page of tiles a render every second.
  const feedTime = useWall((s) => Math.floor(feedNow(s.now, s.clock) / 5_000) * 5_000);
  const limitMs = useWall((s) => s.settings.entityStaleAfterMinutes * 60_000);
  return (
    <div className="health" style={{ ...sizes, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {page.map((column, i) => (
        <div className="health-column" key={i}>
          {column.map((block) => (
            <section className="team-block" key={`${block.title ?? ''}:${block.items[0]?.id ?? ''}`}>
              {block.title !== null ? (
                <h3 className="team-name">
                  {block.title}
                  {block.isContinued ? <span className="team-cont">(cont.)</span> : null}
                </h3>
              ) : null}
              {block.items.map((service) => {
                const signal = serviceSignal(service, feedTime, limitMs);
                return (
                  <ServiceTile
                    key={service.id}
                    service={service}
                    level={worstLevel.get(service.id)}
                    isStale={isEntityStale(service.updatedAt, feedTime, limitMs)}
                    noSignal={signal === null ? null : describeNoSignal(signal)}
                  />
                );
              })}
            </section>
          ))}
        </div>
      ))}
    </div>
  );
}
