import type { CliOptions } from '../cliArgs';
import { DEFAULT_INCIDENT_RULES } from './alertmanager';
import { PRESETS } from './mapping';
import type { ShortWindow, SloRulesPreset } from './mapping';
import type { PrometheusSourceOptions } from './prometheusSource';
import { DEFAULT_UP_RULES } from './status';

/** The preset named by the options, with their query and label overrides; a window named `none` is not queried. */
export function presetFromOptions(o: CliOptions): SloRulesPreset {
  const base = PRESETS[o.preset ?? 'sloth'];
  const windows: SloRulesPreset['windows'] = { ...base.windows };
  for (const [window, name] of Object.entries(o.windows ?? {})) {
    if (name === 'none') delete windows[window as ShortWindow];
    else windows[window as ShortWindow] = name;
  }
  return {
    errorRatio: o.queryErrorRatio ?? base.errorRatio,
    windows,
    periodRatio: o.queryPeriodRatio ?? base.periodRatio,
    objective: o.queryObjective ?? base.objective,
    periodDays: o.queryPeriodDays ?? base.periodDays,
    idLabel: o.labelId ?? base.idLabel,
    serviceLabel: o.labelService ?? base.serviceLabel,
    nameLabel: o.labelName ?? base.nameLabel,
  };
}

/** What the Prometheus source needs, from the feed's settings (flags and config file). */
export function prometheusSourceOptions(o: CliOptions & { prometheus: string }, log: (line: string) => void): PrometheusSourceOptions {
  const d = DEFAULT_INCIDENT_RULES;
  return {
    url: o.prometheus,
    alertmanagerUrl: o.alertmanager,
    intervalSeconds: o.interval,
    preset: presetFromOptions(o),
    upQuery: o.queryUp,
    upRules: {
      jobLabel: o.upJobLabel ?? DEFAULT_UP_RULES.jobLabel,
      serviceLabel: o.upServiceLabel ?? DEFAULT_UP_RULES.serviceLabel,
      serviceJobs: o.serviceJobs ?? {},
    },
    incidentRules: {
      groupBy: o.groupBy ?? d.groupBy,
      severityLabel: o.severityLabel ?? d.severityLabel,
      severities: o.severities ?? d.severities,
      serviceLabel: o.alertServiceLabel ?? d.serviceLabel,
      resolvedRetentionMs: o.resolvedRetentionMs ?? d.resolvedRetentionMs,
    },
    log,
  };
}
