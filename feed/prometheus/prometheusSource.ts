import type { Incident, Service, Slo } from '../../shared/protocol/entities';
import type { FeedSource, SourceContext } from '../source';
import { DEFAULT_INCIDENT_RULES, fetchAlerts, mapIncidents } from './alertmanager';
import type { IncidentRules } from './alertmanager';
import { PromQueryError, queryInstant } from './client';
import type { Sample } from './client';
import { mapSlos, SHORT_WINDOWS, SLOTH_PRESET } from './mapping';
import type { SloQueryResults, SloRulesPreset } from './mapping';
import { createPoller } from './poller';
import { DEFAULT_UP_RULES, groupUp, mapServices } from './status';
import type { UpRules } from './status';

/** How to read SLOs from Prometheus. */
export interface PrometheusSourceOptions {
  url: string;
  /** Alertmanager's base URL: its alerts become incidents. */
  alertmanagerUrl?: string;
  incidentRules?: IncidentRules;
  /** Seconds between polls; 15 by default. */
  intervalSeconds?: number;
  preset?: SloRulesPreset;
  /** Query giving each scrape target's health; `up` by default. */
  upQuery?: string;
  /** Which `up` series belong to which service. */
  upRules?: UpRules;
  /** Longest wait between retries while Prometheus or Alertmanager is down; 60 s by default. */
  maxBackoffMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A feed source polling Prometheus, and Alertmanager on a loop of its own.
 * When either fails, nothing of its part is emitted, so walls keep the last
 * values with their old `updatedAt` and show them stale; the loop backs off
 * and recovers on its own, logging the failure once per change of state.
 */
export function createPrometheusSource(options: PrometheusSourceOptions): FeedSource {
  const preset = options.preset ?? SLOTH_PRESET;
  const upRules = options.upRules ?? DEFAULT_UP_RULES;
  const intervalMs = (options.intervalSeconds ?? 15) * 1000;
  const timeoutMs = options.timeoutMs ?? Math.max(1000, intervalMs);
  const log = options.log ?? (() => undefined);
  const windows = SHORT_WINDOWS.filter((w) => preset.windows[w] !== undefined);
  let slos: Slo[] = [];
  let services: Service[] = [];
  let incidents: Incident[] = [];
  let isStopped = false;

  async function skippable(query: string): Promise<Sample[]> {
    try {
      return await queryInstant(options.url, query, timeoutMs);
    } catch (error) {
      if (error instanceof PromQueryError && error.kind === 'unexpected') {
        log(`prometheus: skipped: ${error.message}`);
        return [];
      }
      throw error;
    }
  }

  async function pollAlerts(context: SourceContext): Promise<void> {
    const alerts = await fetchAlerts(options.alertmanagerUrl!, timeoutMs);
    if (isStopped) return;
    const next = mapIncidents(alerts, incidents, options.incidentRules ?? DEFAULT_INCIDENT_RULES, context.clock());
    const changed = next.filter((n) => !same(incidents.find((o) => o.id === n.id), n));
    const gone = incidents.filter((o) => !next.some((n) => n.id === o.id)).map((o) => o.id);
    incidents = next;
    context.emit({ upsert: { incidents: changed }, remove: { incidents: gone } });
  }

  async function pollPrometheus(context: SourceContext): Promise<void> {
    const ratios: SloQueryResults['ratios'] = {};
    const results = await Promise.all(windows.map((w) => skippable(preset.errorRatio.replaceAll('{window}', preset.windows[w]!))));
    windows.forEach((w, i) => (ratios[w] = results[i]));
    const [period, objective, periodDays, up] = await Promise.all([preset.periodRatio, preset.objective, preset.periodDays, options.upQuery ?? 'up'].map(skippable));
    ratios.window = period;
    if (isStopped) return;
    const now = context.clock();
    const next = mapSlos({ ratios, objective: objective!, periodDays: periodDays! }, preset, now);
    const nextServices = mapServices(next, groupUp(up!, upRules), Object.keys(upRules.serviceJobs), now);
    const goneSlos = slos.filter((s) => !next.some((n) => n.id === s.id)).map((s) => s.id);
    const goneServices = services.filter((s) => !nextServices.some((n) => n.id === s.id)).map((s) => s.id);
    slos = next;
    services = nextServices;
    context.emit({ upsert: { services, slos }, remove: { services: goneServices, slos: goneSlos } });
  }

  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const pollers: { stop(): void }[] = [];
  return {
    description: `prometheus (${options.url}${options.alertmanagerUrl ? `, alertmanager ${options.alertmanagerUrl}` : ''}, every ${intervalMs / 1000} s)`,
    snapshot: () => ({ services, slos, incidents }),
    start(context) {
      const common = { intervalMs, maxBackoffMs, log };
      const prometheus = createPoller({ ...common, name: 'prometheus', url: options.url, keeps: 'last values', poll: () => pollPrometheus(context) });
      pollers.push(prometheus);
      prometheus.start();
      if (options.alertmanagerUrl !== undefined) {
        const url = options.alertmanagerUrl;
        const alerts = createPoller({ ...common, name: 'alertmanager', url, keeps: 'last incidents', poll: () => pollAlerts(context) });
        pollers.push(alerts);
        alerts.start();
      }
    },
    stop() {
      isStopped = true;
      for (const poller of pollers) poller.stop();
    },
  };
}
