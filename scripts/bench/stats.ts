// Pure arithmetic of the bench's tables: percentiles, summaries, formatting.

/** The p-th percentile (0..100) by the nearest-rank method; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

/** Count, sum and largest of a list of durations. */
export function tally(values: readonly number[]): { count: number; total: number; max: number } {
  let total = 0;
  let max = 0;
  for (const v of values) {
    total += v;
    if (v > max) max = v;
  }
  return { count: values.length, total, max };
}

/** Milliseconds with one decimal, or "n/a" when there was nothing to measure. */
export function formatMs(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a';
}

/** A share of one core as a percentage with one decimal. */
export function formatShare(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : 'n/a';
}

/** Megabytes with one decimal from bytes. */
export function formatMb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Relative change from `from` to `to` as a signed percentage. */
export function formatGrowth(from: number, to: number): string {
  if (!(from > 0)) return 'n/a';
  const g = ((to - from) / from) * 100;
  return `${g >= 0 ? '+' : ''}${g.toFixed(1)}%`;
}

/** A titled two-column table: labels padded to one width, then their values. */
export function formatTable(title: string, rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return [`## ${title}`, ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`)].join('\n');
}
