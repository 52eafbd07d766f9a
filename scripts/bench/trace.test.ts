import { describe, expect, it } from 'vitest';
import { formatBreakdowns, longTaskBreakdowns, mainThreadSelfTimes, mainThreadTaskCpu, markTimes } from './trace';
import type { TraceEvent } from './trace';

const main = { pid: 1, tid: 7 };
const x = (name: string, startMs: number, ms: number, where = main, data?: { type?: string }): TraceEvent => ({ name, cat: 'c', ph: 'X', ts: startMs * 1000, dur: ms * 1000, ...where, args: { data } });
const threadName = (where: { pid: number; tid: number }, name: string): TraceEvent => ({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, ...where, args: { name } });

describe('long task breakdowns from a trace', () => {
  it('splits a long task into self time by event and garbage collection by collector, counting nested collector events once', () => {
    const events = [
      threadName(main, 'CrRendererMain'),
      { ...x('RunTask', 100, 80), tdur: 30_000 },
      x('EventDispatch', 100, 50, main, { type: 'message' }),
      x('FunctionCall', 101, 45),
      x('MinorGC', 120, 10),
      x('V8.GCScavenger', 120, 9),
      x('Layout', 160, 12),
      x('CppGC.AtomicMark', 175, 4),
      // A short task and one on another thread: not listed.
      x('RunTask', 200, 20),
      threadName({ pid: 1, tid: 8 }, 'Compositor'),
      { name: 'process_name', cat: '__metadata', ph: 'M', ts: 0, pid: 1, tid: 0, args: { name: 'Renderer' } },
      { ...x('RunTask', 90, 20, { pid: 1, tid: 8 }), tdur: 10_000 },
      x('RunTask', 170, 20, { pid: 3, tid: 1 }),
    ];
    const [task, ...rest] = longTaskBreakdowns(events);
    expect(rest).toEqual([]);
    expect(task!.at).toBe(100);
    expect(task!.ms).toBe(80);
    expect(task!.cpuMs).toBe(30);
    expect(task!.gc).toEqual({ v8Ms: 10, blinkMs: 4 });
    // FunctionCall 45 less MinorGC's 10; the task itself 80 less 50, 12 and 4.
    expect(task!.parts).toEqual([
      { name: 'FunctionCall', ms: 35 },
      { name: 'RunTask', ms: 14 },
      { name: 'Layout', ms: 12 },
      { name: 'V8.GCScavenger', ms: 9 },
      { name: 'EventDispatch(message)', ms: 5 },
      { name: 'CppGC.AtomicMark', ms: 4 },
    ]);
    // The compositor's task overlaps 10 of its 20 ms, at half CPU; the other thread's, 10 ms with no CPU time traced.
    expect(task!.others).toEqual([
      { thread: '3:1', ms: 10 },
      { thread: 'Renderer/Compositor', ms: 5 },
    ]);
    expect(formatBreakdowns([task!])).toBe(
      '    80.0 ms (CPU 30.0 ms): GC V8 10.0 ms, Blink 4.0 ms; self time FunctionCall 35.0 ms, RunTask 14.0 ms, Layout 12.0 ms, V8.GCScavenger 9.0 ms, EventDispatch(message) 5.0 ms, CppGC.AtomicMark 4.0 ms\n      other threads in it: 3:1 10.0 ms, Renderer/Compositor 5.0 ms',
    );
  });

  it('pairs begin and end events, picks the busiest renderer main thread, and lists the longest task first', () => {
    const other = { pid: 2, tid: 3 };
    const events: TraceEvent[] = [
      threadName(main, 'CrRendererMain'),
      threadName(other, 'CrRendererMain'),
      x('RunTask', 0, 60, other),
      x('RunTask', 0, 55),
      x('RunTask', 100, 120),
      { name: 'MajorGC', cat: 'v8', ph: 'B', ts: 110_000, pid: 1, tid: 7 },
      { name: 'MajorGC', cat: 'v8', ph: 'E', ts: 180_000, pid: 1, tid: 7 },
    ];
    const tasks = longTaskBreakdowns(events);
    expect(tasks.map((t) => [t.at, t.ms])).toEqual([
      [100, 120],
      [0, 55],
    ]);
    expect(tasks[0]!.gc.v8Ms).toBe(70);
    expect(tasks[0]!.cpuMs).toBeNull();
  });

  it("reads the page's marks on the trace's clock", () => {
    const mark = (name: string, ms: number): TraceEvent => ({ name, cat: 'blink.user_timing', ph: 'R', ts: ms * 1000, ...main });
    expect(markTimes([mark('a', 5), mark('b', 6), mark('a', 9), x('a', 1, 1)], 'a')).toEqual([5, 9]);
  });

  it('keeps a child that overshoots its parent by a microsecond inside it, and the children after it too', () => {
    const events = [
      threadName(main, 'CrRendererMain'),
      x('RunTask', 0, 100),
      x('EventDispatch', 10, 40),
      x('FunctionCall', 11, 39.001),
      x('MajorGC', 60, 25),
    ];
    const tasks = longTaskBreakdowns(events);
    expect(tasks.map((t) => t.ms)).toEqual([100]);
    expect(tasks[0]!.gc.v8Ms).toBe(25);
    expect(tasks[0]!.parts.map((p) => [p.name, Math.round(p.ms)])).toEqual([
      ['FunctionCall', 39],
      ['RunTask', 35],
      ['MajorGC', 25],
      ['EventDispatch', 1],
    ]);
  });

  it('finds nothing in a trace without a renderer main thread', () => {
    expect(longTaskBreakdowns([x('RunTask', 0, 100)])).toEqual([]);
  });

  it("sums the main thread's self time by event over every task, short ones too, and leaves other threads out", () => {
    const other = { pid: 2, tid: 3 };
    const events: TraceEvent[] = [
      threadName(main, 'CrRendererMain'),
      x('RunTask', 0, 10),
      x('Layout', 2, 4),
      x('RunTask', 20, 8),
      x('Layout', 21, 3),
      x('Paint', 25, 2),
      x('Layout', 0, 40, other),
    ];
    expect(mainThreadSelfTimes(events)).toEqual([
      { name: 'RunTask', ms: 9 },
      { name: 'Layout', ms: 7 },
      { name: 'Paint', ms: 2 },
    ]);
    expect(mainThreadSelfTimes(events, 1)).toEqual([{ name: 'RunTask', ms: 9 }]);
  });

  it("lists the CPU time of each of the main thread's top-level tasks that has one, not of their children or of other threads", () => {
    const other = { pid: 2, tid: 3 };
    const withCpu = (e: TraceEvent, cpuMs: number): TraceEvent => ({ ...e, tdur: cpuMs * 1000 });
    const events: TraceEvent[] = [
      threadName(main, 'CrRendererMain'),
      withCpu(x('RunTask', 0, 60), 20),
      withCpu(x('FunctionCall', 1, 30), 15),
      x('RunTask', 70, 5),
      withCpu(x('RunTask', 80, 4), 3),
      withCpu(x('RunTask', 0, 90, other), 80),
    ];
    expect(mainThreadTaskCpu(events)).toEqual([
      { at: 0, ms: 60, cpuMs: 20 },
      { at: 80, ms: 4, cpuMs: 3 },
    ]);
  });
});
