import type { Incident, Service, Slo } from '../shared/protocol/entities';

/** Every entity a source holds: what a snapshot carries beyond its envelope. */
export interface EntitySet {
  services: Service[];
  slos: Slo[];
  incidents: Incident[];
}

/**
 * What changed in a source. The server wraps it in a `feed:delta` with the
 * next seq; sources never see seq, `at` or `v`.
 */
export interface EntityChange {
  upsert?: { services?: Service[]; slos?: Slo[]; incidents?: Incident[] };
  remove?: { services?: string[]; slos?: string[]; incidents?: string[] };
}

/**
 * A misbehaviour a source may ask the server for, so that a scripted demo or
 * test can show how the wall copes:
 * - `gap`: the next `count` seqs are lost, as if those deltas never arrived;
 * - `malformed`: a `feed:delta` whose envelope is broken (the wall drops it whole);
 * - `bad-entity`: a valid delta carrying one invalid service (the wall drops that entity alone).
 */
export type FeedFault = { kind: 'gap'; count: number } | { kind: 'malformed' } | { kind: 'bad-entity' };

/** What the server hands a source when it starts it. */
export interface SourceContext {
  /** Broadcast a change to every client as the next delta. Empty changes are ignored. */
  emit(change: EntityChange): void;
  /** Carry out a fault. */
  fault(fault: FeedFault): void;
  /** The server's clock, epoch milliseconds. */
  clock(): number;
}

/**
 * Where a feed's data comes from: the simulator, a scenario, and later a
 * bridge from Prometheus. The server owns the envelopes (seq, at, v); a
 * source only holds entities and reports their changes.
 */
export interface FeedSource {
  /** A short description for the startup line: "simulator (seed 1, 40 services)". */
  readonly description: string;
  /**
   * A source that plays its own time (a scenario at 60x) gives its clock here;
   * the server then stamps `at` with it, so the wall judges freshness on the
   * same clock as the entities' `updatedAt`.
   */
  readonly clock?: () => number;
  /** The current state. It must already include every change emitted so far. */
  snapshot(): EntitySet;
  /** Begin producing changes. Called once, before any client connects. */
  start(context: SourceContext): void;
  /** Stop every timer; no emit after this returns. */
  stop(): void;
}

/** True when a change carries nothing. */
export function isEmptyChange(change: EntityChange): boolean {
  const lists = [
    change.upsert?.services,
    change.upsert?.slos,
    change.upsert?.incidents,
    change.remove?.services,
    change.remove?.slos,
    change.remove?.incidents,
  ];
  return lists.every((list) => list === undefined || list.length === 0);
}
