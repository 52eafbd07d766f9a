// Reads a Chromium CPU profile (CDP Profiler.stop) into the functions that
// spent the most time themselves, the first place to look for a cost.

/** The parts of a CDP `Profiler.Profile` this reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples?: number[];
  /** Microseconds between samples; `timeDeltas[i]` precedes `samples[i]`. */
  timeDeltas?: number[];
}

/** One function's self time. */
export interface SelfTime {
  name: string;
  /** File name and 1-based line. */
  where: string;
  ms: number;
  share: number;
}

/** Names a minified position by its original file and line; null when unknown. */
export type Resolve = (url: string, line: number, column: number) => { where: string; name: string | null } | null;

/**
 * Self time per function (same name, file and line merged across call
 * paths), largest first. Each sample's time is the delta to the next sample,
 * as DevTools counts it; `resolve` names minified code by its source map.
 */
export function topSelfTime(profile: CpuProfile, limit = 15, resolve?: Resolve): SelfTime[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byNode = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0;
    byNode.set(samples[i]!, (byNode.get(samples[i]!) ?? 0) + us);
  }
  const total = [...byNode.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, SelfTime>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id);
    if (us === undefined) continue;
    const f = node.callFrame;
    const original = resolve?.(f.url, f.lineNumber, f.columnNumber) ?? null;
    const name = original?.name ?? (f.functionName || (f.url ? '(anonymous)' : '(program)'));
    const file = f.url.split('/').pop() ?? '';
    const where = original?.where ?? (file ? `${file}:${f.lineNumber + 1}` : '');
    const key = `${name}@${f.url}:${f.lineNumber}:${f.columnNumber}`;
    const entry = byFunction.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.ms += us / 1000;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .map((e) => ({ ...e, share: total > 0 ? (e.ms * 1000) / total : 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}

/** The profile's top functions as lines of a table. */
export function formatSelfTimes(rows: readonly SelfTime[]): string {
  return rows.map((r) => `${r.ms.toFixed(0).padStart(7)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`).join('\n');
}
