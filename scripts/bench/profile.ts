// Reads a Chromium CPU profile (CDP Profiler.stop) into the functions that
// spent the most time themselves, the first place to look for a cost.

/** The parts of a CDP `Profiler.Profile` this reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
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

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

/**
 * The function of a call frame: its original name and file:line when the
 * source map knows them, `unnamed` for a frame without a script, and a key
 * that tells functions apart (the same position is the same function).
 */
function nameFrame(f: CallFrame, resolve: Resolve | undefined, unnamed: string): { name: string; where: string; key: string } {
  const original = resolve?.(f.url, f.lineNumber, f.columnNumber) ?? null;
  const file = f.url.split('/').pop() ?? '';
  return {
    name: original?.name ?? (f.functionName || (f.url ? '(anonymous)' : unnamed)),
    where: original?.where ?? (file ? `${file}:${f.lineNumber + 1}` : ''),
    key: `${f.functionName}@${f.url}:${f.lineNumber}:${f.columnNumber}`,
  };
}

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
    const { name, where, key } = nameFrame(node.callFrame, resolve, '(program)');
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

/** A stretch of the main thread busy without a break, and the functions on the stack through most of it. */
export interface BusyStretch {
  ms: number;
  /** Time each function was on the stack (itself or what it called), largest first. */
  inclusive: Array<{ name: string; where: string; ms: number }>;
}

const IDLE = new Set(['(idle)', '(root)']);
// React's own frames sit on every stack of a render; the components and hooks under them say where the time went.
const PLUMBING = /node_modules\/(react|react-dom|scheduler)\//;

/**
 * The stretches of at least `minMs` in which every sample was busy (no idle
 * sample in between): where a long task comes from when the task itself is
 * not named. Each lists the functions by time on the stack, so the callback
 * that owns the stretch and what it spent it on read from top to bottom.
 */
export function busyStretches(profile: CpuProfile, minMs: number, limit = 3, perStretch = 12, resolve?: Resolve): BusyStretch[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const parent = new Map<number, number>();
  const byId = new Map<number, CpuProfile['nodes'][number]>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const nameOf = (id: number) => nameFrame(byId.get(id)!.callFrame, resolve, '(program)');
  const isIdle = (id: number) => IDLE.has(byId.get(id)?.callFrame.functionName ?? '(idle)');
  const stretches: Array<{ from: number; to: number; us: number }> = [];
  let from = -1;
  let us = 0;
  for (let i = 0; i <= samples.length; i++) {
    const busy = i < samples.length && !isIdle(samples[i]!);
    if (busy) {
      if (from < 0) {
        from = i;
        us = 0;
      }
      us += deltas[i + 1] ?? 0;
    } else if (from >= 0) {
      if (us >= minMs * 1000) stretches.push({ from, to: i, us });
      from = -1;
    }
  }
  return stretches
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((stretch) => {
      const totals = new Map<string, { name: string; where: string; ms: number }>();
      for (let i = stretch.from; i < stretch.to; i++) {
        const seen = new Set<string>();
        for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
          const named = nameOf(id);
          if (IDLE.has(named.name) || PLUMBING.test(named.where) || seen.has(named.key)) continue;
          seen.add(named.key);
          const entry = totals.get(named.key) ?? { name: named.name, where: named.where, ms: 0 };
          entry.ms += (deltas[i + 1] ?? 0) / 1000;
          totals.set(named.key, entry);
        }
      }
      return { ms: stretch.us / 1000, inclusive: [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, perStretch) };
    });
}

/** Busy stretches as lines of a table. */
export function formatStretches(stretches: readonly BusyStretch[]): string {
  return stretches
    .map((s) => [`    ${s.ms.toFixed(0)} ms busy:`, ...s.inclusive.map((f) => `${f.ms.toFixed(0).padStart(9)} ms  ${f.name}  ${f.where}`)].join('\n'))
    .join('\n');
}

/** The parts of a CDP `HeapProfiler.SamplingHeapProfile` this reads. */
export interface AllocationProfile {
  head: AllocationNode;
}

interface AllocationNode {
  callFrame: CallFrame;
  /** Bytes sampled as allocated by this function itself. */
  selfSize: number;
  children: AllocationNode[];
}

/** One function's sampled allocation. */
export interface AllocationSite {
  name: string;
  where: string;
  mb: number;
  share: number;
}

/**
 * Bytes allocated per function (same name, file and line merged across call
 * paths), largest first, from a sampling heap profile that kept the objects
 * garbage collection took: what feeds the collector.
 */
export function topAllocations(profile: AllocationProfile, limit = 15, resolve?: Resolve): AllocationSite[] {
  const byFunction = new Map<string, AllocationSite>();
  let total = 0;
  const stack: AllocationNode[] = [profile.head];
  while (stack.length > 0) {
    const node = stack.pop()!;
    stack.push(...node.children);
    if (node.selfSize === 0) continue;
    total += node.selfSize;
    const { name, where, key } = nameFrame(node.callFrame, resolve, '(native)');
    const entry = byFunction.get(key) ?? { name, where, mb: 0, share: 0 };
    entry.mb += node.selfSize / 1e6;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .map((e) => ({ ...e, share: total > 0 ? (e.mb * 1e6) / total : 0 }))
    .sort((a, b) => b.mb - a.mb)
    .slice(0, limit);
}

/** Allocation sites as lines of a table. */
export function formatAllocations(rows: readonly AllocationSite[]): string {
  return rows.map((r) => `${r.mb.toFixed(1).padStart(7)} MB ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`).join('\n');
}
