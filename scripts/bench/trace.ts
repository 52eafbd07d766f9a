// Reads a Chromium trace (CDP Tracing) into what each long task on the
// page's main thread was made of: script, style and layout, paint, and
// garbage collection, V8's and Blink's apart. A CPU profile shows garbage
// collection as one "(garbage collector)" line; the trace says which
// collector paused, inside which task, and for how long.
import type { CDPSession } from '@playwright/test';

/** The parts of a trace event this reads (Chrome's Trace Event Format). */
export interface TraceEvent {
  name: string;
  cat: string;
  /** X: complete (with dur), B/E: begin and end, M: metadata. */
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Microseconds the thread ran (its CPU time) during a complete event; less than `dur` when it waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string } };
}

/** One long task: when, how long, and its time by what ran (self time, largest first). */
export interface TaskBreakdown {
  /** Milliseconds on the trace's clock. */
  at: number;
  ms: number;
  /** The thread's CPU time in the task, when the trace has it: the rest it spent waiting (for a core, or for another thread). */
  cpuMs: number | null;
  /** Garbage collection inside the task, by collector. */
  gc: { v8Ms: number; blinkMs: number };
  parts: Array<{ name: string; ms: number }>;
  /** The other threads that ran during the task (CPU time of their traced work in it), busiest first: who else wanted the cores. */
  others: Array<{ thread: string; ms: number }>;
}

/** The categories recorded: tasks, what ran inside them, and every collector's pauses. */
export const TRACE_CATEGORIES = ['blink.user_timing', 'toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'v8.gc', 'blink_gc', 'disabled-by-default-v8.gc'];

interface Span {
  name: string;
  start: number;
  end: number;
  cpu: number | null;
  children: Span[];
}

const isV8Gc = (name: string) => /^(MajorGC|MinorGC|V8\.GC|V8\.Scavenge|V8\.MarkCompact)/.test(name);
const isBlinkGc = (name: string) => /^(BlinkGC|CppGC|BlinkGCMarking|ThreadState::)/.test(name);

function label(e: TraceEvent): string {
  const detail = e.args?.data?.type ?? e.args?.data?.functionName;
  return detail ? `${e.name}(${detail})` : e.name;
}

/** Each thread's name, with its process's: "Renderer/Compositor", "GPU Process/VizCompositorThread". */
function threadNames(events: readonly TraceEvent[]): Map<string, string> {
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name' && e.args?.name) processes.set(e.pid, e.args.name);
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, `${processes.get(e.pid) ?? e.pid}/${e.args.name}`);
  return names;
}

/** The page's main thread: the renderer main thread with the most time in its events. */
function mainThread(events: readonly TraceEvent[]): string | null {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && e.ph === 'X') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The thread's events as nested spans: complete events, and begin/end pairs matched by name. */
function spans(events: readonly TraceEvent[], thread: string): Span[] {
  const flat: Span[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== thread) continue;
    if (e.ph === 'X') flat.push({ name: label(e), start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? null, children: [] });
    else if (e.ph === 'B') open.set(e.name, [...(open.get(e.name) ?? []), e]);
    else if (e.ph === 'E') {
      const begin = open.get(e.name)?.pop();
      if (begin) flat.push({ name: label(begin), start: begin.ts, end: e.ts, cpu: null, children: [] });
    }
  }
  // Parents first: earlier start, then the longer of two that start together.
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const span of flat) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) roots.push(span);
    else {
      // A child that ends after its parent (a begin/end pair inside a complete event can overshoot by a microsecond) is cut at the parent's end.
      span.end = Math.min(span.end, parent.end);
      parent.children.push(span);
    }
    stack.push(span);
  }
  return roots;
}

function collect(span: Span, selfByName: Map<string, number>, gc: { v8: number; blink: number }, inGc: boolean): void {
  const childTime = span.children.reduce((sum, c) => sum + (c.end - c.start), 0);
  selfByName.set(span.name, (selfByName.get(span.name) ?? 0) + Math.max(0, span.end - span.start - childTime));
  const isGc = isV8Gc(span.name) || isBlinkGc(span.name);
  if (isGc && !inGc) {
    if (isBlinkGc(span.name)) gc.blink += span.end - span.start;
    else gc.v8 += span.end - span.start;
  }
  for (const child of span.children) collect(child, selfByName, gc, inGc || isGc);
}

/** The `shown` largest of self times in microseconds by event name, largest first, in milliseconds. */
function largestSelfTimes(selfByName: ReadonlyMap<string, number>, shown: number): Array<{ name: string; ms: number }> {
  return [...selfByName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, shown)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
}

/**
 * The page main thread's top-level tasks longer than `minMs`, longest first,
 * each with its self time by event name (`partsShown` largest) and its
 * garbage collection by collector (outermost collector events only, so a
 * pause is counted once).
 */
export function longTaskBreakdowns(events: readonly TraceEvent[], minMs = 50, partsShown = 6): TaskBreakdown[] {
  const thread = mainThread(events);
  if (thread === null) return [];
  const names = threadNames(events);
  const threads = [...new Set(events.filter((e) => e.ph !== 'M').map((e) => `${e.pid}:${e.tid}`))].filter((t) => t !== thread);
  const otherRoots = threads.map((t) => ({ thread: names.get(t) ?? t, roots: spans(events, t) }));
  // CPU time of a thread's work inside [start, end]: its share of each overlapping task (all of it when the trace has no CPU time).
  const busyIn = (roots: readonly Span[], start: number, end: number) =>
    roots.reduce((sum, r) => {
      const overlap = Math.min(end, r.end) - Math.max(start, r.start);
      if (overlap <= 0 || r.end === r.start) return sum;
      return sum + overlap * (r.cpu === null ? 1 : Math.min(1, r.cpu / (r.end - r.start)));
    }, 0);
  return spans(events, thread)
    .filter((s) => (s.end - s.start) / 1000 > minMs)
    .map((task) => {
      const selfByName = new Map<string, number>();
      const gc = { v8: 0, blink: 0 };
      collect(task, selfByName, gc, false);
      const parts = largestSelfTimes(selfByName, partsShown);
      const byThread = new Map<string, number>();
      for (const o of otherRoots) byThread.set(o.thread, (byThread.get(o.thread) ?? 0) + busyIn(o.roots, task.start, task.end));
      const others = [...byThread]
        .filter(([, us]) => us >= 1_000)
        .sort((a, b) => b[1] - a[1])
        .slice(0, partsShown)
        .map(([name, us]) => ({ thread: name, ms: us / 1000 }));
      return { at: task.start / 1000, ms: (task.end - task.start) / 1000, cpuMs: task.cpu === null ? null : task.cpu / 1000, gc: { v8Ms: gc.v8 / 1000, blinkMs: gc.blink / 1000 }, parts, others };
    })
    .sort((a, b) => b.ms - a.ms);
}

/**
 * The page main thread's self time by event over the whole trace, largest
 * first (`shown` of them), in milliseconds: where its steady cost goes
 * between long tasks too (script, style, layout, paint, collection).
 */
export function mainThreadSelfTimes(events: readonly TraceEvent[], shown = 12): Array<{ name: string; ms: number }> {
  const thread = mainThread(events);
  if (thread === null) return [];
  const selfByName = new Map<string, number>();
  const gc = { v8: 0, blink: 0 };
  for (const root of spans(events, thread)) collect(root, selfByName, gc, false);
  return largestSelfTimes(selfByName, shown);
}

/**
 * When (on the trace's clock), how long and with how much CPU time
 * (milliseconds) ran each of the page main thread's top-level
 * tasks that has it, in trace order: what each task cost the thread
 * whatever the other threads and processes did meanwhile, so two builds
 * compare on a shared machine where a task's length depends on who else
 * wanted the cores.
 */
export function mainThreadTaskCpu(events: readonly TraceEvent[]): Array<{ at: number; ms: number; cpuMs: number }> {
  const thread = mainThread(events);
  if (thread === null) return [];
  return spans(events, thread).flatMap((task) => (task.cpu === null ? [] : [{ at: task.start / 1000, ms: (task.end - task.start) / 1000, cpuMs: task.cpu / 1000 }]));
}

/** When the page marked `name` (`performance.mark`), in milliseconds on the trace's clock. */
export function markTimes(events: readonly TraceEvent[], name: string): number[] {
  return events.filter((e) => e.cat.includes('blink.user_timing') && e.name === name).map((e) => e.ts / 1000);
}

/** Per task: its length (and CPU time), its garbage collection, where the rest went, and the other threads that ran meanwhile. */
export function formatBreakdowns(tasks: readonly TaskBreakdown[], shown = 10): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return tasks
    .slice(0, shown)
    .map((t) => {
      const others = t.others.length === 0 ? '' : `\n      other threads in it: ${t.others.map((o) => `${o.thread} ${ms(o.ms)}`).join(', ')}`;
      return `    ${ms(t.ms)}${t.cpuMs === null ? '' : ` (CPU ${ms(t.cpuMs)})`}: GC V8 ${ms(t.gc.v8Ms)}, Blink ${ms(t.gc.blinkMs)}; self time ${t.parts.map((p) => `${p.name} ${ms(p.ms)}`).join(', ')}${others}`;
    })
    .join('\n');
}

/** Records a trace of the page until the returned function is called, which returns its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value as unknown as TraceEvent[]) {
      // Only what this reads; a trace of minutes holds millions of events.
      if (e.ph === 'X' || e.ph === 'B' || e.ph === 'E' || e.ph === 'M' || e.cat.includes('blink.user_timing')) {
        const data = e.args?.data;
        events.push({ name: e.name, cat: e.cat, ph: e.ph, ts: e.ts, dur: e.dur, tdur: e.tdur, pid: e.pid, tid: e.tid, args: { name: e.args?.name, data: data && { type: data.type, functionName: data.functionName } } });
      }
    }
  });
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}
