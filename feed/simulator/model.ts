import type { Incident, Severity } from '../../shared/protocol/entities';
import { Random } from '../random';
import type { EntityChange, EntitySet } from '../source';
import { MINUTE_MS } from '../trailingWindow';
import { MAINTENANCE_REASONS, STANDALONE_INCIDENTS } from './catalog';
import { beginDegradation } from './degradation';
import { generateCompany } from './company';
import type { Company, CompanySize, SloModel } from './company';
import { serviceEntity, sloEntity } from './entities';
import type { ServiceState } from './entities';
import { IncidentBook } from './incidents';
import type { IncidentOpening } from './incidents';

/** How to build a simulated company and play its story. */
export interface SimulatorOptions extends CompanySize {
  /** Story time of the first state, epoch ms. */
  startAt: number;
  /** Story step; 1000 ms by default. */
  tickMs?: number;
}

// Each service is re-measured at least this often, so nothing looks stale
// (the wall calls an entity stale after 5 minutes). A large company is
// re-measured less often, as a real scrape of it would be.
const REFRESH_MS = 15_000;
const LARGE_REFRESH_MS = 60_000;

/**
 * The simulated company and its story, advanced in fixed steps of story
 * time. Every choice comes from generators seeded by `seed`, and a step's
 * outcome depends only on the steps before it, never on when the timer
 * fired: the same seed and start give the same story.
 */
export class SimulatorModel {
  readonly company: Company;
  readonly tickMs: number;
  private readonly startAt: number;
  private readonly story: Random;
  private readonly noise: Random;
  private readonly incidents: IncidentBook;
  private readonly services: ServiceState[];
  private readonly degraded = new Set<ServiceState>();
  private readonly quiet = new Set<ServiceState>();
  private readonly scale: number;
  private tickIndex = 0;
  private cursor = 0;
  private touched = new Set<ServiceState>();
  private changedIncidents = new Map<string, Incident>();
  private removedIncidents: string[] = [];

  constructor(options: SimulatorOptions) {
    this.company = generateCompany(options);
    this.tickMs = options.tickMs ?? 1_000;
    this.startAt = options.startAt;
    const root = new Random(options.seed ^ 0x2545f491);
    this.story = root.fork();
    this.noise = root.fork();
    this.incidents = new IncidentBook(root.fork());
    const start = this.startAt;
    const slosByService = new Map<string, SloModel[]>();
    for (const slo of this.company.slos) {
      const list = slosByService.get(slo.serviceId);
      if (list) list.push(slo);
      else slosByService.set(slo.serviceId, [slo]);
    }
    this.services = this.company.services.map((model) => {
      const slos = (slosByService.get(model.id) ?? []).map((slo) => {
          // History is stored relative to the story's start.
          const state = { model: slo, episodes: slo.history.map((e) => ({ ...e, startedAt: e.startedAt + start, endedAt: (e.endedAt ?? 0) + start })) };
          return { ...state, entity: sloEntity(state, start) };
        });
      const state: ServiceState = { model, slos, walk: 0, entity: undefined as never };
      state.entity = serviceEntity(state, start, this.noise);
      return state;
    });
    this.scale = Math.max(1, this.services.length / 40) ** 0.75;
    this.warmStart();
  }

  /** Everything as it stands now. */
  snapshot(): EntitySet {
    return {
      services: this.services.map((s) => s.entity),
      slos: this.services.flatMap((s) => s.slos.map((slo) => slo.entity)),
      incidents: this.incidents.list(),
    };
  }

  /** Plays every step due by `now` and returns what they changed. */
  advanceTo(now: number): EntityChange {
    while (this.startAt + (this.tickIndex + 1) * this.tickMs <= now) {
      this.tickIndex += 1;
      this.tick(this.startAt + this.tickIndex * this.tickMs);
    }
    const change: EntityChange = {};
    if (this.touched.size > 0 || this.changedIncidents.size > 0) {
      const services = [...this.touched];
      change.upsert = {
        services: services.map((s) => s.entity),
        slos: services.flatMap((s) => s.slos.map((slo) => slo.entity)),
        incidents: [...this.changedIncidents.values()],
      };
    }
    if (this.removedIncidents.length > 0) change.remove = { incidents: this.removedIncidents };
    this.touched = new Set();
    this.changedIncidents = new Map();
    this.removedIncidents = [];
    return change;
  }

  // A story that starts with nothing happening makes a dull first minute:
  // a few burns are already under way when the feed starts.
  private warmStart(): void {
    const count = this.services.length >= 10 ? Math.max(1, Math.round(this.services.length * 0.04)) : 0;
    for (let i = 0; i < count; i += 1) {
      const s = this.pickHealthy(() => true);
      if (s) this.startDegradation(s, this.startAt - Math.round(this.story.range(1, 10) * MINUTE_MS));
    }
    for (const incident of this.incidents.tick(this.startAt).changed) this.changedIncidents.set(incident.id, incident);
    for (const s of this.degraded) this.refresh(s, this.startAt);
    this.touched = new Set();
    this.changedIncidents = new Map();
  }

  private tick(now: number): void {
    const due = new Set<ServiceState>();
    for (const s of this.degraded) if (s.degradation && s.degradation.endsAt <= now) this.endDegradation(s, now);
    for (const s of this.quiet) {
      if (s.quiet && s.quiet.until <= now) {
        s.quiet = undefined;
        this.quiet.delete(s);
        due.add(s);
      }
    }
    for (let n = this.draws(this.tickMs / 150_000); n > 0; n -= 1) {
      const s = this.pickHealthy(() => true);
      if (s) this.startDegradation(s, now);
    }
    for (let n = this.draws(this.tickMs / 480_000); n > 0; n -= 1) this.openStandalone(now);
    for (let n = this.draws(this.tickMs / 300_000); n > 0; n -= 1) {
      const s = this.pickHealthy((c) => c.model.tier >= 3);
      if (!s) continue;
      const isMaintenance = this.story.chance(0.7);
      const until = now + Math.round(this.story.range(isMaintenance ? 3 : 1, isMaintenance ? 10 : 4) * MINUTE_MS);
      s.quiet = isMaintenance
        ? { status: 'maintenance', message: this.story.pick(MAINTENANCE_REASONS), until }
        : { status: 'unknown', message: 'No metrics from the exporter', until };
      this.quiet.add(s);
      due.add(s);
    }
    const { changed, removed } = this.incidents.tick(now);
    for (const incident of changed) this.changedIncidents.set(incident.id, incident);
    for (const id of removed) {
      this.changedIncidents.delete(id);
      this.removedIncidents.push(id);
    }
    const refreshMs = this.services.length > 1_000 ? LARGE_REFRESH_MS : REFRESH_MS;
    const slice = Math.ceil((this.services.length * this.tickMs) / refreshMs);
    for (let i = 0; i < slice && this.services.length > 0; i += 1) {
      due.add(this.services[this.cursor]!);
      this.cursor = (this.cursor + 1) % this.services.length;
    }
    for (const s of this.degraded) due.add(s);
    for (const s of due) this.refresh(s, now);
  }

  private refresh(s: ServiceState, now: number): void {
    for (const slo of s.slos) slo.entity = sloEntity(slo, now);
    s.entity = serviceEntity(s, now, this.noise);
    this.touched.add(s);
  }

  /** How many events of a kind happen this step, for a per-step expectation λ (scaled by company size). */
  private draws(lambda: number): number {
    const expected = lambda * this.scale;
    return Math.floor(expected) + (this.story.chance(expected % 1) ? 1 : 0);
  }

  private pickHealthy(accept: (s: ServiceState) => boolean): ServiceState | undefined {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const s = this.story.pick(this.services);
      if (!s.degradation && !s.quiet && accept(s)) return s;
    }
    return undefined;
  }

  private startDegradation(s: ServiceState, startedAt: number): void {
    const { degradation, incident } = beginDegradation(s, startedAt, this.story);
    if (incident) {
      const opened = this.incidents.open(incident, startedAt);
      degradation.incidentId = opened.id;
      this.changedIncidents.set(opened.id, opened);
    }
    s.degradation = degradation;
    this.degraded.add(s);
  }

  private endDegradation(s: ServiceState, now: number): void {
    const d = s.degradation;
    if (!d) return;
    for (const slo of s.slos) for (const e of slo.episodes) if (e.endedAt === undefined) e.endedAt = d.endsAt;
    if (d.incidentId) this.incidents.recovered(d.incidentId, now);
    s.degradation = undefined;
    this.degraded.delete(s);
    this.refresh(s, now);
  }

  private openStandalone(now: number): void {
    const s = this.story.pick(this.services);
    const cause = this.story.pick(STANDALONE_INCIDENTS);
    const severity: Severity = this.story.chance(0.3) ? 'sev3' : 'sev4';
    const opening: IncidentOpening = { severity, title: `${s.model.name}: ${cause}`, serviceIds: [s.model.id], team: s.model.team, cause, waitsForRecovery: false };
    const incident = this.incidents.open(opening, now);
    this.changedIncidents.set(incident.id, incident);
  }
}
