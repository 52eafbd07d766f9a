import type { FeedSource } from '../source';
import { SimulatorModel } from './model';

/** How to run the simulator. */
export interface SimulatorSourceOptions {
  /** Same seed, same company, same story. Default 1. */
  seed?: number;
  /** Number of services; 40 by default, up to 20,000 for load tests. */
  services?: number;
  /** Total SLOs, to override the 1 to 4 per service (load tests). */
  slos?: number;
  /** Story step; 1000 ms by default. */
  tickMs?: number;
  /** Real milliseconds between wakes; `tickMs` by default. Shorter with a fast clock. */
  intervalMs?: number;
  /** The story's clock; Date.now by default. */
  clock?: () => number;
}

/** A feed source that plays the simulated company in real time. */
export interface SimulatorSource extends FeedSource {
  readonly model: SimulatorModel;
}

/** Creates the simulator source. The company exists (and can be snapshotted) before it starts. */
export function createSimulatorSource(options: SimulatorSourceOptions = {}): SimulatorSource {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  const model = new SimulatorModel({ seed, services: options.services, slos: options.slos, tickMs: options.tickMs, startAt: clock() });
  let timer: NodeJS.Timeout | null = null;
  const { services, slos } = model.company;
  return {
    model,
    clock,
    description: `simulator (seed ${seed}, ${services.length} services, ${slos.length} SLOs)`,
    snapshot: () => model.snapshot(),
    start(context) {
      if (timer) return;
      // The model steps in story time and catches up after a late timer, so
      // the story never depends on when the timer fired.
      timer = setInterval(() => context.emit(model.advanceTo(clock())), options.intervalMs ?? model.tickMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
