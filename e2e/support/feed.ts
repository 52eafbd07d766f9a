import { parseScenario } from '../../feed/scenario/parse';
import { createScenarioSource } from '../../feed/scenario/scenarioSource';
import type { ScenarioSource } from '../../feed/scenario/scenarioSource';
import { startFeedServer } from '../../feed/server';
import type { FeedServer } from '../../feed/server';

/** A reference feed playing a scenario, with what it logged. */
export interface ScenarioFeed {
  readonly server: FeedServer;
  readonly source: ScenarioSource;
  /** One line per connection, refusal, resync and step. */
  readonly log: string[];
  /** The feed's state now, as its next snapshot would carry it. */
  snapshot(): ReturnType<ScenarioSource['snapshot']>;
  /** The feed's clock (the scenario's time), epoch ms. */
  clock(): number;
  close(): Promise<void>;
}

/** How to run the feed. */
export interface ScenarioFeedOptions {
  /** Scenario seconds per real second. */
  speed?: number;
  /** Listen on this port (0, the default, picks a free one): a restarted feed reuses its port. */
  port?: number;
  token?: string;
  heartbeatMs?: number;
  /** Real milliseconds between the scenario's recomputations. */
  tickMs?: number;
  /** The feed clock's reading at start (epoch ms): a feed whose clock disagrees with the wall's. */
  startAt?: number;
}

/** Starts the reference feed server in this process, playing `scenario` (the object form of a scenario file). */
export async function startScenarioFeed(scenario: object, options: ScenarioFeedOptions = {}): Promise<ScenarioFeed> {
  const log: string[] = [];
  const parsed = parseScenario(scenario, 'test scenario');
  const source = createScenarioSource(parsed, {
    speed: options.speed ?? 1,
    tickMs: options.tickMs ?? 500,
    log: (line) => log.push(line),
    ...(options.startAt === undefined ? {} : { startAt: options.startAt }),
  });
  const server = await startFeedServer({
    source,
    port: options.port ?? 0,
    log: (line) => log.push(line),
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
  return {
    server,
    source,
    log,
    snapshot: () => source.snapshot(),
    clock: () => (source.clock ?? Date.now)(),
    close: () => server.close(),
  };
}
