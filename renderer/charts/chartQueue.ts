/**
 * Chart redraws spread over frames. Redrawing one ECharts chart takes some
 * milliseconds on a TV stick; when several cards on screen get a point in
 * the same batch, drawing them all in that batch's frame makes one long
 * task. The queue instead draws the charts that are waiting in later frames,
 * oldest request first, while a frame's budget lasts (always at least one).
 * A chart asked to redraw again before its turn draws only its newest option.
 */
export interface ChartQueue {
  /** Asks for `draw` in a coming frame; replaces what `chart` was waiting to draw. */
  submit(chart: object, draw: () => void): void;
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
  const waiting = new Map<object, () => void>();
  let isScheduled = false;

  function drain(): void {
    isScheduled = false;
    const start = deps.now();
    for (const [chart, draw] of waiting) {
      waiting.delete(chart);
      draw();
      if (deps.now() - start >= deps.budgetMs) break;
    }
    if (waiting.size > 0) ensureScheduled();
  }

  function ensureScheduled(): void {
    if (isScheduled) return;
    isScheduled = true;
    deps.schedule(drain);
  }

  return {
    submit(chart, draw) {
      // A newer request goes to the back: the charts waiting longest draw first.
      waiting.delete(chart);
      waiting.set(chart, draw);
      ensureScheduled();
    },
    cancel(chart) {
      waiting.delete(chart);
    },
    get size() {
      return waiting.size;
    },
  };
}

let pageQueue: ChartQueue | null = null;

/** The page's one queue, drawing on animation frames up to 6 ms a frame. */
export function chartQueue(): ChartQueue {
  pageQueue ??= createChartQueue({ schedule: (run) => requestAnimationFrame(run), now: () => performance.now(), budgetMs: 6 });
  return pageQueue;
}
