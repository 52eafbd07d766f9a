import type { Incident, Severity } from '../../shared/protocol/entities';
import { isHttpUrl } from '../../shared/protocol/entities';

/** What Alertmanager's /api/v2/alerts gives for one alert (the fields read here). */
export interface AmAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL?: string;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; silencedBy: string[]; inhibitedBy: string[] };
}

/** How alerts become incidents. */
export interface IncidentRules {
  /** Labels whose values identify one incident; alertname and service by default. */
  groupBy: string[];
  severityLabel: string;
  severities: Record<string, Severity>;
  serviceLabel: string;
  /** How long a resolved incident stays on the feed before it is removed. */
  resolvedRetentionMs: number;
}

/**
 * The default rules: group by alertname and service, `severity` critical or
 * page → sev1, error → sev2, warning → sev3, else sev4; resolved incidents
 * stay one hour.
 */
export const DEFAULT_INCIDENT_RULES: IncidentRules = {
  groupBy: ['alertname', 'service'],
  severityLabel: 'severity',
  severities: { critical: 'sev1', page: 'sev1', error: 'sev2', warning: 'sev3', info: 'sev4' },
  serviceLabel: 'service',
  resolvedRetentionMs: 3_600_000,
};

/** Reads the alerts Alertmanager holds (active, silenced and inhibited). */
export async function fetchAlerts(baseUrl: string, timeoutMs = 5_000): Promise<AmAlert[]> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/v2/alerts`, { signal: AbortSignal.timeout(timeoutMs) });
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error(`alertmanager answered ${JSON.stringify(body).slice(0, 200)}`);
  return body as AmAlert[];
}

const worst = (a: Severity, b: Severity): Severity => (a < b ? a : b);

/**
 * Groups alerts into incidents. A group is acknowledged when every alert in it
 * is silenced or inhibited. An incident of `previous` whose group is gone
 * (its alerts ended) comes back resolved at `now`, and stays resolved until
 * `resolvedRetentionMs` after that; then it is left out.
 */
export function mapIncidents(alerts: AmAlert[], previous: Incident[], rules: IncidentRules, now: number): Incident[] {
  const groups = new Map<string, AmAlert[]>();
  for (const alert of alerts) {
    const key = rules.groupBy.map((l) => alert.labels[l] ?? '').join('/');
    groups.set(key, [...(groups.get(key) ?? []), alert]);
  }
  const incidents: Incident[] = [];
  for (const [key, group] of groups) {
    const id = `am:${key}`.slice(0, 200);
    const before = previous.find((p) => p.id === id);
    const suppressed = group.every((a) => a.status.state === 'suppressed');
    const severity = group.map((a) => rules.severities[a.labels[rules.severityLabel] ?? ''] ?? 'sev4').reduce(worst);
    const first = group[0]!;
    const url = group.map((a) => a.generatorURL).find((u) => u !== undefined && isHttpUrl(u));
    incidents.push({
      id,
      title: first.annotations?.summary ?? first.labels.alertname ?? key,
      severity,
      status: suppressed ? 'acknowledged' : 'triggered',
      serviceIds: [...new Set(group.map((a) => a.labels[rules.serviceLabel]).filter((s): s is string => !!s))].slice(0, 20),
      startedAt: Math.min(...group.map((a) => Date.parse(a.startsAt) || now)),
      ...(suppressed ? { acknowledgedAt: before?.acknowledgedAt ?? now } : {}),
      ...(url ? { url } : {}),
    });
  }
  const current = new Set(incidents.map((i) => i.id));
  for (const old of previous) {
    if (current.has(old.id)) continue;
    if (old.status !== 'resolved') incidents.push({ ...old, status: 'resolved', resolvedAt: now });
    else if (now - (old.resolvedAt ?? now) < rules.resolvedRetentionMs) incidents.push(old);
  }
  return incidents;
}
