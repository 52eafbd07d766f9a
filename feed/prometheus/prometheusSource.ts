import type { Incident, Service, Slo } from '../../shared/protocol/entities';
import type { FeedSource, SourceContext } from '../source';
import { DEFAULT_INCIDENT_RULES, fetchAlerts, mapIncidents } from './alertmanager';
import type { IncidentRules } from './alertmanager';
import { PromQueryError, queryInstant } from './client';
import type { Sample } from './client';
import { mapServices, mapSlos, SHORT_WINDOWS, SLOTH_PRESET } from './mapping';
import type { SloQueryResults, SloRulesPreset } from './mapping';

/** How to read SLOs from Prometheus. */
export interface PrometheusSourceOptions {
  url: string;
  /** Alertmanager's base URL: its alerts become incidents. */
  alertmanagerUrl?: string;
  incidentRules?: IncidentRules;
  /** Seconds between polls; 15 by default. */
  intervalSeconds?: number;
  preset?: SloRulesPreset;
  /** Query giving each job's `up`, and the label naming its service. */
  upQuery?: string;
  upServiceLabel?: string;
  /** Longest wait between retries while Prometheus is down; 60 s by default. */
  maxBackoffMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * A feed source polling Prometheus. When Prometheus fails, nothing is
 * emitted, so walls keep the last values with their old `updatedAt` and show
 * them stale; polls back off (doubling up to `maxBackoffMs`) and recover on
 * their own. The failure is logged once per change of state.
 */
export function createPrometheusSource(options: PrometheusSourceOptions): FeedSource {
  const preset = options.preset ?? SLOTH_PRESET;
  const intervalMs = (options.intervalSeconds ?? 15) * 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const log = options.log ?? (() => undefined);
  let slos: Slo[] = [];
  let services: Service[] = [];
  let incidents: Incident[] = [];
  let amFailing = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing: string | undefined;
  let delayMs = intervalMs;

  const q = (query: string) => queryInstant(options.url, query, options.timeoutMs ?? Math.max(1000, intervalMs));
  async function skippable(query: string): Promise<Sample[]> {
    try {
      return await q(query);
    } catch (error) {
      if (error instanceof PromQueryError && error.kind === 'unexpected') {
        log(`prometheus: skipped: ${error.message}`);
        return [];
      }
      throw error;
    }
  }

  // Alertmanager fails on its own: the SLOs keep flowing and the incidents keep their last state.
  async function pollAlerts(context: SourceContext): Promise<void> {
    if (options.alertmanagerUrl === undefined) return;
    try {
      const alerts = await fetchAlerts(options.alertmanagerUrl, options.timeoutMs ?? Math.max(1000, intervalMs));
      if (amFailing) log(`alertmanager: recovered (${options.alertmanagerUrl})`);
      amFailing = false;
      const next = mapIncidents(alerts, incidents, options.incidentRules ?? DEFAULT_INCIDENT_RULES, context.clock());
      const changed = next.filter((n) => JSON.stringify(incidents.find((o) => o.id === n.id)) !== JSON.stringify(n));
      incidents = next;
      if (!stopped) context.emit({ upsert: { incidents: changed } });
    } catch (error) {
      if (!amFailing) log(`alertmanager: failing, keeping last incidents: ${(error as Error).message}`);
      amFailing = true;
    }
  }

  async function poll(context: SourceContext): Promise<void> {
    await pollAlerts(context);
    const ratios: SloQueryResults['ratios'] = {};
    const windows = await Promise.all(SHORT_WINDOWS.map((w) => skippable(preset.errorRatio.replaceAll('{window}', w))));
    SHORT_WINDOWS.forEach((w, i) => (ratios[w] = windows[i]));
    const [period, objective, periodDays, up] = await Promise.all(
      [preset.periodRatio, preset.objective, preset.periodDays, options.upQuery ?? 'up'].map(skippable),
    );
    ratios.window = period;
    if (stopped) return;
    const now = context.clock();
    const next = mapSlos({ ratios, objective: objective!, periodDays: periodDays! }, preset, now);
    const upLabel = options.upServiceLabel ?? 'service';
    const upByService = new Map<string, number[]>();
    for (const s of up!) {
      const id = s.labels[upLabel];
      if (id) upByService.set(id, [...(upByService.get(id) ?? []), s.value]);
    }
    const nextServices = mapServices(next, upByService, now);
    const goneSlos = slos.filter((s) => !next.some((n) => n.id === s.id)).map((s) => s.id);
    const goneServices = services.filter((s) => !nextServices.some((n) => n.id === s.id)).map((s) => s.id);
    slos = next;
    services = nextServices;
    context.emit({ upsert: { services, slos }, remove: { services: goneServices, slos: goneSlos } });
  }

  function schedule(context: SourceContext, ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      poll(context).then(
        () => {
          if (failing !== undefined) log(`prometheus: recovered (${options.url})`);
          failing = undefined;
          delayMs = intervalMs;
          schedule(context, intervalMs);
        },
        (error: Error) => {
          if (failing !== error.message.replace(/\d+ms/g, '')) log(`prometheus: failing, keeping last values: ${error.message}`);
          failing = error.message.replace(/\d+ms/g, '');
          delayMs = Math.min(maxBackoffMs, delayMs * 2);
          schedule(context, delayMs);
        },
      );
    }, ms);
  }

  return {
    description: `prometheus (${options.url}, every ${intervalMs / 1000} s)`,
    snapshot: () => ({ services, slos, incidents }),
    start(context) {
      schedule(context, 0);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
