import type { CliOptions } from './cliArgs';
import { SEVERITY_MAP, WINDOW_MAP } from './settingKinds';
import type { Kind } from './settingKinds';

/** Which source a setting belongs to; settings without one apply to every source. */
export type SourceName = 'simulator' | 'scenario' | 'prometheus';

/** One setting of the feed: its option, its flag, its key in the config file, and its help line. */
export interface SettingSpec {
  key: keyof CliOptions;
  /** Dotted key in the config file: `port`, `prometheus.url`. */
  path: string;
  /** Command-line flag; a setting without one lives in the config file only. */
  flag?: string;
  /** Placeholder for the help line: `--port P`. */
  arg?: string;
  kind: Kind;
  help: string;
  only?: SourceName;
  /** A file name: relative names in a config file are read from the config file's folder. */
  isFile?: boolean;
}

/**
 * Every setting of the feed, in help order. Adding one here gives it a flag,
 * a config-file key, a help line and validation; give it a field in CliOptions
 * and pass it on in cli.ts.
 */
export const SETTINGS: readonly SettingSpec[] = [
  { key: 'port', path: 'port', flag: '--port', arg: 'P', kind: { int: [0, 65_535] }, help: 'port to listen on (default 8090; 0 picks a free one)' },
  { key: 'host', path: 'host', flag: '--host', arg: 'H', kind: 'string', help: 'address to listen on (default 127.0.0.1)' },
  { key: 'token', path: 'token', flag: '--token', arg: 'T', kind: 'string', help: 'require this token from clients' },
  { key: 'tokenFile', path: 'tokenFile', flag: '--token-file', arg: 'F', kind: 'string', isFile: true, help: 'read the token from a file (keeps it out of the process list)' },
  { key: 'heartbeatMs', path: 'heartbeatMs', flag: '--heartbeat-ms', arg: 'MS', kind: { int: [50, 3_600_000] }, help: 'silence before a heartbeat (default 5000)' },
  { key: 'allowedOrigins', path: 'allowedOrigins', flag: '--allowed-origins', arg: 'O,…', kind: 'list', help: 'browser origins allowed to connect (default all)' },
  { key: 'maxConnections', path: 'maxConnections', flag: '--max-connections', arg: 'N', kind: { int: [1, 1_000_000] }, help: 'connections at once (default 1000)' },
  { key: 'source', path: 'source', flag: '--source', arg: 'S', kind: { oneOf: ['simulator', 'scenario', 'prometheus'] }, help: 'simulator (default), scenario or prometheus' },
  { key: 'seed', path: 'seed', flag: '--seed', arg: 'N', kind: { int: [-2_147_483_648, 4_294_967_295] }, only: 'simulator', help: 'simulator seed (default 1): same seed, same company and story' },
  { key: 'services', path: 'services', flag: '--services', arg: 'N', kind: { int: [1, 20_000] }, only: 'simulator', help: 'simulated services (default 40, at most 20000)' },
  { key: 'slos', path: 'slos', flag: '--slos', arg: 'N', kind: { int: [1, 250_000] }, only: 'simulator', help: 'simulated SLOs in total (default 1 to 4 per service)' },
  { key: 'tickMs', path: 'tickMs', flag: '--tick-ms', arg: 'MS', kind: { int: [10, 3_600_000] }, only: 'simulator', help: 'simulator step (default 1000)' },
  { key: 'scenario', path: 'scenario', flag: '--scenario', arg: 'FILE', kind: 'string', only: 'scenario', isFile: true, help: 'play a JSON or YAML scenario instead (see docs/scenarios.md)' },
  { key: 'speed', path: 'speed', flag: '--speed', arg: 'X', kind: { number: [0.01, 100_000] }, only: 'scenario', help: 'scenario seconds per real second (default 1)' },
  // Prometheus and Alertmanager (docs/prometheus.md).
  { key: 'prometheus', path: 'prometheus.url', flag: '--prometheus', arg: 'URL', kind: 'url', only: 'prometheus', help: 'Prometheus base URL (with --source prometheus)' },
  { key: 'interval', path: 'prometheus.interval', flag: '--interval', arg: 'S', kind: { number: [0.5, 3_600] }, only: 'prometheus', help: 'seconds between polls (default 15)' },
  { key: 'preset', path: 'prometheus.preset', flag: '--preset', arg: 'P', kind: { oneOf: ['sloth', 'pyrra'] }, only: 'prometheus', help: 'SLO recording rules: sloth (default) or pyrra' },
  { key: 'queryErrorRatio', path: 'prometheus.queries.errorRatio', flag: '--query-error-ratio', arg: 'Q', kind: 'string', only: 'prometheus', help: 'query per window, {window} replaced by its name' },
  { key: 'queryPeriodRatio', path: 'prometheus.queries.periodRatio', flag: '--query-period-ratio', arg: 'Q', kind: 'string', only: 'prometheus', help: 'error ratio over the whole SLO period' },
  { key: 'queryObjective', path: 'prometheus.queries.objective', flag: '--query-objective', arg: 'Q', kind: 'string', only: 'prometheus', help: 'objective of each SLO (0..1)' },
  { key: 'queryPeriodDays', path: 'prometheus.queries.periodDays', flag: '--query-period-days', arg: 'Q', kind: 'string', only: 'prometheus', help: 'SLO period in days' },
  { key: 'labelId', path: 'prometheus.labels.id', flag: '--label-id', arg: 'L', kind: 'string', only: 'prometheus', help: 'label holding the SLO id' },
  { key: 'labelService', path: 'prometheus.labels.service', flag: '--label-service', arg: 'L', kind: 'string', only: 'prometheus', help: "label holding the SLO's service" },
  { key: 'labelName', path: 'prometheus.labels.name', flag: '--label-name', arg: 'L', kind: 'string', only: 'prometheus', help: "label holding the SLO's display name" },
  { key: 'windows', path: 'prometheus.windows', flag: '--windows', arg: 'W=N,…', kind: WINDOW_MAP, only: 'prometheus', help: 'name put in {window} per window, none skips it (3d=4d…)' },
  { key: 'queryUp', path: 'prometheus.up.query', flag: '--query-up', arg: 'Q', kind: 'string', only: 'prometheus', help: 'scrape health query (default up)' },
  { key: 'upJobLabel', path: 'prometheus.up.jobLabel', flag: '--up-job-label', arg: 'L', kind: 'string', only: 'prometheus', help: 'label naming the job on up (default job)' },
  { key: 'upServiceLabel', path: 'prometheus.up.serviceLabel', flag: '--up-service-label', arg: 'L', kind: 'string', only: 'prometheus', help: 'label naming the service on up (default service)' },
  { key: 'serviceJobs', path: 'prometheus.up.services', flag: '--service-jobs', arg: 'S=J|J,…', kind: 'jobs', only: 'prometheus', help: "a service's jobs (default: the job named like it)" },
  { key: 'alertmanager', path: 'alertmanager.url', flag: '--alertmanager', arg: 'URL', kind: 'url', only: 'prometheus', help: 'Alertmanager base URL: its alerts become incidents' },
  { key: 'groupBy', path: 'alertmanager.groupBy', flag: '--group-by', arg: 'L,…', kind: 'list', only: 'prometheus', help: 'labels grouping alerts into incidents (default alertname,service)' },
  { key: 'severityLabel', path: 'alertmanager.severityLabel', flag: '--severity-label', arg: 'L', kind: 'string', only: 'prometheus', help: 'label holding the severity (default severity)' },
  { key: 'severities', path: 'alertmanager.severities', flag: '--severities', arg: 'V=sevN,…', kind: SEVERITY_MAP, only: 'prometheus', help: 'severity values (default critical=sev1,page=sev1,error=sev2,warning=sev3,info=sev4)' },
  { key: 'alertServiceLabel', path: 'alertmanager.serviceLabel', flag: '--alert-service-label', arg: 'L', kind: 'string', only: 'prometheus', help: "label naming an alert's service (default service)" },
  { key: 'resolvedRetentionMs', path: 'alertmanager.resolvedRetention', flag: '--resolved-retention', arg: 'D', kind: { duration: [0, 7 * 86_400_000] }, only: 'prometheus', help: 'how long a resolved incident stays (default 1h)' },
];

/** The setting a flag sets. */
export const settingByFlag = (flag: string): SettingSpec | undefined => SETTINGS.find((s) => s.flag === flag);

/** The help lines of every flag, in table order. */
export function flagHelp(): string {
  return SETTINGS.filter((s) => s.flag)
    .map((s) => {
      const left = `  ${s.flag} ${s.arg ?? ''}`;
      return left.length < 25 ? `${left.padEnd(26)}${s.help}` : `${left}\n${' '.repeat(26)}${s.help}`;
    })
    .join('\n');
}
