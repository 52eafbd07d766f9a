import type { Service, ServiceStatus, Slo } from '../../shared/protocol/entities';
import { evaluateSlo } from '../../shared/slo/evaluate';
import type { Sample } from './client';

/** Which `up` series belong to which service. */
export interface UpRules {
  /** Label naming the scrape job on `up`; `job` by default. */
  jobLabel: string;
  /** Label naming the service on `up`, when the targets carry one; `service` by default. */
  serviceLabel: string;
  /** Service → its jobs. A service listed here takes exactly these jobs. */
  serviceJobs: Record<string, string[]>;
}

/** The default: a target's `service` label, else its job, names its service. */
export const DEFAULT_UP_RULES: UpRules = { jobLabel: 'job', serviceLabel: 'service', serviceJobs: {} };

/**
 * Groups `up` samples by service: a service of `serviceJobs` gets the targets
 * of its jobs; any other service gets the targets whose `service` label, or
 * failing that whose job, is its id.
 */
export function groupUp(samples: Sample[], rules: UpRules): Map<string, number[]> {
  const byService = new Map<string, number[]>();
  const add = (id: string, value: number) => byService.set(id, [...(byService.get(id) ?? []), value]);
  const mapped = Object.entries(rules.serviceJobs);
  for (const sample of samples) {
    const job = sample.labels[rules.jobLabel];
    const own = sample.labels[rules.serviceLabel] || job;
    if (own && !Object.hasOwn(rules.serviceJobs, own)) add(own, sample.value);
    for (const [id, jobs] of mapped) if (job !== undefined && jobs.includes(job)) add(id, sample.value);
  }
  return byService;
}

/** Status and a short reason, for one service. */
export interface StatusVerdict {
  status: ServiceStatus;
  message?: string;
}

/**
 * The status rule, first match wins:
 * - `down` when the service has `up` series and all of them are 0;
 * - `degraded` when some of them are 0, or one of its SLOs is at page level
 *   (the protocol's scaled multiwindow page conditions);
 * - `unknown` when it has no `up` series and no SLO window with data;
 * - `ok` otherwise.
 */
export function serviceStatus(slos: Slo[], up: number[] | undefined): StatusVerdict {
  const targets = up?.length ?? 0;
  const downCount = up?.filter((v) => v === 0).length ?? 0;
  if (targets > 0 && downCount === targets) return { status: 'down', message: `${targets === 1 ? 'its target is' : `all ${targets} targets are`} down` };
  if (downCount > 0) return { status: 'degraded', message: `${downCount} of ${targets} targets down` };
  const paging = slos.find((slo) => evaluateSlo(slo).level === 'page');
  if (paging) return { status: 'degraded', message: `${paging.name.slice(0, 200)} burns its error budget at page level` };
  const hasData = slos.some((slo) => Object.values(slo.errorRatio).some((v) => v !== null && v !== undefined));
  if (!hasData && targets === 0) return { status: 'unknown', message: 'no data in Prometheus' };
  return { status: 'ok' };
}

/** Services named by the SLOs or listed in `serviceIds`, with their status; `up` maps a service id to its targets' `up` values. */
export function mapServices(slos: Slo[], up: Map<string, number[]>, serviceIds: readonly string[], now: number): Service[] {
  const ids = [...new Set([...slos.map((slo) => slo.serviceId), ...serviceIds])].sort();
  return ids.map((id) => {
    const verdict = serviceStatus(
      slos.filter((s) => s.serviceId === id),
      up.get(id),
    );
    return { id, name: id, ...verdict, updatedAt: now };
  });
}
