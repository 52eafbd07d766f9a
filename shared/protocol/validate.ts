import { z } from 'zod';
import { incidentSchema, serviceSchema, sloSchema } from './entities';
import type { Incident, Service, Slo } from './entities';
import { LIMITS, PROTOCOL_VERSION } from './limits';
import type { DeltaMessage, HeartbeatMessage, ServerEventName, SnapshotMessage } from './messages';

// Zod 4 compiles object parsers with `new Function` unless told not to. The
// wall runs under a Content-Security-Policy without 'unsafe-eval', so it
// must never try.
z.config({ jitless: true });

/** The kinds of entity a message carries. */
export type EntityKind = 'service' | 'slo' | 'incident';

/** One entity left out of a message that was otherwise applied. */
export interface EntityDrop {
  kind: EntityKind;
  /** The entity's id when it had a readable one. */
  id?: string;
  /** What was wrong, for an operator: "objective: must be strictly between 0 and 1". */
  reason: string;
}

/** A message that passed envelope validation; bad entities were left out of it. */
export interface Accepted<M> {
  ok: true;
  message: M;
  dropped: EntityDrop[];
}

/** A message dropped whole. */
export interface Rejected {
  ok: false;
  /** What was wrong, for an operator: "feed:delta: seq: must be a non-negative integer". */
  reason: string;
  /** Set when the envelope was fine but spoke a protocol version this wall does not. */
  unsupportedVersion?: unknown;
}

/** The outcome of validating one message. */
export type Validation<M> = Accepted<M> | Rejected;

/** Any validated message, tagged with its event. */
export type FeedMessage =
  | { event: 'feed:snapshot'; message: SnapshotMessage }
  | { event: 'feed:delta'; message: DeltaMessage }
  | { event: 'feed:heartbeat'; message: HeartbeatMessage };

const seqSchema = z.number().int('must be an integer').nonnegative('must be a non-negative integer').max(Number.MAX_SAFE_INTEGER);
const atSchema = z.number().nonnegative('must be epoch milliseconds');

function arrayOf(limit: number) {
  return z.array(z.unknown()).max(limit, `must hold at most ${limit} items`);
}

const snapshotShape = z.object({
  seq: seqSchema,
  at: atSchema,
  services: arrayOf(LIMITS.servicesPerMessage),
  slos: arrayOf(LIMITS.slosPerMessage),
  incidents: arrayOf(LIMITS.incidentsPerMessage),
});

const deltaShape = z.object({
  seq: seqSchema,
  at: atSchema,
  upsert: z
    .object({
      services: arrayOf(LIMITS.servicesPerMessage).optional(),
      slos: arrayOf(LIMITS.slosPerMessage).optional(),
      incidents: arrayOf(LIMITS.incidentsPerMessage).optional(),
    })
    .optional(),
  remove: z
    .object({
      services: arrayOf(LIMITS.removalsPerMessage).optional(),
      slos: arrayOf(LIMITS.removalsPerMessage).optional(),
      incidents: arrayOf(LIMITS.removalsPerMessage).optional(),
    })
    .optional(),
});

const heartbeatShape = z.object({ seq: seqSchema, at: atSchema });

const idSchema = z.string().min(1).max(LIMITS.idLength);

/** Formats zod issues as one line: "objective: must be strictly between 0 and 1; name: …". */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > limit ? ` (+${error.issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function checkEnvelope(event: string, raw: unknown): Rejected | null {
  if (!isPlainObject(raw)) {
    const got = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
    return { ok: false, reason: `${event}: message must be an object, got ${got}` };
  }
  if (raw.v !== PROTOCOL_VERSION) {
    const v = raw.v;
    const shown = typeof v === 'string' ? `"${v.slice(0, 20)}"` : typeof v === 'number' ? String(v) : typeof v;
    return {
      ok: false,
      reason: `${event}: protocol version ${shown} is not spoken here (this wall speaks version ${PROTOCOL_VERSION})`,
      unsupportedVersion: typeof v === 'number' || typeof v === 'string' ? v : undefined,
    };
  }
  return null;
}

function readableId(raw: unknown): string | undefined {
  if (!isPlainObject(raw)) return undefined;
  const id = raw.id;
  if (typeof id !== 'string' || id.length === 0) return undefined;
  return id.length > 60 ? `${id.slice(0, 60)}…` : id;
}

function entities<T>(kind: EntityKind, schema: z.ZodType<T>, raws: readonly unknown[], dropped: EntityDrop[]): T[] {
  const out: T[] = [];
  for (const raw of raws) {
    const result = schema.safeParse(raw);
    if (result.success) {
      out.push(result.data);
    } else {
      const id = readableId(raw);
      dropped.push(id === undefined ? { kind, reason: describeIssues(result.error) } : { kind, id, reason: describeIssues(result.error) });
    }
  }
  return out;
}

function ids(kind: EntityKind, raws: readonly unknown[], dropped: EntityDrop[]): string[] {
  const out: string[] = [];
  for (const raw of raws) {
    if (idSchema.safeParse(raw).success) out.push(raw as string);
    else dropped.push({ kind, reason: `remove: id must be a string of 1 to ${LIMITS.idLength} characters` });
  }
  return out;
}

/** Validates a `feed:snapshot`. Bad entities are left out and listed in `dropped`. */
export function validateSnapshot(raw: unknown): Validation<SnapshotMessage> {
  const bad = checkEnvelope('feed:snapshot', raw);
  if (bad) return bad;
  const shape = snapshotShape.safeParse(raw);
  if (!shape.success) return { ok: false, reason: `feed:snapshot: ${describeIssues(shape.error)}` };
  const dropped: EntityDrop[] = [];
  const { seq, at } = shape.data;
  const message: SnapshotMessage = {
    v: 1,
    seq,
    at,
    services: entities<Service>('service', serviceSchema, shape.data.services, dropped),
    slos: entities<Slo>('slo', sloSchema, shape.data.slos, dropped),
    incidents: entities<Incident>('incident', incidentSchema, shape.data.incidents, dropped),
  };
  return { ok: true, message, dropped };
}

/** Validates a `feed:delta`. Bad entities and bad ids are left out and listed in `dropped`. */
export function validateDelta(raw: unknown): Validation<DeltaMessage> {
  const bad = checkEnvelope('feed:delta', raw);
  if (bad) return bad;
  const shape = deltaShape.safeParse(raw);
  if (!shape.success) return { ok: false, reason: `feed:delta: ${describeIssues(shape.error)}` };
  const dropped: EntityDrop[] = [];
  const { seq, at, upsert, remove } = shape.data;
  const message: DeltaMessage = { v: 1, seq, at };
  if (upsert) {
    message.upsert = {};
    if (upsert.services) message.upsert.services = entities<Service>('service', serviceSchema, upsert.services, dropped);
    if (upsert.slos) message.upsert.slos = entities<Slo>('slo', sloSchema, upsert.slos, dropped);
    if (upsert.incidents) message.upsert.incidents = entities<Incident>('incident', incidentSchema, upsert.incidents, dropped);
  }
  if (remove) {
    message.remove = {};
    if (remove.services) message.remove.services = ids('service', remove.services, dropped);
    if (remove.slos) message.remove.slos = ids('slo', remove.slos, dropped);
    if (remove.incidents) message.remove.incidents = ids('incident', remove.incidents, dropped);
  }
  return { ok: true, message, dropped };
}

/** Validates a `feed:heartbeat`. */
export function validateHeartbeat(raw: unknown): Validation<HeartbeatMessage> {
  const bad = checkEnvelope('feed:heartbeat', raw);
  if (bad) return bad;
  const shape = heartbeatShape.safeParse(raw);
  if (!shape.success) return { ok: false, reason: `feed:heartbeat: ${describeIssues(shape.error)}` };
  return { ok: true, message: { v: 1, seq: shape.data.seq, at: shape.data.at }, dropped: [] };
}

/** Validates a message of any server event, tagging it with its event. */
export function validateMessage(event: ServerEventName, raw: unknown): { ok: true; value: FeedMessage; dropped: EntityDrop[] } | Rejected {
  switch (event) {
    case 'feed:snapshot': {
      const r = validateSnapshot(raw);
      return r.ok ? { ok: true, value: { event, message: r.message }, dropped: r.dropped } : r;
    }
    case 'feed:delta': {
      const r = validateDelta(raw);
      return r.ok ? { ok: true, value: { event, message: r.message }, dropped: r.dropped } : r;
    }
    case 'feed:heartbeat': {
      const r = validateHeartbeat(raw);
      return r.ok ? { ok: true, value: { event, message: r.message }, dropped: r.dropped } : r;
    }
  }
}

/** Formats one dropped entity for a log line or the diagnostics overlay. */
export function describeDrop(drop: EntityDrop): string {
  return drop.id === undefined ? `${drop.kind}: ${drop.reason}` : `${drop.kind} "${drop.id}": ${drop.reason}`;
}
