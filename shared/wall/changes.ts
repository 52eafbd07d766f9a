import type { FeedEntities } from '../model/feedState';
import { changedIds } from '../model/lineage';
import type { IncidentStatus, ServiceStatus, Severity, Slo } from '../protocol/entities';
import type { BurnLevel } from '../slo/conditions';

/*
 * What changed lately: the transitions between two states of the feed's
 * entities, kept for a window of the feed's clock, so someone walking past
 * sees the flaps a rotation would hide.
 */

/** A kind of transition. */
export type ChangeKind =
  /** An SLO went from `none` to a burn level. */
  | 'slo-burning'
  /** A burning SLO moved to another burn level. */
  | 'slo-level'
  /** A burning SLO stopped burning. */
  | 'slo-calm'
  /** A service went down. */
  | 'service-down'
  /** A service came back to `ok` from `down`, `degraded` or `unknown`. */
  | 'service-recovered'
  /** Any other change of a service's status. */
  | 'service-status'
  /** An active incident appeared. */
  | 'incident-opened'
  /** An incident's status changed, other than to resolved (reopening included). */
  | 'incident-status'
  /** An incident's severity changed. */
  | 'incident-severity'
  /** An incident was resolved. */
  | 'incident-resolved';

/** One transition, stamped with the feed's clock. */
export interface Change {
  /** Unique within its log, for list keys and for acting on a change once. */
  readonly id: number;
  /** When the wall learnt of it, on the feed's clock (epoch ms). */
  readonly at: number;
  readonly kind: ChangeKind;
  readonly entityId: string;
  /** The entity's display name (an incident's title). */
  readonly name: string;
  /** The state before: a burn level, a service status, an incident status or severity; null for an opened incident. */
  readonly from: BurnLevel | ServiceStatus | IncidentStatus | Severity | null;
  /** The state after, of the same kind as `from`. */
  readonly to: BurnLevel | ServiceStatus | IncidentStatus | Severity;
  /** An incident's severity after the change. */
  readonly severity?: Severity;
}

/** A change before it is stamped. */
export type ChangeDraft = Omit<Change, 'id' | 'at'>;

/** The changes kept, oldest first, and the id the next one gets. */
export interface ChangeLog {
  readonly changes: readonly Change[];
  readonly nextId: number;
}

/** Nothing recorded yet. */
export const emptyChangeLog: ChangeLog = Object.freeze({ changes: Object.freeze([]) as readonly Change[], nextId: 1 });

/** How much the log keeps. */
export interface ChangeLimits {
  /** Changes older than this (feed clock) fall out. */
  readonly windowMs: number;
  /** At most this many, the newest. */
  readonly maxCount: number;
}

/** Fifteen minutes, and no more than a strip and a help screen could ever show. */
export const DEFAULT_CHANGE_LIMITS: ChangeLimits = Object.freeze({ windowMs: 15 * 60_000, maxCount: 60 });

/** The entries of `next` that may differ from `prev`: the ids its lineage names, or all of them when it is not known. */
function* touched<T>(prev: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>): Iterable<[string, T]> {
  const ids = changedIds(prev, next);
  if (ids === null) {
    yield* next;
    return;
  }
  for (const id of ids) {
    const item = next.get(id);
    if (item !== undefined) yield [id, item];
  }
}

function sloChanges(prev: ReadonlyMap<string, Slo>, next: ReadonlyMap<string, Slo>, levelOf: (slo: Slo) => BurnLevel, out: ChangeDraft[]): void {
  for (const [id, slo] of touched(prev, next)) {
    const before = prev.get(id);
    // An SLO new to the wall has no "before"; an unchanged object cannot have changed level.
    if (before === undefined || before === slo) continue;
    const from = levelOf(before);
    const to = levelOf(slo);
    if (from === to) continue;
    const kind = from === 'none' ? 'slo-burning' : to === 'none' ? 'slo-calm' : 'slo-level';
    out.push({ kind, entityId: id, name: slo.name, from, to });
  }
}

function serviceChanges(prev: FeedEntities['services'], next: FeedEntities['services'], out: ChangeDraft[]): void {
  for (const [id, service] of touched(prev, next)) {
    const before = prev.get(id);
    if (before === undefined || before === service || before.status === service.status) continue;
    const from = before.status;
    const to = service.status;
    const kind = to === 'down' ? 'service-down' : to === 'ok' && from !== 'maintenance' ? 'service-recovered' : 'service-status';
    out.push({ kind, entityId: id, name: service.name, from, to });
  }
}

function incidentChanges(prev: FeedEntities['incidents'], next: FeedEntities['incidents'], out: ChangeDraft[]): void {
  for (const [id, incident] of touched(prev, next)) {
    const before = prev.get(id);
    const base = { entityId: id, name: incident.title, severity: incident.severity };
    if (before === undefined) {
      // One that appears already resolved was never open on this wall.
      if (incident.status !== 'resolved') out.push({ ...base, kind: 'incident-opened', from: null, to: incident.status });
      continue;
    }
    if (before === incident) continue;
    if (before.severity !== incident.severity && incident.status !== 'resolved') {
      out.push({ ...base, kind: 'incident-severity', from: before.severity, to: incident.severity });
    }
    if (before.status !== incident.status) {
      const kind = incident.status === 'resolved' ? 'incident-resolved' : 'incident-status';
      out.push({ ...base, kind, from: before.status, to: incident.status });
    }
  }
}

/**
 * The transitions from `prev` to `next`: SLO burn levels (via `levelOf`),
 * service statuses, incidents opened, re-rated, changing status or
 * resolved. Entities that appear (other than incidents) or disappear are
 * not transitions. Only kinds whose map changed are walked, and within them
 * only the ids the batch touched (the maps' lineage), or else the entities
 * whose object changed, so a large wall pays for what moved.
 */
export function diffEntities(prev: FeedEntities, next: FeedEntities, levelOf: (slo: Slo) => BurnLevel): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  if (prev.slos !== next.slos) sloChanges(prev.slos, next.slos, levelOf, out);
  if (prev.services !== next.services) serviceChanges(prev.services, next.services, out);
  if (prev.incidents !== next.incidents) incidentChanges(prev.incidents, next.incidents, out);
  return out;
}

/**
 * The log without changes outside the window around `feedTime` (a feed
 * restarted on another clock must not leave changes from its "future"
 * behind), and with at most `maxCount`, the newest. Returns `log` itself
 * when nothing falls out.
 */
export function pruneChanges(log: ChangeLog, feedTime: number, limits: ChangeLimits = DEFAULT_CHANGE_LIMITS): ChangeLog {
  const { changes } = log;
  let start = Math.max(0, changes.length - limits.maxCount);
  while (start < changes.length && feedTime - (changes[start] as Change).at > limits.windowMs) start += 1;
  let end = changes.length;
  while (end > start && (changes[end - 1] as Change).at - feedTime > limits.windowMs) end -= 1;
  return start === 0 && end === changes.length ? log : { changes: changes.slice(start, end), nextId: log.nextId };
}

/** Stamps `drafts` at `at` (feed clock), appends them and prunes. Returns `log` itself when nothing changed. */
export function recordChanges(log: ChangeLog, drafts: readonly ChangeDraft[], at: number, limits: ChangeLimits = DEFAULT_CHANGE_LIMITS): ChangeLog {
  if (drafts.length === 0) return pruneChanges(log, at, limits);
  let id = log.nextId;
  const stamped = drafts.map((draft) => ({ ...draft, id: id++, at }));
  return pruneChanges({ changes: [...log.changes, ...stamped], nextId: id }, at, limits);
}

/** The changes within the window before `feedTime`, oldest first: what the strip shows now. */
export function recentChanges(changes: readonly Change[], feedTime: number, windowMs = DEFAULT_CHANGE_LIMITS.windowMs): Change[] {
  return changes.filter((c) => feedTime - c.at <= windowMs);
}

/**
 * One change in words, for the strip beside the badge of its new state:
 * "Checkout went down", "Checkout availability stopped burning", "opened:
 * Checkout failing"; a resolved incident is its title (the badge says
 * RESOLVED).
 */
export function describeChange(change: Change): string {
  const { name, from, to } = change;
  switch (change.kind) {
    case 'slo-burning':
      return `${name} started burning`;
    case 'slo-calm':
      return `${name} stopped burning`;
    case 'service-down':
      return `${name} went down`;
    case 'service-recovered':
      return `${name} recovered`;
    case 'incident-opened':
      return `opened: ${name}`;
    case 'incident-resolved':
      return name;
    case 'slo-level':
    case 'service-status':
    case 'incident-severity':
      return `${name} ${from ?? '—'} → ${to}`;
    case 'incident-status':
      return `${name}: ${from === 'resolved' ? 'reopened, ' : ''}${to}`;
  }
}
