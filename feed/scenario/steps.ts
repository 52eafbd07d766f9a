import type { ErrorRatios, ServiceStatus } from '../../shared/protocol/entities';
import { parseDuration } from './duration';
import { ACTION_KEYS, actionSchemas } from './format';
import type { ActionKey } from './format';
import { describeZodIssues, show } from './issues';
import type { ScenarioAction, ScenarioStep } from './scenario';

/** One line saying what a step does, for the feed's log: "burn checkout-availability at 20x". */
export function describeAction(a: ScenarioAction): string {
  if ('slo' in a) return a.kind === 'burn' ? `burn ${a.slo} at ${a.rate}x` : `${a.kind} ${a.slo}`;
  if ('incident' in a) return `${a.kind} ${a.incident}`;
  if (a.kind === 'service') return `service ${a.service} ${a.status}`;
  if (a.kind === 'fault') return `fault ${a.fault.kind}`;
  return a.kind;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ACTIONS_HELP = `a step has "at" and one of: ${ACTION_KEYS.join(', ')}`;

function toAction(key: ActionKey, body: unknown): ScenarioAction {
  switch (key) {
    case 'all':
      return { kind: 'all-healthy' };
    case 'burn': {
      const b = body as { slo: string; rate: number; for?: number | string; since?: number | string };
      return {
        kind: 'burn',
        slo: b.slo,
        rate: b.rate,
        ...(b.for === undefined ? {} : { forMs: parseDuration(b.for) ?? 0 }),
        ...(b.since === undefined ? {} : { sinceMs: parseDuration(b.since) ?? 0 }),
      };
    }
    case 'recover':
      return { kind: 'recover', slo: body as string };
    case 'service': {
      const b = body as { id: string; status: ServiceStatus; message?: string };
      return { kind: 'service', service: b.id, status: b.status, ...(b.message === undefined ? {} : { message: b.message }) };
    }
    case 'incident': {
      const { id, services, ...rest } = body as { id: string; services?: string[] } & Record<string, unknown>;
      return { kind: 'incident', incident: id, fields: { ...rest, ...(services ? { serviceIds: services } : {}) } };
    }
    case 'resolve':
      return { kind: 'resolve', incident: body as string };
    case 'remove': {
      const b = body as { services?: string | string[]; slos?: string | string[]; incidents?: string | string[] };
      return { kind: 'remove', services: list(b.services), slos: list(b.slos), incidents: list(b.incidents) };
    }
    case 'ratios': {
      const { slo, ...errorRatio } = body as { slo: string } & ErrorRatios;
      return { kind: 'ratios', slo, errorRatio };
    }
    case 'fault': {
      if (typeof body === 'object' && body !== null) return { kind: 'fault', fault: { kind: 'gap', count: (body as { gap: number }).gap } };
      return { kind: 'fault', fault: body === 'gap' ? { kind: 'gap', count: 1 } : { kind: body as 'malformed' | 'bad-entity' } };
    }
  }
}

/**
 * Checks the shape of each step and turns it into an action. Problems are
 * pushed one per line, each naming its step: "step 3 (at 30s): burn.rate: …".
 */
export function parseSteps(raws: readonly unknown[], problems: string[]): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  let previous: { atMs: number; at: unknown } | null = null;
  raws.forEach((raw, index) => {
    const name = `step ${index + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${name}: must be an object (${ACTIONS_HELP}), got ${show(raw)}`);
      return;
    }
    const record = raw as Record<string, unknown>;
    const atMs = parseDuration(record.at);
    if (atMs === null) {
      problems.push(record.at === undefined ? `${name}: at: is required, e.g. "at: 30s"` : `${name}: at: must be a duration such as 30s, 1m30s or 2h (got ${show(record.at)})`);
      return;
    }
    const label = `${name} (at ${typeof record.at === 'number' ? `${record.at}s` : String(record.at)})`;
    const keys = Object.keys(record).filter((k) => k !== 'at');
    const unknown = keys.filter((k) => !(ACTION_KEYS as string[]).includes(k));
    if (unknown.length > 0) {
      problems.push(`${label}: unknown key ${unknown.map((k) => `"${k}"`).join(', ')} (${ACTIONS_HELP})`);
      return;
    }
    if (keys.length !== 1) {
      problems.push(keys.length === 0 ? `${label}: no action (${ACTIONS_HELP})` : `${label}: one action per step, got ${keys.join(' and ')}; give each its own step with the same at`);
      return;
    }
    if (previous !== null && atMs < previous.atMs) {
      problems.push(`${label}: comes before the step above it (at ${show(previous.at)}); steps must be in time order`);
      return;
    }
    previous = { atMs, at: record.at };
    const key = keys[0] as ActionKey;
    const body = record[key];
    const parsed = actionSchemas[key].safeParse(body);
    if (!parsed.success) {
      for (const line of describeZodIssues(parsed.error, body, key)) problems.push(`${label}: ${line}`);
      return;
    }
    steps.push({ atMs, label, action: toAction(key, parsed.data) });
  });
  return steps;
}
