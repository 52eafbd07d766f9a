import type { RatioWindow, Slo } from '../../shared/protocol/entities';
import type { Sample } from './client';

/** The windows read through `errorRatio`; `window` comes from `periodRatio`. */
export const SHORT_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
/** One of {@link SHORT_WINDOWS}. */
export type ShortWindow = (typeof SHORT_WINDOWS)[number];

/** Query templates and label names that turn SLO recording rules into services and SLOs. */
export interface SloRulesPreset {
  /** One query per window; `{window}` is replaced by that window's name in `windows`. */
  errorRatio: string;
  /**
   * The name put in `{window}` for each protocol window. A window missing
   * here is not queried and stays absent from the SLO (the rules do not
   * record it), which the wall reads as no data.
   */
  windows: Partial<Record<ShortWindow, string>>;
  /** The ratio over the whole SLO period. */
  periodRatio: string;
  objective: string;
  periodDays: string;
  /** Labels naming the SLO (unique id), its service and its display name. */
  idLabel: string;
  serviceLabel: string;
  nameLabel: string;
}

const SAME_NAMES = Object.fromEntries(['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map((w) => [w, w])) as Record<ShortWindow, string>;

/** Sloth's recording rules (https://sloth.dev). */
export const SLOTH_PRESET: SloRulesPreset = {
  errorRatio: 'slo:sli_error:ratio_rate{window}',
  windows: SAME_NAMES,
  periodRatio: 'slo:sli_error:ratio_rate30d',
  objective: 'slo:objective:ratio',
  periodDays: 'slo:time_period:days',
  idLabel: 'sloth_id',
  serviceLabel: 'sloth_service',
  nameLabel: 'sloth_slo',
};

/**
 * Pyrra's recording rules. Pyrra names its per-window error ratios after the
 * SLO's metric (`http_requests:burnrate5m`, labelled `slo`), so they are
 * matched by name suffix. Its windows scale with the SLO's period: a 4w SLO
 * records 5m, 30m, 1h, 2h, 6h, 1d and 4d. 4d is no protocol window, so 3d
 * stays absent. `pyrra_objective`, `pyrra_window` (seconds) and
 * `pyrra_availability` come from Pyrra's generic rules; the service comes
 * from a `service` label, which Pyrra copies from the SLO's
 * `pyrra.dev/service` label.
 */
export const PYRRA_PRESET: SloRulesPreset = {
  errorRatio: '{__name__=~".+:burnrate{window}",slo!=""}',
  windows: { '5m': '5m', '30m': '30m', '1h': '1h', '2h': '2h', '6h': '6h', '1d': '1d' },
  periodRatio: '1 - pyrra_availability',
  objective: 'pyrra_objective',
  periodDays: 'pyrra_window / 86400',
  idLabel: 'slo',
  serviceLabel: 'service',
  nameLabel: 'slo',
};

/** The presets by the name the config and `--preset` use. */
export const PRESETS: Record<'sloth' | 'pyrra', SloRulesPreset> = { sloth: SLOTH_PRESET, pyrra: PYRRA_PRESET };

/** Raw query results, one list per query; a window without a key was not queried. */
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
    for (const window of Object.keys(ratios) as RatioWindow[]) errorRatio[window] = finiteRatio(ratios[window]?.get(id)?.value);
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
