import { z } from 'zod';
import { LIMITS } from './limits';

/*
 * Runtime schemas of the feed's entities (wall-feed-protocol.md, "Entities").
 * Unknown fields are stripped, not rejected: a newer feed may send more.
 * z.number() refuses NaN and ±Infinity, so no non-finite value reaches the
 * SLO math or the screen.
 */

const id = z.string().min(1, 'must not be empty').max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`);
const name = z.string().max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`);
const time = z.number().nonnegative('must be epoch milliseconds');
const ratio = z.number().min(0, 'must be a ratio in 0..1').max(1, 'must be a ratio in 0..1');

/** The health of a service as the feed judges it. */
export const SERVICE_STATUSES = ['ok', 'degraded', 'down', 'maintenance', 'unknown'] as const;
/** One of {@link SERVICE_STATUSES}. */
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Incident severities, sev1 the worst. */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** Incident statuses in the order an incident usually moves through them. */
export const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'investigating', 'identified', 'monitoring', 'resolved'] as const;
/** One of {@link INCIDENT_STATUSES}. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The trailing windows a feed reports SLO error ratios over. `window` is the SLO's whole rolling window. */
export const RATIO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', 'window'] as const;
/** One of {@link RATIO_WINDOWS}. */
export type RatioWindow = (typeof RATIO_WINDOWS)[number];

/** Schema of a service. */
export const serviceSchema = z.object({
  id,
  name,
  team: name.optional(),
  tier: z.number().int('must be an integer 1 to 4').min(1, 'must be 1 to 4').max(4, 'must be 1 to 4').optional(),
  status: z.enum(SERVICE_STATUSES, { error: `must be one of ${SERVICE_STATUSES.join(', ')}` }),
  message: z.string().max(LIMITS.messageLength, `must be at most ${LIMITS.messageLength} characters`).optional(),
  signals: z
    .object({
      rps: z.number().nonnegative().optional(),
      errorRatio: ratio.optional(),
      latencyP99Ms: z.number().nonnegative().optional(),
      saturation: ratio.optional(),
    })
    .optional(),
  updatedAt: time,
});
/** A service and its health, as the feed sends it. */
export type Service = z.infer<typeof serviceSchema>;

const windowRatio = ratio.nullable().optional();

/** Schema of an SLO. */
export const sloSchema = z.object({
  id,
  serviceId: id,
  name,
  // A 100% objective has no budget: the protocol calls it invalid, so the
  // engine never divides by zero.
  objective: z.number().gt(0, 'must be strictly between 0 and 1').lt(1, 'must be strictly between 0 and 1 (100% has no budget)'),
  windowDays: z.number().positive('must be a positive number of days').max(366, 'must be at most 366 days'),
  errorRatio: z.object({
    '5m': windowRatio,
    '30m': windowRatio,
    '1h': windowRatio,
    '2h': windowRatio,
    '6h': windowRatio,
    '1d': windowRatio,
    '3d': windowRatio,
    window: windowRatio,
  }),
  updatedAt: time,
});
/** An SLO with its trailing error ratios, as the feed sends it. */
export type Slo = z.infer<typeof sloSchema>;
/** The error ratios of an SLO; a missing or null window had no traffic. */
export type ErrorRatios = Slo['errorRatio'];

// A host name (labels of letters, digits, `-` and `_`, IDN letters allowed),
// an IPv4 address or a bracketed IPv6 address; an optional port; then a path,
// query or fragment without white space, control characters or backslashes.
// No user-info: `https://intranet@evil.example` is refused.
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?`;
const HTTP_URL = new RegExp(String.raw`^https?://(?:${LABEL}(?:\.${LABEL})*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?(?:[/?#][^\s\\\x00-\x1f\x7f]*)?$`, 'iu');

const httpUrl = z
  .string()
  .max(LIMITS.urlLength, `must be at most ${LIMITS.urlLength} characters`)
  .refine(isHttpUrl, 'must be an http or https URL');

/** Schema of an incident. */
export const incidentSchema = z.object({
  id,
  title: name,
  severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }),
  status: z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(', ')}` }),
  serviceIds: z.array(id).max(LIMITS.serviceIdsPerIncident, `must name at most ${LIMITS.serviceIdsPerIncident} services`),
  startedAt: time,
  acknowledgedAt: time.optional(),
  resolvedAt: time.optional(),
  commander: name.optional(),
  summary: z.string().max(LIMITS.summaryLength, `must be at most ${LIMITS.summaryLength} characters`).optional(),
  url: httpUrl.optional(),
});
/** An incident, as the feed sends it. */
export type Incident = z.infer<typeof incidentSchema>;

/**
 * True when `value` is an absolute http: or https: URL with a host, an
 * optional port 1 to 65535, no user-info, and no white space, control
 * characters or backslashes. A regex rather than `new URL()`, so the
 * rule is the same in every runtime and shared/ needs neither DOM nor Node.
 */
export function isHttpUrl(value: string): boolean {
  const match = HTTP_URL.exec(value);
  if (match === null) return false;
  const port = match[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);
}
/** An incident is active while its status is not `resolved`. */
export function isActiveIncident(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'resolved';
}
