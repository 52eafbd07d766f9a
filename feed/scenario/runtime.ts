import type { ErrorRatios, Service, Slo } from '../../shared/protocol/entities';
import { liveEpisodes, trailingRatios } from '../trailingWindow';
import type { BurnEpisode } from '../trailingWindow';
import type { ScenarioService, ScenarioSlo } from './scenario';

/** An SLO while a scenario plays. */
export interface SloRuntime {
  def: ScenarioSlo;
  episodes: BurnEpisode[];
  pinned: ErrorRatios;
  entity: Slo;
}

/** A service while a scenario plays. */
export interface ServiceRuntime {
  def: ScenarioService;
  status: Service['status'];
  message?: string;
  entity: Service;
}

/** The SLO as the feed sends it: trailing windows at `now`, pinned ratios over them. */
export function sloEntity(slo: SloRuntime, now: number): Slo {
  const { def } = slo;
  slo.episodes = liveEpisodes(slo.episodes, now, def.windowDays);
  const errorRatio: ErrorRatios = { ...trailingRatios(slo.episodes, def.baseline, now, def.windowDays), ...slo.pinned };
  return { id: def.id, serviceId: def.serviceId, name: def.name, objective: def.objective, windowDays: def.windowDays, errorRatio, updatedAt: now };
}

/** The service as the feed sends it; its error signal agrees with its availability SLOs' 5m window. */
export function serviceEntity(service: ServiceRuntime, slos: readonly SloRuntime[], now: number): Service {
  const { def } = service;
  const entity: Service = { id: def.id, name: def.name, status: service.status, updatedAt: now };
  if (def.team !== undefined) entity.team = def.team;
  if (def.tier !== undefined) entity.tier = def.tier;
  if (service.message !== undefined) entity.message = service.message;
  const ratios = slos.filter((s) => s.def.kind === 'availability').map((s) => s.entity?.errorRatio['5m']);
  const known = ratios.filter((r): r is number => typeof r === 'number');
  if (def.signals || known.length) entity.signals = { ...def.signals, ...(known.length ? { errorRatio: Math.max(...known) } : {}) };
  return entity;
}
