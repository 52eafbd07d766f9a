// A feed source for benchmarks: the simulated company, topped up to the
// scenario's incident count, plus a steady stream of re-measured SLOs and
// services at a chosen rate, and a log of when each seq left the server so
// the bench can report update-to-pixel latency.
import type { EntityChange, FeedSource, SourceContext } from '../../feed/source';
import { createSimulatorSource } from '../../feed/simulator/simulatorSource';
import type { Incident, Service, Slo } from '../../shared/protocol/entities';
import { createChurn } from './churn';
import { accrue, pickTarget } from './loadPlan';

/** What the load source plays. */
export interface LoadSourceOptions {
  services: number;
  slos: number;
  /** Active incidents in the snapshot (the simulator's, topped up with quiet ones); default whatever the simulator has. */
  incidents?: number;
  /** Entity updates per second of the load stream. */
  updatesPerSecond: number;
  /** Play a story on the feed's clock as well: incidents opening and resolving, services degrading and recovering (see churn.ts). */
  story?: boolean;
  /** Story time per real time (1 = real time); the endurance run plays faster. */
  speed?: number;
  /** Real time, epoch ms; Date.now by default (tests pass their own). */
  now?: () => number;
}

/** The bench's source: a feed source that stays idle until told to load. */
export interface LoadSource extends FeedSource {
  /** Starts the load stream and the story; before this the feed is idle. */
  startLoad(): void;
  stopLoad(): void;
  /** Entities sent, and the real send time and entity count of each seq. */
  readonly sent: { entities: number; atBySeq: Map<number, number>; entitiesBySeq: Map<number, number> };
  /** Real time of each snapshot taken, which the server stamps `at` and sends at once. */
  readonly snapshotsAt: number[];
  /** Reads the server's seq right after an emit; set once the server exists. */
  seqOf: () => number;
  /** Active incidents in the current state. */
  incidentCount(): number;
}

// Real milliseconds between two looks at the story's clock.
const STORY_TICK_MS = 250;

/** Real milliseconds between two sends of the load stream. */
export const LOAD_TICK_MS = 50;

/** Entities in a change. */
export function countEntities(change: EntityChange): number {
  const u = change.upsert ?? {};
  const r = change.remove ?? {};
  return [u.services, u.slos, u.incidents, r.services, r.slos, r.incidents].reduce((n, list) => n + (list?.length ?? 0), 0);
}

function quietIncident(n: number, service: Service, at: number): Incident {
  return { id: `bench-${n}`, title: `${service.name}: elevated queue depth`, severity: 'sev4', status: 'investigating', serviceIds: [service.id], startedAt: at };
}

/** Creates the benchmark source. */
export function createLoadSource(options: LoadSourceOptions): LoadSource {
  const realNow = options.now ?? Date.now;
  const speed = options.speed ?? 1;
  const origin = realNow();
  const clock = speed === 1 ? realNow : () => origin + (realNow() - origin) * speed;
  const sim = createSimulatorSource({ services: options.services, slos: options.slos, clock });
  const simSnapshot = sim.snapshot();
  const extra: Incident[] = [];
  const missing = (options.incidents ?? 0) - simSnapshot.incidents.length;
  for (let n = 0; n < missing && simSnapshot.services.length > 0; n++) extra.push(quietIncident(n, simSnapshot.services[(n * 37) % simSnapshot.services.length]!, clock()));
  const churn = createChurn(simSnapshot.services, simSnapshot.slos, clock());
  // What the story changed wins over the company's own state when the stream re-measures it.
  const storyServices = new Map<string, Service>();
  const storySlos = new Map<string, Slo>();
  const sent = { entities: 0, atBySeq: new Map<number, number>(), entitiesBySeq: new Map<number, number>() };
  let context: SourceContext | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let storyTimer: ReturnType<typeof setInterval> | null = null;
  let n = 0;
  let owed = 0;

  function emit(change: EntityChange): void {
    const count = countEntities(change);
    if (count === 0 || context === null) return;
    context.emit(change);
    const seq = source.seqOf();
    sent.entities += count;
    sent.atBySeq.set(seq, realNow());
    sent.entitiesBySeq.set(seq, count);
  }

  function loadTick(): void {
    const due = accrue(owed, options.updatesPerSecond, LOAD_TICK_MS);
    owed = due.owed;
    if (due.count === 0) return;
    const { services, slos } = sim.model.snapshot();
    const now = clock();
    const upSlos: Slo[] = [];
    const upServices: Service[] = [];
    for (let i = 0; i < due.count; i++, n++) {
      const target = pickTarget(n, services.length, slos.length);
      if (target.kind === 'service') {
        const base = services[target.index];
        const s = base && (storyServices.get(base.id) ?? base);
        if (s) upServices.push({ ...s, updatedAt: now });
      } else {
        const base = slos[target.index];
        const s = base && (storySlos.get(base.id) ?? base);
        if (s) upSlos.push({ ...s, errorRatio: { ...s.errorRatio, '5m': ((n % 97) / 97) * 0.002 }, updatedAt: now });
      }
    }
    emit({ upsert: { services: upServices, slos: upSlos } });
  }

  const source: LoadSource = {
    description: `bench load (${options.services} services, ${options.slos} SLOs, ${options.updatesPerSecond} updates/s)`,
    clock,
    sent,
    snapshotsAt: [],
    seqOf: () => 0,
    snapshot() {
      source.snapshotsAt.push(realNow());
      const s = sim.snapshot();
      return { ...s, incidents: [...s.incidents, ...extra, ...churn.incidents()] };
    },
    incidentCount: () => [...sim.snapshot().incidents, ...extra, ...churn.incidents()].filter((i) => i.status !== 'resolved').length,
    start(ctx) {
      context = ctx;
    },
    stop() {
      source.stopLoad();
    },
    startLoad() {
      if (context === null || timer !== null) return;
      if (options.story === true) {
        storyTimer = setInterval(() => {
          const change = churn.advanceTo(clock());
          for (const service of change.upsert?.services ?? []) storyServices.set(service.id, service);
          for (const slo of change.upsert?.slos ?? []) storySlos.set(slo.id, slo);
          emit(change);
        }, STORY_TICK_MS);
      }
      timer = setInterval(loadTick, LOAD_TICK_MS);
    },
    stopLoad() {
      if (timer !== null) clearInterval(timer);
      if (storyTimer !== null) clearInterval(storyTimer);
      timer = null;
      storyTimer = null;
    },
  };
  return source;
}
