import type { Service, Slo } from '../protocol/entities';

/*
 * "No signal" is a state of its own: an SLO with no traffic in any window,
 * an entity whose data stopped arriving, a service whose source cannot tell.
 * The wall shows these grey with the reason, never green (nothing says it is
 * fine) and never red (nothing says it is broken).
 */

/** Why an entity has no signal, most telling first. */
export type NoSignalReason =
  /** Its `updatedAt` is older than the entity staleness limit on the feed's clock. */
  | { readonly kind: 'no-data'; readonly forMs: number }
  /** A service whose status is `unknown`. */
  | { readonly kind: 'unknown-status' }
  /** An SLO whose ratios are all null or missing. */
  | { readonly kind: 'no-traffic' };

/** What the wall knows of an entity's signal: `null` when it has one. */
export type Signal = NoSignalReason | null;

function noData(updatedAt: number, feedTime: number, limitMs: number): Signal {
  const age = feedTime - updatedAt;
  return age > limitMs ? { kind: 'no-data', forMs: age } : null;
}

/**
 * The signal of an SLO at `feedTime`. Data older than the limit comes first
 * (the source stopped computing, whatever its last ratios said), then no
 * traffic in any window. `hasTraffic` is the engine's `hasSignal`.
 */
export function sloSignal(slo: Pick<Slo, 'updatedAt'>, hasTraffic: boolean, feedTime: number, limitMs: number): Signal {
  return noData(slo.updatedAt, feedTime, limitMs) ?? (hasTraffic ? null : { kind: 'no-traffic' });
}

/** The signal of a service at `feedTime`: data older than the limit, else an `unknown` status. */
export function serviceSignal(service: Pick<Service, 'updatedAt' | 'status'>, feedTime: number, limitMs: number): Signal {
  return noData(service.updatedAt, feedTime, limitMs) ?? (service.status === 'unknown' ? { kind: 'unknown-status' } : null);
}

/**
 * The reason in words, short enough for a tile: "no traffic", "status
 * unknown", "no data for 7 min" (whole minutes, rounded down; hours from
 * 2 h on: "no data for 3 h").
 */
export function describeNoSignal(reason: NoSignalReason): string {
  switch (reason.kind) {
    case 'no-traffic':
      return 'no traffic';
    case 'unknown-status':
      return 'status unknown';
    case 'no-data': {
      const minutes = Math.floor(reason.forMs / 60_000);
      return minutes >= 120 ? `no data for ${Math.floor(minutes / 60)} h` : `no data for ${minutes} min`;
    }
  }
}

/** How many of the SLOs have no signal at `feedTime`. */
export function countWithoutSignal(
  slos: Iterable<{ readonly slo: Pick<Slo, 'updatedAt'>; readonly evaluation: { readonly hasSignal: boolean } }>,
  feedTime: number,
  limitMs: number,
): number {
  let count = 0;
  for (const { slo, evaluation } of slos) if (sloSignal(slo, evaluation.hasSignal, feedTime, limitMs) !== null) count += 1;
  return count;
}

/**
 * Quiet mode's calm line: "all 38 budgets within SLO, 2 without signal".
 * Only the SLOs with a signal are claimed to be within their objective.
 */
export function calmSummary(total: number, withoutSignal: number): string {
  const within = total - withoutSignal;
  if (total === 0) return 'no SLOs reported';
  if (within === 0) return `${total === 1 ? 'the only budget has' : `all ${total} budgets have`} no signal`;
  const head = within === 1 ? '1 budget within SLO' : `all ${within} budgets within SLO`;
  return withoutSignal === 0 ? head : `${head}, ${withoutSignal} without signal`;
}
