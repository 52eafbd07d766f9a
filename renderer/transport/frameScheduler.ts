import type { FlushScheduler } from './ingest';

/** What the scheduler needs from the page (the browser's own functions in the wall; fakes in tests). */
export interface FrameSchedulerDeps {
  requestFrame(run: () => void): number;
  cancelFrame(handle: number): void;
  /** Runs `run` in a task of its own, soon (after the tasks already queued). */
  postTask(run: () => void): void;
  setTimer(run: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimer(timer: ReturnType<typeof setTimeout>): void;
  isHidden(): boolean;
}

function browserDeps(): FrameSchedulerDeps {
  const channel = new MessageChannel();
  const posted: Array<() => void> = [];
  channel.port1.onmessage = () => posted.shift()?.();
  return {
    requestFrame: (run) => requestAnimationFrame(run),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    postTask: (run) => {
      posted.push(run);
      channel.port2.postMessage(null);
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer),
    isHidden: () => document.hidden,
  };
}

/**
 * Runs each flush once per frame at most, always in a task of its own, never
 * inside the frame. A flush applies a batch to the store and React renders
 * it in the same task; run inside the frame (in an animation frame
 * callback), that script and the frame's style, layout and paint made one
 * task, and on a busy machine one long task. In a task of its own the same
 * work takes two shorter tasks.
 *
 * The first flush since the last frame runs in a posted task at once, and
 * shows on the coming frame. Any further one waits for that frame and runs
 * in a task posted from it, right after its paint: a burst of messages is
 * one batch per frame, and a large snapshot's staged slices one slice per
 * frame. A hidden window or a minimised Electron wall gets no frames: a
 * flush waiting for one runs after `fallbackMs`, so the store still follows
 * the feed and is current when shown.
 */
export function frameScheduler(fallbackMs = 250, deps: FrameSchedulerDeps = browserDeps()): FlushScheduler {
  // Set when a flush runs (or is posted), cleared by the next frame, which is asked for then.
  let hasRunThisFrame = false;

  function ran(): void {
    if (hasRunThisFrame) return;
    hasRunThisFrame = true;
    deps.requestFrame(() => {
      hasRunThisFrame = false;
    });
  }

  return (flush) => {
    if (!hasRunThisFrame) {
      // Counted from now: a second flush asked before this one runs waits for the frame.
      ran();
      deps.postTask(flush);
      return;
    }
    let isDone = false;
    const run = () => {
      if (isDone) return;
      isDone = true;
      deps.cancelFrame(frame);
      deps.clearTimer(timer);
      ran();
      flush();
    };
    const frame = deps.requestFrame(() => deps.postTask(run));
    const timer = deps.setTimer(run, deps.isHidden() ? 0 : fallbackMs);
  };
}
