import type { FlushScheduler } from './ingest';

/**
 * Runs a flush on the next animation frame, or after `fallbackMs` when no
 * frame comes: a hidden window or a minimised Electron wall gets no frames,
 * and its store must still follow the feed so it is current when shown.
 */
export function frameScheduler(fallbackMs = 250): FlushScheduler {
  return (flush) => {
    let isDone = false;
    const run = () => {
      if (isDone) return;
      isDone = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      flush();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, document.hidden ? 0 : fallbackMs);
  };
}
