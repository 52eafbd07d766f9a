import { RATIO_WINDOWS } from '../../shared/protocol/entities';
import type { RatioWindow, Service, ServiceStatus, Slo } from '../../shared/protocol/entities';
import type { Random } from '../random';
import { liveEpisodes, trailingRatios } from '../trailingWindow';
import type { BurnEpisode } from '../trailingWindow';
import type { ServiceModel, SloModel } from './company';

/** A burn in progress on one service. */
export interface Degradation {
  kind: 'availability' | 'latency';
  /** Burn rate of the affected SLOs. */
  rate: number;
  endsAt: number;
  status: ServiceStatus;
  cause: string;
  sloIds: string[];
  incidentId?: string;
}

/** A simulated service as it is now. */
export interface ServiceState {
  model: ServiceModel;
  slos: SloState[];
  /** Mean-reverting random walk of log traffic: traffic drifts but comes back. */
  walk: number;
  degradation?: Degradation;
  /** Maintenance or a silent exporter, until a time. */
  quiet?: { status: 'maintenance' | 'unknown'; message: string; until: number };
  entity: Service;
}

/** A simulated SLO as it is now. */
export interface SloState {
  model: SloModel;
  episodes: BurnEpisode[];
  entity: Slo;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// Twelve significant digits are far beyond what a burn rate needs and keep
// a 100,000-SLO snapshot a third smaller than full doubles would.
function rounded(ratios: Record<RatioWindow, number>): Record<RatioWindow, number> {
  const out = { ...ratios };
  for (const key of RATIO_WINDOWS) out[key] = Number(ratios[key].toPrecision(12));
  return out;
}

/** The SLO as the feed sends it, its ratios computed at `now` from its burns. */
export function sloEntity(slo: Pick<SloState, 'model' | 'episodes'>, now: number): Slo {
  const { model } = slo;
  slo.episodes = liveEpisodes(slo.episodes, now, model.windowDays);
  return {
    id: model.id,
    serviceId: model.serviceId,
    name: model.name,
    objective: model.objective,
    windowDays: model.windowDays,
    errorRatio: rounded(trailingRatios(slo.episodes, model.baseline, now, model.windowDays)),
    updatedAt: now,
  };
}

/**
 * The service as the feed sends it. Its signals drift a little on every
 * refresh, and agree with its SLOs: the error ratio is the worst 5m ratio of
 * its availability SLOs, latency and saturation rise with a burn.
 */
export function serviceEntity(s: ServiceState, now: number, rng: Random): Service {
  const { model, degradation, quiet } = s;
  s.walk = s.walk * 0.85 + rng.range(-0.06, 0.06);
  const availability = s.slos.filter((slo) => slo.model.kind === 'availability');
  const errorRatio = availability.length
    ? Math.max(...availability.map((slo) => slo.entity.errorRatio['5m'] ?? 0))
    : rng.range(0, 0.0005) + (degradation?.kind === 'availability' ? 0.01 * degradation.rate : 0);
  const latencyFactor = degradation?.kind === 'latency' ? 1 + degradation.rate / 4 : 1;
  const saturation = model.base.saturation + (degradation ? 0.25 : 0) + rng.range(-0.05, 0.05);
  const status: ServiceStatus = quiet?.status ?? degradation?.status ?? 'ok';
  const entity: Service = {
    id: model.id,
    name: model.name,
    team: model.team,
    tier: model.tier,
    status,
    signals: {
      rps: Math.round(model.base.rps * Math.exp(s.walk) * (status === 'down' ? 0.4 : 1) * 10) / 10,
      errorRatio: round6(Math.min(1, errorRatio)),
      latencyP99Ms: Math.round(model.base.latencyP99Ms * latencyFactor * (1 + rng.range(-0.08, 0.08))),
      saturation: round6(Math.min(1, Math.max(0, saturation))),
    },
    updatedAt: now,
  };
  if (quiet) entity.message = quiet.message;
  else if (degradation && degradation.status !== 'ok') entity.message = degradation.cause;
  if (status === 'unknown') delete entity.signals;
  return entity;
}
