import type { RatioWindow, Service, ServiceStatus, Slo } from '../../shared/protocol/entities';
import type { Sample } from './client';

/** Query templates and label names that turn SLO recording rules into services and SLOs. */
export interface SloRulesPreset {
  /** One query per window; `{window}` in `errorRatio` is replaced by the window name (5m … 3d). */
  errorRatio: string;
  /** The ratio over the whole SLO period. */
  periodRatio: string;
  objective: string;
  periodDays: string;
  /** Labels naming the SLO (unique id), its service and its display name. */
  idLabel: string;
  serviceLabel: string;
  nameLabel: string;
}

/** Sloth's recording rules (https://sloth.dev). */
export const SLOTH_PRESET: SloRulesPreset = {
  errorRatio: 'slo:sli_error:ratio_rate{window}',
  periodRatio: 'slo:sli_error:ratio_rate30d',
  objective: 'slo:objective:ratio',
  periodDays: 'slo:time_period:days',
  idLabel: 'sloth_id',
  serviceLabel: 'sloth_service',
  nameLabel: 'sloth_slo',
};

/**
 * Pyrra's recording rules: Pyrra records per-window error ratios named after
 * the SLO's own metric, so they are matched by the `slo` label through
 * `{__name__=~".*:burnrate{window}"}`, and its objective/period come from
 * `pyrra_objective` and `pyrra_window` (seconds, hence the division).
 */
export const PYRRA_PRESET: SloRulesPreset = {
  errorRatio: '{__name__=~".+:burnrate{window}"}',
  periodRatio: '1 - pyrra_availability',
  objective: 'pyrra_objective',
  periodDays: 'pyrra_window / 86400',
  idLabel: 'slo',
  serviceLabel: 'namespace',
  nameLabel: 'slo',
};

/** The windows read through `errorRatio`; `window` comes from `periodRatio`. */
export const SHORT_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/** Raw query results, one list per query. */
export interface SloQueryResults {
  ratios: Partial<Record<RatioWindow, Sample[]>>;
  objective: Sample[];
  periodDays: Sample[];
}

const finiteRatio = (value: number | undefined): number | null =>
  // NaN is what 0/0 gives for a window without requests: no traffic, never 0.
  value === undefined || !Number.isFinite(value) ? null : Math.min(1, Math.max(0, value));

/** Builds SLOs from query results; an SLO needs a valid objective to exist. */
export function mapSlos(results: SloQueryResults, preset: SloRulesPreset, now: number): Slo[] {
  const byId = (samples: Sample[] | undefined) => new Map((samples ?? []).map((s) => [s.labels[preset.idLabel] ?? '', s]));
  const objectives = byId(results.objective);
  const periods = byId(results.periodDays);
  const ratios = Object.fromEntries(Object.entries(results.ratios).map(([w, samples]) => [w, byId(samples)]));
  const slos: Slo[] = [];
  for (const [id, sample] of objectives) {
    const serviceId = sample.labels[preset.serviceLabel];
    if (!id || !serviceId || !(sample.value > 0 && sample.value < 1)) continue;
    const days = periods.get(id)?.value;
    const errorRatio: Slo['errorRatio'] = {};
    for (const window of [...SHORT_WINDOWS, 'window'] as const) errorRatio[window] = finiteRatio(ratios[window]?.get(id)?.value);
    slos.push({
      id,
      serviceId,
      name: sample.labels[preset.nameLabel] ?? id,
      objective: sample.value,
      windowDays: days !== undefined && days > 0 && days <= 366 ? days : 30,
      errorRatio,
      updatedAt: now,
    });
  }
  return slos;
}

/** True when an SLO burns fast enough to page (Google SRE workbook: 14.4x over 1h and 5m, or 6x over 6h and 30m). */
export function isPaging(slo: Slo): boolean {
  const budget = 1 - slo.objective;
  const over = (w: RatioWindow, factor: number) => (slo.errorRatio[w] ?? 0) > factor * budget;
  return (over('1h', 14.4) && over('5m', 14.4)) || (over('6h', 6) && over('30m', 6));
}

/**
 * The status rule: `down` when every `up` series of the service is 0;
 * `degraded` when one of its SLOs pages; `unknown` when no SLO has a single
 * window with data and no `up` series exists; otherwise `ok`.
 */
export function serviceStatus(slos: Slo[], up: number[] | undefined): ServiceStatus {
  if (up && up.length > 0 && up.every((v) => v === 0)) return 'down';
  if (slos.some(isPaging)) return 'degraded';
  const hasData = slos.some((slo) => Object.values(slo.errorRatio).some((v) => v !== null && v !== undefined));
  if (!hasData && !(up && up.length > 0)) return 'unknown';
  return 'ok';
}

/** Services named by the SLOs, with their status; `up` maps a service id to its jobs' `up` values. */
export function mapServices(slos: Slo[], up: Map<string, number[]>, now: number): Service[] {
  const ids = [...new Set(slos.map((slo) => slo.serviceId))].sort();
  return ids.map((id) => ({ id, name: id, status: serviceStatus(slos.filter((s) => s.serviceId === id), up.get(id)), updatedAt: now }));
}
