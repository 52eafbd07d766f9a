import type { ErrorRatios, IncidentStatus, Service, ServiceStatus, Severity } from '../../shared/protocol/entities';
import type { FeedFault } from '../source';

/** A service of a scenario, resolved from the file (declared or from the seeded company). */
export interface ScenarioService {
  id: string;
  name: string;
  team?: string;
  tier?: number;
  status: ServiceStatus;
  message?: string;
  signals?: Omit<NonNullable<Service['signals']>, 'errorRatio'>;
}

/** An SLO of a scenario, resolved from the file. */
export interface ScenarioSlo {
  id: string;
  serviceId: string;
  name: string;
  kind: 'availability' | 'latency';
  objective: number;
  windowDays: number;
  /** Error ratio when nothing burns. */
  baseline: number;
}

/** The fields an incident step sets; the first step naming an incident sets title, severity and services. */
export interface IncidentFields {
  title?: string;
  severity?: Severity;
  status?: IncidentStatus;
  serviceIds?: string[];
  commander?: string;
  summary?: string;
  url?: string;
}

/** What one step does. */
export type ScenarioAction =
  | { kind: 'all-healthy' }
  /** `sinceMs`: the burn began that long before the step (an outage already under way). */
  | { kind: 'burn'; slo: string; rate: number; forMs?: number; sinceMs?: number }
  | { kind: 'recover'; slo: string }
  | { kind: 'service'; service: string; status: ServiceStatus; message?: string }
  | { kind: 'incident'; incident: string; fields: IncidentFields }
  | { kind: 'resolve'; incident: string }
  | { kind: 'remove'; services: string[]; slos: string[]; incidents: string[] }
  | { kind: 'ratios'; slo: string; errorRatio: ErrorRatios }
  | { kind: 'fault'; fault: FeedFault };

/** A step at its time since the scenario started. */
export interface ScenarioStep {
  atMs: number;
  /** "step 3 (at 30s)", for logs. */
  label: string;
  action: ScenarioAction;
}

/** A checked scenario, ready to play. */
export interface Scenario {
  name: string;
  services: ScenarioService[];
  slos: ScenarioSlo[];
  /** In time order. */
  steps: ScenarioStep[];
  /** When set, the steps play again every `repeatMs` (state carries over). */
  repeatMs?: number;
}
