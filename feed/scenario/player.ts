import { RATIO_WINDOWS } from '../../shared/protocol/entities';
import type { Incident, Service, Slo } from '../../shared/protocol/entities';
import type { EntityChange, EntitySet, FeedFault } from '../source';
import { applyIncident } from './incidentStep';
import { serviceEntity, sloEntity } from './runtime';
import type { ServiceRuntime, SloRuntime } from './runtime';
import type { Scenario, ScenarioAction } from './scenario';
import { describeAction } from './steps';

// Entities are re-sent at least this often (scenario time) so none looks stale.
const REFRESH_MS = 30_000;

/**
 * Plays a scenario in scenario time. Pure: `advanceTo(now)` applies every
 * step due by `now`, each at its own time (a burn starts at its step's
 * time, not at the tick that noticed it), then recomputes the trailing
 * windows at `now`. The same scenario and times always give the same output.
 */
export class ScenarioPlayer {
  private readonly services = new Map<string, ServiceRuntime>();
  private readonly slos = new Map<string, SloRuntime>();
  private readonly slosOf = new Map<string, SloRuntime[]>();
  private readonly incidents = new Map<string, Incident>();
  private next = 0;
  private offset = 0;
  private changedIncidents = new Set<string>();
  private removed: Required<NonNullable<EntityChange['remove']>> = { services: [], slos: [], incidents: [] };
  private readonly touched = new Set<string>();

  constructor(
    private readonly scenario: Scenario,
    /** Epoch ms of the scenario's 0s. */
    readonly startAt: number,
  ) {
    for (const def of scenario.services) {
      const runtime: ServiceRuntime = { def, status: def.status, entity: undefined as never };
      if (def.message !== undefined) runtime.message = def.message;
      this.services.set(def.id, runtime);
    }
    for (const def of scenario.slos) {
      const slo: SloRuntime = { def, episodes: [], pinned: {}, entity: undefined as never };
      this.slos.set(def.id, slo);
      this.slosOf.set(def.serviceId, [...(this.slosOf.get(def.serviceId) ?? []), slo]);
    }
    for (const slo of this.slos.values()) slo.entity = sloEntity(slo, startAt);
    for (const service of this.services.values()) service.entity = serviceEntity(service, this.slosOf.get(service.def.id) ?? [], startAt);
  }

  /** Everything as it stands now. */
  snapshot(): EntitySet {
    return {
      services: [...this.services.values()].map((s) => s.entity),
      slos: [...this.slos.values()].map((s) => s.entity),
      incidents: [...this.incidents.values()],
    };
  }

  /** Epoch ms of the next step, or null when none is left. */
  nextStepAt(): number | null {
    const step = this.scenario.steps[this.next];
    if (step) return this.startAt + this.offset + step.atMs;
    const { repeatMs } = this.scenario;
    return repeatMs === undefined || this.scenario.steps.length === 0 ? null : this.startAt + this.offset + repeatMs + (this.scenario.steps[0]?.atMs ?? 0);
  }

  /** Applies the steps due by `now`, recomputes, and returns the change and any faults to carry out. */
  advanceTo(now: number): { change: EntityChange; faults: FeedFault[]; played: string[] } {
    const faults: FeedFault[] = [];
    const played: string[] = [];
    for (let at = this.nextStepAt(); at !== null && at <= now; at = this.nextStepAt()) {
      if (this.next >= this.scenario.steps.length) {
        this.offset += this.scenario.repeatMs ?? 0;
        this.next = 0;
        continue;
      }
      const step = this.scenario.steps[this.next]!;
      this.next += 1;
      played.push(`${step.label}: ${describeAction(step.action)}`);
      if (step.action.kind === 'fault') faults.push(step.action.fault);
      else this.apply(step.action, at);
    }
    return { change: this.collect(now), faults, played };
  }

  private apply(action: Exclude<ScenarioAction, { kind: 'fault' }>, at: number): void {
    switch (action.kind) {
      case 'all-healthy':
        for (const slo of this.slos.values()) {
          slo.episodes = [];
          slo.pinned = {};
          this.touched.add(slo.def.serviceId);
        }
        for (const service of this.services.values()) {
          service.status = 'ok';
          delete service.message;
          this.touched.add(service.def.id);
        }
        for (const incident of this.incidents.values()) if (incident.status !== 'resolved') this.setIncident(applyIncident(incident, incident.id, { status: 'resolved' }, at));
        break;
      case 'burn':
      case 'recover': {
        const slo = this.slos.get(action.slo);
        if (!slo) break;
        // Episodes must not overlap: whatever ran past this burn's start ends there.
        const from = action.kind === 'burn' ? at - (action.sinceMs ?? 0) : at;
        slo.episodes = slo.episodes.filter((e) => e.startedAt < from);
        for (const e of slo.episodes) if (e.endedAt === undefined || e.endedAt > from) e.endedAt = from;
        if (action.kind === 'burn') {
          const errorRatio = Math.min(1, action.rate * (1 - slo.def.objective));
          slo.episodes.push(action.forMs === undefined ? { errorRatio, startedAt: from } : { errorRatio, startedAt: from, endedAt: at + action.forMs });
        }
        this.touched.add(slo.def.serviceId);
        break;
      }
      case 'ratios': {
        const slo = this.slos.get(action.slo);
        if (slo) slo.pinned = action.errorRatio;
        break;
      }
      case 'service': {
        const service = this.services.get(action.service);
        if (!service) break;
        service.status = action.status;
        if (action.message === undefined) delete service.message;
        else service.message = action.message;
        this.touched.add(service.def.id);
        break;
      }
      case 'incident':
      case 'resolve': {
        const fields = action.kind === 'resolve' ? { status: 'resolved' as const } : action.fields;
        this.setIncident(applyIncident(this.incidents.get(action.incident), action.incident, fields, at));
        break;
      }
      case 'remove':
        this.remove(action.services, action.slos, action.incidents);
        break;
    }
  }

  private setIncident(incident: Incident): void {
    this.incidents.set(incident.id, incident);
    this.changedIncidents.add(incident.id);
  }

  private remove(services: string[], slos: string[], incidents: string[]): void {
    const gone = new Set(services.filter((id) => this.services.delete(id)));
    this.removed.services.push(...gone);
    // An SLO without its service would be an orphan on the wall: it goes too.
    const sloIds = new Set(slos);
    for (const slo of this.slos.values()) if (gone.has(slo.def.serviceId)) sloIds.add(slo.def.id);
    for (const id of sloIds) {
      const slo = this.slos.get(id);
      if (!slo) continue;
      this.slos.delete(id);
      this.slosOf.set(slo.def.serviceId, (this.slosOf.get(slo.def.serviceId) ?? []).filter((s) => s !== slo));
      this.removed.slos.push(id);
    }
    for (const id of incidents) if (this.incidents.delete(id)) this.removed.incidents.push(id);
  }

  private collect(now: number): EntityChange {
    const upsertSlos: Slo[] = [];
    for (const slo of this.slos.values()) {
      const next = sloEntity(slo, now);
      const isChanged = RATIO_WINDOWS.some((w) => next.errorRatio[w] !== slo.entity.errorRatio[w]);
      if (isChanged || now - slo.entity.updatedAt >= REFRESH_MS) {
        slo.entity = next;
        upsertSlos.push(next);
        if (isChanged) this.touched.add(slo.def.serviceId);
      }
    }
    const upsertServices: Service[] = [];
    for (const service of this.services.values()) {
      if (!this.touched.has(service.def.id) && now - service.entity.updatedAt < REFRESH_MS) continue;
      service.entity = serviceEntity(service, this.slosOf.get(service.def.id) ?? [], now);
      upsertServices.push(service.entity);
    }
    const incidents = [...this.changedIncidents].map((id) => this.incidents.get(id)).filter((i): i is Incident => i !== undefined);
    const change: EntityChange = {};
    if (upsertServices.length || upsertSlos.length || incidents.length) change.upsert = { services: upsertServices, slos: upsertSlos, incidents };
    const { removed } = this;
    if (removed.services.length || removed.slos.length || removed.incidents.length) change.remove = removed;
    this.touched.clear();
    this.changedIncidents = new Set();
    this.removed = { services: [], slos: [], incidents: [] };
    return change;
  }
}
