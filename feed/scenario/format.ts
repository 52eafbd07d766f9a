import { z } from 'zod';
import { LIMITS } from '../../shared/protocol/limits';
import { INCIDENT_STATUSES, RATIO_WINDOWS, SERVICE_STATUSES, SEVERITIES, isHttpUrl } from '../../shared/protocol/entities';
import { parseDuration } from './duration';

/*
 * The scenario file as written: the shapes zod checks before anything is
 * resolved. docs/scenarios.md documents each of them with an example.
 * Objects are strict, so a misspelt key is an error rather than a step
 * that silently does nothing.
 */

const id = z.string().min(1, 'must not be empty').max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`);
const ids = z.union([id, z.array(id)], { error: 'must be an id or a list of ids' });
const text = z.string().max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`);
const ratio = z.number({ error: 'must be a number in 0..1' }).min(0, 'must be a ratio in 0..1').max(1, 'must be a ratio in 0..1');

/** A duration: `30s`, `1m30s`, `2h`, `1d`, `500ms`, or a number of seconds. */
export const durationSchema = z
  .union([z.number(), z.string()], { error: 'must be a duration such as 30s, 1m30s or 2h' })
  .refine((v) => parseDuration(v) !== null, 'must be a duration such as 30s, 1m30s, 2h or a number of seconds');

const serviceDef = z.strictObject({
  id,
  name: text.optional(),
  team: text.optional(),
  tier: z.number({ error: 'must be an integer 1 to 4' }).int('must be an integer 1 to 4').min(1, 'must be 1 to 4').max(4, 'must be 1 to 4').optional(),
  status: z.enum(SERVICE_STATUSES, { error: `must be one of ${SERVICE_STATUSES.join(', ')}` }).optional(),
  message: z.string().max(LIMITS.messageLength).optional(),
  signals: z
    .strictObject({ rps: z.number().nonnegative().optional(), latencyP99Ms: z.number().nonnegative().optional(), saturation: ratio.optional() })
    .optional(),
});

const sloDef = z.strictObject({
  id,
  service: id,
  name: text.optional(),
  kind: z.enum(['availability', 'latency'], { error: 'must be availability or latency' }).optional(),
  objective: z.number({ error: 'must be a number such as 0.999' }).gt(0, 'must be strictly between 0 and 1').lt(1, 'must be strictly between 0 and 1 (100% has no budget)'),
  windowDays: z.number({ error: 'must be a number of days, e.g. 30' }).positive('must be a positive number of days').max(366, 'must be at most 366 days').optional(),
  baseline: z.number().nonnegative('must be a burn rate of 0 or more').optional(),
});

/** The bodies of each kind of step, keyed by the step's action key. */
export const actionSchemas = {
  all: z.literal('healthy', { error: 'must be "healthy"' }),
  burn: z.strictObject({
    slo: id,
    rate: z.number({ error: 'must be a burn rate above 0, e.g. 20' }).gt(0, 'must be a burn rate above 0, e.g. 20'),
    for: durationSchema.optional(),
    since: durationSchema.optional(),
  }),
  recover: id,
  service: z.strictObject({
    id,
    status: z.enum(SERVICE_STATUSES, { error: `must be one of ${SERVICE_STATUSES.join(', ')}` }),
    message: z.string().max(LIMITS.messageLength).optional(),
  }),
  incident: z.strictObject({
    id,
    title: text.optional(),
    severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).optional(),
    status: z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(', ')}` }).optional(),
    services: z.array(id).max(LIMITS.serviceIdsPerIncident).optional(),
    commander: text.optional(),
    summary: z.string().max(LIMITS.summaryLength).optional(),
    url: z.string().refine(isHttpUrl, 'must be an http or https URL').optional(),
  }),
  resolve: id,
  remove: z.strictObject({ services: ids.optional(), slos: ids.optional(), incidents: ids.optional() }),
  ratios: z.strictObject({ slo: id, ...Object.fromEntries(RATIO_WINDOWS.map((w) => [w, ratio.nullable().optional()])) }),
  fault: z.union(
    [z.enum(['gap', 'malformed', 'bad-entity']), z.strictObject({ gap: z.number({ error: 'must be how many seqs to lose, 1 or more' }).int('must be a whole number').min(1, 'must be how many seqs to lose, 1 or more').max(1_000_000, 'must be at most 1000000') })],
    { error: 'must be gap, malformed, bad-entity or { gap: N }' },
  ),
} as const;

/** The key that names a step's action. */
export type ActionKey = keyof typeof actionSchemas;
/** Every action key, in the order docs/scenarios.md lists them. */
export const ACTION_KEYS = Object.keys(actionSchemas) as ActionKey[];

/** The file's top level; steps are checked one by one afterwards, for errors that name the step. */
export const scenarioFileSchema = z.strictObject({
  name: text.optional(),
  company: z.strictObject({ seed: z.number({ error: 'must be an integer' }).int('must be an integer'), services: z.number().int().min(1).max(20_000).optional() }).optional(),
  baseline: z.number().nonnegative('must be a burn rate of 0 or more').optional(),
  repeat: durationSchema.optional(),
  services: z.array(serviceDef).optional(),
  slos: z.array(sloDef).optional(),
  steps: z.array(z.unknown(), { error: 'must be a list of steps' }),
});

/** A service as the file declares it. */
export type ServiceDefInput = z.infer<typeof serviceDef>;
/** An SLO as the file declares it. */
export type SloDefInput = z.infer<typeof sloDef>;
