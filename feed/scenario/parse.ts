import { generateCompany } from '../simulator/company';
import { parseDuration } from './duration';
import { scenarioFileSchema } from './format';
import type { ServiceDefInput, SloDefInput } from './format';
import { ScenarioError, describeZodIssues } from './issues';
import type { Scenario, ScenarioService, ScenarioSlo, ScenarioStep } from './scenario';
import { parseSteps } from './steps';

// An SLO that burns nothing has a tenth of its budget's rate as errors:
// healthy, but not a suspicious flat zero.
const DEFAULT_BASELINE_RATE = 0.1;

function companyEntities(company: { seed: number; services?: number }, baselineRate: number | undefined) {
  const { services, slos } = generateCompany({ seed: company.seed, services: company.services ?? 40 });
  return {
    services: services.map((s): ScenarioService => ({ id: s.id, name: s.name, team: s.team, tier: s.tier, status: 'ok', signals: { rps: s.base.rps, latencyP99Ms: s.base.latencyP99Ms, saturation: s.base.saturation } })),
    slos: slos.map((s): ScenarioSlo => ({ ...s, baseline: baselineRate === undefined ? s.baseline : Math.min(1, baselineRate * (1 - s.objective)) })),
  };
}

function declaredService(def: ServiceDefInput): ScenarioService {
  const { id, name, status, ...rest } = def;
  return { id, name: name ?? id, status: status ?? 'ok', ...rest };
}

function declaredSlo(def: SloDefInput, serviceName: string, baselineRate: number): ScenarioSlo {
  const kind = def.kind ?? (/latency/i.test(`${def.id} ${def.name ?? ''}`) ? 'latency' : 'availability');
  const rate = def.baseline ?? baselineRate;
  return {
    id: def.id,
    serviceId: def.service,
    name: def.name ?? `${serviceName} ${kind}`,
    kind,
    objective: def.objective,
    windowDays: def.windowDays ?? 30,
    baseline: Math.min(1, rate * (1 - def.objective)),
  };
}

function known(kind: string, id: string, ids: ReadonlySet<string>): string | null {
  if (ids.has(id)) return null;
  const some = [...ids].slice(0, 6).join(', ');
  return `unknown ${kind} "${id}"${ids.size ? ` (known: ${some}${ids.size > 6 ? ', …' : ''})` : ''}`;
}

/** Checks that every step names entities that exist by then, and that each incident is opened properly. */
function checkReferences(steps: ScenarioStep[], serviceIds: Set<string>, sloIds: Set<string>, problems: string[]): void {
  const incidents = new Set<string>();
  for (const { label, action } of steps) {
    const bad: Array<string | null> = [];
    switch (action.kind) {
      case 'burn':
      case 'recover':
      case 'ratios':
        bad.push(known('SLO', action.slo, sloIds));
        break;
      case 'service':
        bad.push(known('service', action.service, serviceIds));
        break;
      case 'incident': {
        const f = action.fields;
        if (!incidents.has(action.incident)) {
          const missing = (['title', 'severity', 'serviceIds'] as const).filter((k) => f[k] === undefined).map((k) => (k === 'serviceIds' ? 'services' : k));
          if (missing.length) bad.push(`incident "${action.incident}" opens here, so it needs title, severity and services (missing: ${missing.join(', ')})`);
          incidents.add(action.incident);
        }
        for (const id of f.serviceIds ?? []) bad.push(known('service', id, serviceIds));
        break;
      }
      case 'resolve':
        if (!incidents.has(action.incident)) bad.push(`resolve: no earlier step opens incident "${action.incident}"`);
        break;
      case 'remove':
        for (const id of action.services) bad.push(known('service', id, serviceIds));
        for (const id of action.slos) bad.push(known('SLO', id, sloIds));
        for (const id of action.incidents) if (!incidents.has(id)) bad.push(`remove: no earlier step opens incident "${id}"`);
        break;
      default:
        break;
    }
    for (const line of bad) if (line) problems.push(`${label}: ${line}`);
  }
}

/**
 * Checks a scenario read from JSON or YAML and resolves it: the seeded
 * company and the declared entities merged, steps in time order with their
 * actions. Throws a ScenarioError listing every problem, each naming where
 * it is ("step 3 (at 30s): burn.rate: …", "slos[1]: objective: …").
 */
export function parseScenario(raw: unknown, source = 'scenario'): Scenario {
  const top = scenarioFileSchema.safeParse(raw);
  if (!top.success) {
    const problems = describeZodIssues(top.error, raw, '');
    // Report the steps' own problems too, so one run shows them all.
    const rawSteps = (raw as { steps?: unknown } | null)?.steps;
    if (Array.isArray(rawSteps)) parseSteps(rawSteps, problems);
    throw new ScenarioError(source, problems);
  }
  const file = top.data;
  const problems: string[] = [];
  const base = file.company ? companyEntities(file.company, file.baseline) : { services: [], slos: [] };
  const services = [...base.services];
  const serviceIds = new Set(services.map((s) => s.id));
  (file.services ?? []).forEach((def, i) => {
    if (serviceIds.has(def.id)) problems.push(`services[${i}]: id "${def.id}" is already taken${file.company ? ' (the company has it)' : ''}`);
    serviceIds.add(def.id);
    services.push(declaredService(def));
  });
  const slos = [...base.slos];
  const sloIds = new Set(slos.map((s) => s.id));
  (file.slos ?? []).forEach((def, i) => {
    if (sloIds.has(def.id)) problems.push(`slos[${i}]: id "${def.id}" is already taken`);
    const service = services.find((s) => s.id === def.service);
    if (!service) problems.push(`slos[${i}] (${def.id}): service: ${known('service', def.service, serviceIds)}`);
    sloIds.add(def.id);
    slos.push(declaredSlo(def, service?.name ?? def.service, file.baseline ?? DEFAULT_BASELINE_RATE));
  });
  if (services.length === 0) problems.push('no services: list them under "services:" or give a seeded "company:"');
  const steps = parseSteps(file.steps, problems);
  checkReferences(steps, serviceIds, sloIds, problems);
  const repeatMs = file.repeat === undefined ? undefined : (parseDuration(file.repeat) ?? 0);
  if (repeatMs !== undefined && steps.length > 0 && repeatMs <= (steps[steps.length - 1]?.atMs ?? 0)) {
    problems.push(`repeat: ${String(file.repeat)} must be longer than the last step's time`);
  }
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return { name: file.name ?? source, services, slos, steps, ...(repeatMs === undefined ? {} : { repeatMs }) };
}
