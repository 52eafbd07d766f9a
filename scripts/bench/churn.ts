// The endurance run's story: incidents opening, moving through their
// statuses and resolving, services degrading and recovering, SLOs burning
// and cooling, all on the feed's (accelerated) clock. Cheaper than the
// simulator's story, whose routine re-measurements multiply with the speed.
import type { EntityChange } from '../../feed/source';
import type { Incident, IncidentStatus, Service, Slo } from '../../shared/protocol/entities';

/** One story minute of churn, and what it hands the feed. */
export interface Churn {
  /** Plays every story minute due by `now` (feed clock) and returns the changes. */
  advanceTo(now: number): EntityChange;
  /** Incidents currently on the feed (open or just resolved). */
  incidents(): Incident[];
}

const MINUTE_MS = 60_000;
/** A new incident every this many story minutes. */
export const INCIDENT_EVERY_MINUTES = 20;
const STEPS: IncidentStatus[] = ['triggered', 'acknowledged', 'investigating', 'identified', 'monitoring', 'resolved'];
// Story minutes spent in each status, then minutes kept resolved before removal.
const STEP_MINUTES = 10;
const KEEP_RESOLVED_MINUTES = 10;

/**
 * Creates the churn over a company. Each incident degrades its service and
 * burns that service's first SLO while it is open; resolving it restores
 * both. Deterministic: the n-th incident always hits the same service.
 */
export function createChurn(services: readonly Service[], slos: readonly Slo[], startAt: number): Churn {
  const open = new Map<string, { incident: Incident; openedAt: number }>();
  const firstSlo = new Map<string, Slo>();
  for (const slo of slos) if (!firstSlo.has(slo.serviceId)) firstSlo.set(slo.serviceId, slo);
  let minute = 0;
  let opened = 0;

  function play(at: number, change: { upsert: { services: Service[]; slos: Slo[]; incidents: Incident[] }; remove: { incidents: string[] } }): void {
    const { upsert, remove } = change;
    for (const [id, entry] of open) {
      const step = Math.floor((at - entry.openedAt) / (STEP_MINUTES * MINUTE_MS));
      const status = STEPS[Math.min(step, STEPS.length - 1)]!;
      const service = services.find((s) => s.id === entry.incident.serviceIds[0]);
      const slo = service ? firstSlo.get(service.id) : undefined;
      if (status === 'resolved' && at - entry.openedAt >= (STEPS.length - 1 + KEEP_RESOLVED_MINUTES / STEP_MINUTES) * STEP_MINUTES * MINUTE_MS) {
        open.delete(id);
        remove.incidents.push(id);
        continue;
      }
      if (status === entry.incident.status) continue;
      entry.incident = { ...entry.incident, status, ...(status === 'acknowledged' ? { acknowledgedAt: at } : {}), ...(status === 'resolved' ? { resolvedAt: at } : {}) };
      upsert.incidents.push(entry.incident);
      if (status === 'resolved' && service) {
        upsert.services.push({ ...service, status: 'ok', updatedAt: at });
        if (slo) upsert.slos.push({ ...slo, updatedAt: at });
      }
    }
    if ((minute - 1) % INCIDENT_EVERY_MINUTES === 0 && services.length > 0) {
      const service = services[(opened * 7919) % services.length]!;
      const id = `churn-${opened}`;
      const incident: Incident = { id, title: `${service.name}: error rate above objective`, severity: opened % 3 === 0 ? 'sev2' : 'sev3', status: 'triggered', serviceIds: [service.id], startedAt: at };
      opened += 1;
      open.set(id, { incident, openedAt: at });
      upsert.incidents.push(incident);
      upsert.services.push({ ...service, status: 'degraded', message: 'Error rate above objective', updatedAt: at });
      const slo = firstSlo.get(service.id);
      const hot = { '5m': 0.03, '30m': 0.03, '1h': 0.03, '2h': 0.02, '6h': 0.02 };
      if (slo) upsert.slos.push({ ...slo, errorRatio: { ...slo.errorRatio, ...hot }, updatedAt: at });
    }
  }

  return {
    advanceTo(now) {
      const change = { upsert: { services: [] as Service[], slos: [] as Slo[], incidents: [] as Incident[] }, remove: { incidents: [] as string[] } };
      while (startAt + (minute + 1) * MINUTE_MS <= now) {
        minute += 1;
        play(startAt + minute * MINUTE_MS, change);
      }
      // Several minutes in one call: only the last state of each entity is sent.
      const removed = new Set(change.remove.incidents);
      const last = <T extends { id: string }>(list: T[]) => [...new Map(list.map((e) => [e.id, e])).values()];
      change.upsert.incidents = last(change.upsert.incidents).filter((i: Incident) => !removed.has(i.id));
      change.upsert.services = last(change.upsert.services);
      change.upsert.slos = last(change.upsert.slos);
      return change;
    },
    incidents: () => [...open.values()].map((e) => e.incident),
  };
}
