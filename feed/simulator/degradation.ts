import type { Severity } from '../../shared/protocol/entities';
import type { Random } from '../random';
import { MINUTE_MS } from '../trailingWindow';
import { AVAILABILITY_CAUSES, LATENCY_CAUSES } from './catalog';
import type { Degradation, ServiceState } from './entities';
import type { IncidentOpening } from './incidents';

// Half the burns are slow (below 6x: tickets at most), a fifth are fast enough to page.
const BURN_RATES: Array<[number, number]> = [[1.5, 6], [6, 15], [15, 40]];
const OPEN_CHANCE: Record<Severity, number> = { sev1: 0.95, sev2: 0.95, sev3: 0.6, sev4: 0.15 };

/**
 * Starts a burn on a service: either its availability SLOs or its latency
 * SLOs get a burn episode from `startedAt`, its status follows the burn
 * rate, and a fast burn on a critical service usually opens an incident
 * (returned for the caller to open).
 */
export function beginDegradation(s: ServiceState, startedAt: number, rng: Random): { degradation: Degradation; incident: IncidentOpening | null } {
  const availability = s.slos.filter((slo) => slo.model.kind === 'availability');
  const latency = s.slos.filter((slo) => slo.model.kind === 'latency');
  const kind = latency.length > 0 && (availability.length === 0 || rng.chance(0.35)) ? 'latency' : 'availability';
  const [low, high] = rng.weighted(BURN_RATES, [5, 3, 2]);
  const rate = Math.round(rng.range(low, high) * 10) / 10;
  const minutes = rate < 6 ? rng.range(3, 12) : rng.range(2, 8);
  const isSevere = rate >= 15 && kind === 'availability';
  const status = isSevere ? (rng.chance(0.5) ? 'down' : 'degraded') : rate >= 6 ? 'degraded' : 'ok';
  const cause = rng.pick(kind === 'latency' ? LATENCY_CAUSES : AVAILABILITY_CAUSES);
  const burning = kind === 'latency' ? latency : availability;
  const degradation: Degradation = { kind, rate, endsAt: startedAt + Math.round(minutes * MINUTE_MS), status, cause, sloIds: burning.map((slo) => slo.model.id) };
  for (const slo of burning) slo.episodes.push({ errorRatio: Math.min(1, rate * (1 - slo.model.objective)), startedAt });
  const tier = s.model.tier;
  const severity: Severity = rate >= 15 && tier === 1 ? 'sev1' : rate >= 15 || (tier === 1 && rate >= 6) ? 'sev2' : rate >= 6 ? 'sev3' : 'sev4';
  const incident = rng.chance(OPEN_CHANCE[severity])
    ? { severity, title: `${s.model.name}: ${cause}`, serviceIds: [s.model.id], team: s.model.team, cause, waitsForRecovery: true }
    : null;
  return { degradation, incident };
}
