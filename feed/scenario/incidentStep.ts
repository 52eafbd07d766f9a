import type { Incident } from '../../shared/protocol/entities';
import type { IncidentFields } from './scenario';

/**
 * An incident after a scenario step: opened when it did not exist (started
 * at the step's time, `triggered` unless the step says otherwise), updated
 * otherwise. Reaching `acknowledged` or later stamps acknowledgedAt once;
 * reaching `resolved` stamps resolvedAt. The caller has checked that the
 * step opening an incident gives its title, severity and services.
 */
export function applyIncident(current: Incident | undefined, id: string, fields: IncidentFields, at: number): Incident {
  const { serviceIds, ...rest } = fields;
  const next: Incident = current
    ? { ...current, ...rest }
    : { id, title: fields.title ?? id, severity: fields.severity ?? 'sev4', status: 'triggered', serviceIds: [], startedAt: at, ...rest };
  if (serviceIds) next.serviceIds = serviceIds;
  if (next.status !== 'triggered' && next.acknowledgedAt === undefined) next.acknowledgedAt = at;
  if (next.status === 'resolved') next.resolvedAt ??= at;
  else delete next.resolvedAt;
  return next;
}
