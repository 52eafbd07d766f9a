import type { FeedSource } from '../source';
import { ScenarioPlayer } from './player';
import type { Scenario } from './scenario';

/** How to play a scenario. */
export interface ScenarioSourceOptions {
  /** Scenario seconds per real second; 60 plays a minute a second. Default 1. */
  speed?: number;
  /** Real milliseconds between recomputations (steps also fire on time between them). Default 1000. */
  tickMs?: number;
  /** Epoch ms the scenario's 0s maps to; now by default. */
  startAt?: number;
  /** Receives a line per step played, for the feed's log. */
  log?: (line: string) => void;
}

/** A feed source that plays a scenario, with the scenario's clock. */
export interface ScenarioSource extends FeedSource {
  readonly player: ScenarioPlayer;
}

/**
 * Plays a scenario on a clock of its own: scenario time runs `speed` times
 * faster than real time from `startAt`, and the feed's `at` and every
 * `updatedAt` follow it, so a wall judges freshness on the scenario's time.
 */
export function createScenarioSource(scenario: Scenario, options: ScenarioSourceOptions = {}): ScenarioSource {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  const tickMs = options.tickMs ?? 1_000;
  const startAt = options.startAt ?? Date.now();
  const realStart = performance.now();
  const clock = () => startAt + Math.round((performance.now() - realStart) * speed);
  const player = new ScenarioPlayer(scenario, startAt);
  // Steps at 0s are the starting state: apply them before anyone connects.
  player.advanceTo(startAt);
  let timer: NodeJS.Timeout | null = null;

  return {
    player,
    clock,
    description: `scenario "${scenario.name}" (${scenario.services.length} services, ${scenario.slos.length} SLOs, ${scenario.steps.length} steps${speed === 1 ? '' : `, ${speed}x`})`,
    snapshot: () => player.snapshot(),
    start(context) {
      const wake = () => {
        const now = clock();
        const { change, faults, played } = player.advanceTo(now);
        for (const label of played) options.log?.(`scenario: ${label}`);
        context.emit(change);
        for (const fault of faults) context.fault(fault);
        // Sleep until the next tick, or until the next step if that is sooner.
        const nextStep = player.nextStepAt();
        const untilStep = nextStep === null ? Infinity : Math.max(0, (nextStep - now) / speed);
        timer = setTimeout(wake, Math.max(1, Math.min(tickMs, Math.ceil(untilStep))));
      };
      options.log?.(`scenario "${scenario.name}" starts`);
      timer = setTimeout(wake, 0);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
