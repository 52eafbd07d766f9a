// One row of the fault matrix, and the table `npm run faults` prints.

/** What one fault did to the wall, over every time it was injected. */
export interface FaultRow {
  fault: string;
  injected: number;
  survived: number;
  /** Worst time from the fault to the wall showing it, ms; null where there is nothing to show. */
  detectMs: number | null;
  /** Worst time from the fault's end to the wall equal to the feed again, ms. */
  recoverMs: number | null;
  /** Entities that differed from the feed's after the last recovery, summed over injections. */
  mismatches: number;
  /** What else was measured: retry gaps, heap, drops counted. */
  notes: string;
}

/** How many times each fault is injected, and for how long. */
export interface FaultCounts {
  kills: number;
  /** How long the feed stays frozen (SIGSTOP). */
  freezeMs: number;
  /** How long the feed stays down while the wall's retries are timed. */
  outageMs: number;
  sequenceRounds: number;
  fuzzMessages: number;
  floodDeltas: number;
  hostileConnections: number;
  /** How long a refused wall is watched for retries. */
  refusedWatchMs: number;
}

/** The counts: what `npm run faults` runs. */
export const FULL_COUNTS: FaultCounts = {
  kills: 50,
  freezeMs: 60_000,
  outageMs: 40_000,
  sequenceRounds: 40,
  fuzzMessages: 10_000,
  floodDeltas: 100_000,
  hostileConnections: 300,
  refusedWatchMs: 20_000,
};

/** Short counts for the test command: every fault, a few minutes in all. */
export const QUICK_COUNTS: FaultCounts = {
  kills: 3,
  freezeMs: 17_000,
  outageMs: 8_000,
  sequenceRounds: 8,
  fuzzMessages: 300,
  floodDeltas: 3_000,
  hostileConnections: 120,
  refusedWatchMs: 5_000,
};

const ms = (v: number | null) => (v === null ? '—' : v < 1_000 ? `${Math.round(v)} ms` : `${(v / 1_000).toFixed(1)} s`);

/** The matrix as a Markdown table. */
export function formatMatrix(rows: readonly FaultRow[]): string {
  const head = ['fault', 'injected', 'survived', 'worst detect', 'worst recover', 'mismatches', 'notes'];
  const body = rows.map((r) => [r.fault, String(r.injected), String(r.survived), ms(r.detectMs), ms(r.recoverMs), String(r.mismatches), r.notes]);
  const lines = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

/** Folds one injection into a row. */
export function record(row: FaultRow, outcome: { ok: boolean; detectMs?: number | null; recoverMs?: number | null; mismatches?: number }): void {
  row.injected += 1;
  if (outcome.ok) row.survived += 1;
  if (outcome.detectMs != null) row.detectMs = Math.max(row.detectMs ?? 0, outcome.detectMs);
  if (outcome.recoverMs != null) row.recoverMs = Math.max(row.recoverMs ?? 0, outcome.recoverMs);
  row.mismatches += outcome.mismatches ?? 0;
}

/** An empty row for `fault`. */
export function newRow(fault: string): FaultRow {
  return { fault, injected: 0, survived: 0, detectMs: null, recoverMs: null, mismatches: 0, notes: '' };
}
