import { useCallback } from 'react';
import type { CSSProperties } from 'react';
import type { Incident } from '../../shared/protocol/entities';
import { feedNow } from '../../shared/wall/freshness';
import { useWall } from '../store/useWall';
import { INCIDENT_CARD } from '../wall/layoutSpecs';
import { IncidentCard } from './IncidentCard';

/** Props of the incidents page: one sub-page of incidents, worst first. */
export interface IncidentsPageProps {
  incidents: readonly Incident[];
  columns: number;
  rows: number;
}

/** Active incidents worst first, ages ticking every second, recently resolved ones after them. */
export function IncidentsPage({ incidents, columns, rows }: IncidentsPageProps) {
  const feedTime = useWall((s) => feedNow(s.now, s.clock));
  const offsetMs = useWall((s) => s.clock.offsetMs);
  const services = useWall((s) => s.entities.services);
  const serviceName = useCallback((id: string) => services.get(id)?.name ?? id, [services]);
  const style = {
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${rows}, ${INCIDENT_CARD.height}rem)`,
    gap: `${INCIDENT_CARD.gap}rem`,
  } as CSSProperties;
  return (
    <div className="incident-grid" style={style}>
      {incidents.map((incident) => (
        <IncidentCard key={incident.id} incident={incident} feedTime={feedTime} offsetMs={offsetMs} serviceName={serviceName} />
      ))}
    </div>
  );
}
