import { describe, expect, it } from 'vitest';
import { frameScheduler } from './frameScheduler';
import type { FrameSchedulerDeps } from './frameScheduler';

/** A page with its frames, posted tasks and timers run by hand. */
function fakePage(isHidden = false) {
  let frames = new Map<number, () => void>();
  let nextHandle = 1;
  const tasks: Array<() => void> = [];
  const timers = new Map<number, { run: () => void; ms: number }>();
  const deps: FrameSchedulerDeps = {
    requestFrame: (run) => {
      frames.set(nextHandle, run);
      return nextHandle++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    postTask: (run) => void tasks.push(run),
    setTimer: (run, ms) => {
      timers.set(nextHandle, { run, ms });
      return nextHandle++ as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (timer) => void timers.delete(timer as unknown as number),
    isHidden: () => isHidden,
  };
  return {
    deps,
    /** Runs the tasks posted so far, in order. */
    runTasks: () => tasks.splice(0).forEach((t) => t()),
    /** Runs one frame: the callbacks asked before it, in the order asked. */
    frame: () => {
      const due = frames;
      frames = new Map();
      due.forEach((run) => run());
    },
    timers: () => [...timers.values()],
    fireTimers: () => {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((t) => t.run());
    },
  };
}

describe('frameScheduler', () => {
  it('runs the first flush since the last frame in a task of its own, before the frame', () => {
    const page = fakePage();
    const schedule = frameScheduler(250, page.deps);
    const log: string[] = [];
    schedule(() => log.push('flush'));
    expect(log).toEqual([]);
    page.runTasks();
    expect(log).toEqual(['flush']);
    page.frame();
    expect(log).toEqual(['flush']);
  });

  it('makes a further flush before the frame wait for it, and runs it in a task after the frame, not inside it: one batch per frame', () => {
    const page = fakePage();
    const schedule = frameScheduler(250, page.deps);
    const log: string[] = [];
    schedule(() => log.push('first'));
    page.runTasks();
    schedule(() => log.push('second'));
    page.runTasks();
    expect(log).toEqual(['first']);
    page.frame();
    expect(log).toEqual(['first']);
    page.runTasks();
    expect(log).toEqual(['first', 'second']);
    // The fallback timer of the one that waited is gone: it does not run twice.
    page.fireTimers();
    expect(log).toEqual(['first', 'second']);
  });

  it('runs one flush per frame when each schedules the next (a staged snapshot), and a task again once a frame passes with none', () => {
    const page = fakePage();
    const schedule = frameScheduler(250, page.deps);
    let slices = 0;
    const slice = () => {
      slices += 1;
      if (slices < 3) schedule(slice);
    };
    schedule(slice);
    page.runTasks();
    expect(slices).toBe(1);
    page.runTasks();
    expect(slices).toBe(1);
    page.frame();
    page.runTasks();
    expect(slices).toBe(2);
    page.runTasks();
    expect(slices).toBe(2);
    page.frame();
    page.runTasks();
    expect(slices).toBe(3);
    // A frame with no flush in it: the next flush goes ahead of the frame again.
    page.frame();
    let later = false;
    schedule(() => (later = true));
    page.runTasks();
    expect(later).toBe(true);
  });

  it('runs a flush waiting for a frame after the fallback when no frame comes, and at once in a hidden window', () => {
    const visible = fakePage();
    const schedule = frameScheduler(250, visible.deps);
    const log: string[] = [];
    schedule(() => log.push('first'));
    visible.runTasks();
    schedule(() => log.push('waiting'));
    expect(visible.timers().map((t) => t.ms)).toEqual([250]);
    visible.fireTimers();
    expect(log).toEqual(['first', 'waiting']);
    visible.frame();
    expect(log).toEqual(['first', 'waiting']);

    const hidden = fakePage(true);
    const inHidden = frameScheduler(250, hidden.deps);
    inHidden(() => undefined);
    hidden.runTasks();
    inHidden(() => undefined);
    expect(hidden.timers().map((t) => t.ms)).toEqual([0]);
  });
});
