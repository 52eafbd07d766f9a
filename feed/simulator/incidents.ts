import type { Incident, IncidentStatus, Severity } from '../../shared/protocol/entities';
import type { Random } from '../random';
import { MINUTE_MS } from '../trailingWindow';
import { COMMANDERS } from './catalog';

/** What opens an incident. */
export interface IncidentOpening {
  severity: Severity;
  title: string;
  serviceIds: string[];
  team: string;
  cause: string;
  /** True when a degradation caused it: it stays `identified` until `recovered()`. */
  waitsForRecovery: boolean;
}

interface Tracked {
  incident: Incident;
  opening: IncidentOpening;
  next: { status: IncidentStatus; at: number } | null;
  isRecovered: boolean;
}

/** Resolved incidents kept on the wall before they are removed from the feed. */
const RESOLVED_KEPT = 10;

/**
 * The incidents of the simulated company and their lifecycle: triggered,
 * acknowledged by a commander, investigating, identified, monitoring once
 * the cause is gone, then resolved. Every delay is drawn from the story's
 * generator, so the same seed replays the same incidents.
 */
export class IncidentBook {
  private readonly tracked = new Map<string, Tracked>();
  private readonly resolvedOrder: string[] = [];
  private number: number;

  constructor(private readonly rng: Random) {
    this.number = rng.int(1000, 8999);
  }

  /** Every incident still on the feed, open or recently resolved. */
  list(): Incident[] {
    return [...this.tracked.values()].map((t) => t.incident);
  }

  get openCount(): number {
    return this.tracked.size - this.resolvedOrder.length;
  }

  /** Opens an incident now; returns it so the caller can emit it. */
  open(opening: IncidentOpening, now: number): Incident {
    this.number += 1;
    const id = `INC-${this.number}`;
    const incident: Incident = {
      id,
      title: opening.title,
      severity: opening.severity,
      status: 'triggered',
      serviceIds: opening.serviceIds,
      startedAt: now,
      summary: `Alert fired: ${opening.cause.toLowerCase()}. Paging ${opening.team} on-call.`,
      url: `https://incidents.example.com/${id}`,
    };
    this.tracked.set(id, { incident, opening, next: { status: 'acknowledged', at: now + this.delay(0.3, 2) }, isRecovered: false });
    return incident;
  }

  /** The degradation behind an incident ended: it may move on to monitoring. */
  recovered(id: string, now: number): void {
    const t = this.tracked.get(id);
    if (!t || t.isRecovered) return;
    t.isRecovered = true;
    if (t.next === null && t.incident.status === 'identified') t.next = { status: 'monitoring', at: now };
  }

  /** Moves every incident whose next step is due; returns what changed and what left the feed. */
  tick(now: number): { changed: Incident[]; removed: string[] } {
    const changed: Incident[] = [];
    for (const t of this.tracked.values()) {
      let moved = false;
      while (t.next !== null && t.next.at <= now) {
        this.advance(t, t.next.status, t.next.at);
        moved = true;
      }
      if (moved) changed.push(t.incident);
    }
    const removed: string[] = [];
    while (this.resolvedOrder.length > RESOLVED_KEPT) {
      const id = this.resolvedOrder.shift()!;
      this.tracked.delete(id);
      removed.push(id);
    }
    return { changed: changed.filter((i) => this.tracked.has(i.id)), removed };
  }

  private delay(minMinutes: number, maxMinutes: number): number {
    return Math.round(this.rng.range(minMinutes, maxMinutes) * MINUTE_MS);
  }

  private advance(t: Tracked, status: IncidentStatus, at: number): void {
    const { cause } = t.opening;
    const i: Incident = { ...t.incident, status };
    switch (status) {
      case 'acknowledged':
        i.acknowledgedAt = at;
        i.commander = this.rng.pick(COMMANDERS);
        i.summary = `${i.commander} is incident commander. Assessing customer impact.`;
        t.next = { status: 'investigating', at: at + this.delay(0.5, 2) };
        break;
      case 'investigating':
        i.summary = `Investigating: ${cause.toLowerCase()}.`;
        t.next = { status: 'identified', at: at + this.delay(1, 5) };
        break;
      case 'identified':
        i.summary = `Identified: ${cause.toLowerCase()}. Mitigation in progress.`;
        t.next = t.opening.waitsForRecovery && !t.isRecovered ? null : { status: 'monitoring', at: at + this.delay(1, 6) };
        break;
      case 'monitoring':
        i.summary = 'Mitigated. Monitoring error rates before resolving.';
        t.next = { status: 'resolved', at: at + this.delay(2, 5) };
        break;
      case 'resolved':
        i.resolvedAt = at;
        i.summary = 'Resolved. Postmortem to follow.';
        t.next = null;
        this.resolvedOrder.push(i.id);
        break;
      default:
        t.next = null;
    }
    t.incident = i;
  }
}
