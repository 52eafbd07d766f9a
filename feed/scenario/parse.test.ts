import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';
import { ScenarioError } from './issues';
import { loadScenarioFile, parseScenarioText } from './load';

const HEAD = `
services:
  - { id: checkout, tier: 1 }
slos:
  - { id: checkout-availability, service: checkout, objective: 0.999 }
steps:
`;

function problemsOf(yaml: string): string[] {
  try {
    parseScenarioText(yaml, 'test.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario durations', () => {
  it('reads units, combinations and plain seconds', () => {
    expect(parseDuration('0s')).toBe(0);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(12)).toBe(12_000);
    for (const bad of ['soon', '10', '-5s', '5 minutes', '', null, -1]) expect(parseDuration(bad)).toBeNull();
    expect(formatDuration(90_000)).toBe('1m30s');
  });
});

describe('parseScenario', () => {
  it('reads every example scenario', () => {
    const dir = join(import.meta.dirname, '..', 'scenarios');
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(loadScenarioFile(join(dir, file)).steps.length).toBeGreaterThan(0);
  });

  it('resolves declared entities with their defaults', () => {
    const s = parseScenarioText(`${HEAD}  - at: 1m30s\n    burn: { slo: checkout-availability, rate: 20, for: 5m }\n`);
    expect(s.services[0]).toMatchObject({ id: 'checkout', name: 'checkout', status: 'ok', tier: 1 });
    expect(s.slos[0]).toMatchObject({ serviceId: 'checkout', windowDays: 30, kind: 'availability' });
    expect(s.slos[0]?.baseline).toBeCloseTo(0.1 * 0.001, 15);
    expect(s.steps[0]).toMatchObject({ atMs: 90_000, action: { kind: 'burn', slo: 'checkout-availability', rate: 20, forMs: 300_000 } });
  });

  it('names the step and the field of a bad value, with the value', () => {
    const problems = problemsOf(`${HEAD}  - at: 0s\n    all: healthy\n  - at: 10s\n    burn: { slo: checkout-availability, rate: fast }\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^step 2 \(at 10s\): burn\.rate: must be a burn rate above 0.*\(got "fast"\)$/);
  });

  it('names a missing field, an unknown key, a missing time and a step with two actions', () => {
    expect(problemsOf(`${HEAD}  - at: 5s\n    burn: { rate: 3 }\n`)).toEqual(['step 1 (at 5s): burn.slo: is required']);
    expect(problemsOf(`${HEAD}  - at: 5s\n    burnn: { slo: x }\n`)[0]).toMatch(/^step 1 \(at 5s\): unknown key "burnn" \(a step has "at" and one of: all, burn, /);
    expect(problemsOf(`${HEAD}  - burn: { slo: checkout-availability, rate: 2 }\n`)).toEqual(['step 1: at: is required, e.g. "at: 30s"']);
    expect(problemsOf(`${HEAD}  - at: soon\n    all: healthy\n`)[0]).toMatch(/^step 1: at: must be a duration .*\(got "soon"\)/);
    expect(problemsOf(`${HEAD}  - at: 5s\n    all: healthy\n    resolve: x\n`)[0]).toMatch(/^step 1 \(at 5s\): one action per step, got all and resolve/);
    expect(problemsOf(`${HEAD}  - at: 5s\n    burn: { slo: checkout-availability, rate: 2, sped: 3 }\n`)).toEqual(['step 1 (at 5s): burn: unknown key "sped"']);
  });

  it('checks references and order across steps', () => {
    const problems = problemsOf(
      `${HEAD}  - at: 10s\n    burn: { slo: checkout-avail, rate: 2 }\n  - at: 5s\n    all: healthy\n  - at: 20s\n    incident: { id: inc-1, severity: sev9 }\n  - at: 30s\n    incident: { id: inc-2, severity: sev1 }\n  - at: 40s\n    resolve: inc-3\n`,
    );
    expect(problems).toEqual([
      'step 2 (at 5s): comes before the step above it (at "10s"); steps must be in time order',
      'step 3 (at 20s): incident.severity: must be one of sev1, sev2, sev3, sev4 (got "sev9")',
      'step 1 (at 10s): unknown SLO "checkout-avail" (known: checkout-availability)',
      'step 4 (at 30s): incident "inc-2" opens here, so it needs title, severity and services (missing: title, services)',
      'step 5 (at 40s): resolve: no earlier step opens incident "inc-3"',
    ]);
  });

  it('names bad entities and top-level keys', () => {
    const bad = `services:\n  - { id: a }\nslos:\n  - { id: a-av, service: a, objective: 1 }\n  - { id: b-av, service: b, objective: 0.99 }\nstpes: []\n`;
    const problems = problemsOf(bad);
    expect(problems).toContain('slos[0].objective: must be strictly between 0 and 1 (100% has no budget) (got 1)');
    expect(problems).toContain('unknown key "stpes"');
    expect(problems).toContain('steps: is required');
    expect(problemsOf(`services:\n  - { id: a }\nslos:\n  - { id: b-av, service: b, objective: 0.99 }\nsteps: []\n`)).toEqual([
      'slos[0] (b-av): service: unknown service "b" (known: a)',
    ]);
    expect(problemsOf('steps: []\n')).toEqual(['no services: list them under "services:" or give a seeded "company:"']);
  });

  it('reports YAML syntax errors with their line, and reads JSON too', () => {
    const problems = problemsOf('services:\n  - { id: a\nsteps: []\n');
    expect(problems[0]).toMatch(/^line \d+, column \d+: /);
    const json = parseScenarioText(JSON.stringify({ services: [{ id: 'a' }], steps: [{ at: 0, service: { id: 'a', status: 'down' } }] }));
    expect(json.steps[0]?.action).toEqual({ kind: 'service', service: 'a', status: 'down' });
  });

  it('puts the file and the first problem on one line in the error message', () => {
    expect(() => parseScenarioText(`${HEAD}  - at: 5s\n    burn: { rate: 3 }\n  - at: 1s\n    all: healthy\n`, 'x.yaml')).toThrow(
      /^x\.yaml: step 1 \(at 5s\): burn\.slo: is required \(and 1 more problem\)$/,
    );
    expect(() => loadScenarioFile('/nonexistent/scenario.yaml')).toThrow('/nonexistent/scenario.yaml: no such file');
  });

  it('builds a seeded company for a scenario that asks for one', () => {
    const s = parseScenarioText('company: { seed: 7, services: 12 }\nsteps:\n  - at: 1m\n    burn: { slo: checkout-availability, rate: 5 }\n');
    expect(s.services).toHaveLength(12);
    expect(s.slos.some((slo) => slo.id === 'checkout-availability')).toBe(true);
    expect(problemsOf('company: { seed: 7, services: 12 }\nservices:\n  - { id: checkout }\nsteps: []\n')).toEqual([
      'services[0]: id "checkout" is already taken (the company has it)',
    ]);
  });
});
