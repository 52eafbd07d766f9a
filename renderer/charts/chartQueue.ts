/**
 * Chart redraws spread over frames. Redrawing one ECharts chart takes some
 * milliseconds on a TV stick; when several cards on screen get a point in
 * the same batch, drawing them all in that batch's frame makes one long
 * task. The queue instead draws the charts that are waiting after later
 * frames, while a frame's budget lasts (always at least one): first the urgent ones
 * (a chart with nothing, or another SLO's lines, on screen), then the rest,
 * each in the order it first asked. A chart asked again before its turn
 * keeps its place and draws only its newest option, so charts that update
 * often cannot push one that waits to the back for ever.
 */
export interface ChartQueue {
  /** Asks for `draw` in a coming frame; replaces what `chart` was waiting to draw. */
  submit(chart: object, draw: () => void, isUrgent?: boolean): void;
  /** Forgets what `chart` was waiting to draw (it is going away). */
  cancel(chart: object): void;
  /** How many charts wait to draw. */
  readonly size: number;
}

/** What the queue needs from the page: the next frame and a clock. */
export interface ChartQueueDeps {
  schedule(run: () => void): void;
  now(): number;
  /** Milliseconds of drawing per frame before the rest waits for the next one. */
  budgetMs: number;
}

/** Creates a queue of chart redraws. */
export function createChartQueue(deps: ChartQueueDeps): ChartQueue {
  const urgent = new Map<object, () => void>();
  const waiting = new Map<object, () => void>();
  let isScheduled = false;

  function drain(): void {
    isScheduled = false;
    const start = deps.now();
    try {
      for (const queue of [urgent, waiting]) {
        for (const [chart, draw] of queue) {
          queue.delete(chart);
          draw();
          if (deps.now() - start >= deps.budgetMs) return;
        }
      }
    } finally {
      // Also when a draw threw: the others still get their turn.
      if (urgent.size + waiting.size > 0) ensureScheduled();
    }
  }

  function ensureScheduled(): void {
    if (isScheduled) return;
    isScheduled = true;
    deps.schedule(drain);
  }

  return {
    submit(chart, draw, isUrgent = false) {
      if (isUrgent || urgent.has(chart)) {
        waiting.delete(chart);
        urgent.set(chart, draw);
      } else {
        waiting.set(chart, draw);
      }
      ensureScheduled();
    },
    cancel(chart) {
      urgent.delete(chart);
      waiting.delete(chart);
    },
    get size() {
      return urgent.size + waiting.size;
    },
  };
}

/**
 * Runs `run` in a task of its own right after the next frame's rendering:
 * once per frame at most, but never inside the frame's own task, where the
 * feed's batch and React's commit already run. A chart drawn there would add
 * its milliseconds to theirs; drawn here it is a short task of its own, and
 * shows on the following frame.
 */
function afterNextFrame(): (run: () => void) => void {
  const channel = new MessageChannel();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const run = pending;
    pending = null;
    run?.();
  };
  return (run) => {
    pending = run;
    requestAnimationFrame(() => channel.port2.postMessage(null));
  };
}

let pageQueue: ChartQueue | null = null;

/** The page's one queue, drawing after animation frames up to 6 ms a frame. */
export function chartQueue(): ChartQueue {
  pageQueue ??= createChartQueue({ schedule: afterNextFrame(), now: () => performance.now(), budgetMs: 6 });
  return pageQueue;
}
