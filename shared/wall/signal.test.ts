import { describe, expect, it } from 'vitest';
import { exampleService, exampleSlo } from '../protocol/fixtures';
import { evaluateSlo } from '../slo/evaluate';
import { calmSummary, countWithoutSignal, describeNoSignal, serviceSignal, sloSignal } from './signal';

const T = 1_700_000_000_000;
const LIMIT = 5 * 60_000;

describe('sloSignal', () => {
  it('has a signal while fresh with traffic in some window', () => {
    const slo = exampleSlo({ updatedAt: T, errorRatio: { '5m': null, window: 0 } });
    expect(sloSignal(slo, evaluateSlo(slo).hasSignal, T + LIMIT, LIMIT)).toBeNull();
  });

  it('has none with every ratio null or missing: no traffic', () => {
    const slo = exampleSlo({ updatedAt: T, errorRatio: { '5m': null, '1h': null } });
    expect(sloSignal(slo, evaluateSlo(slo).hasSignal, T, LIMIT)).toEqual({ kind: 'no-traffic' });
  });

  it('has none once its data is older than the limit, whatever the ratios said, and that reason comes first', () => {
    const burning = exampleSlo({ updatedAt: T, errorRatio: { '5m': 0.5, '1h': 0.5 } });
    expect(sloSignal(burning, true, T + LIMIT + 1, LIMIT)).toEqual({ kind: 'no-data', forMs: LIMIT + 1 });
    expect(sloSignal(burning, false, T + 7 * 60_000, LIMIT)).toEqual({ kind: 'no-data', forMs: 7 * 60_000 });
  });
});

describe('serviceSignal', () => {
  it('is none for an unknown status, and for old data before that', () => {
    expect(serviceSignal(exampleService({ status: 'ok', updatedAt: T }), T, LIMIT)).toBeNull();
    expect(serviceSignal(exampleService({ status: 'down', updatedAt: T }), T, LIMIT)).toBeNull();
    expect(serviceSignal(exampleService({ status: 'unknown', updatedAt: T }), T, LIMIT)).toEqual({ kind: 'unknown-status' });
    expect(serviceSignal(exampleService({ status: 'unknown', updatedAt: T }), T + 10 * 60_000, LIMIT)).toEqual({ kind: 'no-data', forMs: 600_000 });
  });
});

describe('describeNoSignal', () => {
  it('says why in a few words, whole minutes rounded down, hours from two on', () => {
    expect(describeNoSignal({ kind: 'no-traffic' })).toBe('no traffic');
    expect(describeNoSignal({ kind: 'unknown-status' })).toBe('status unknown');
    expect(describeNoSignal({ kind: 'no-data', forMs: 7 * 60_000 + 59_999 })).toBe('no data for 7 min');
    expect(describeNoSignal({ kind: 'no-data', forMs: 119 * 60_000 })).toBe('no data for 119 min');
    expect(describeNoSignal({ kind: 'no-data', forMs: 3.5 * 3_600_000 })).toBe('no data for 3 h');
  });
});

describe('counting and the calm line', () => {
  it('counts the SLOs without signal apart from those within SLO', () => {
    const slos = [
      exampleSlo({ id: 'a', updatedAt: T }),
      exampleSlo({ id: 'b', updatedAt: T, errorRatio: {} }),
      exampleSlo({ id: 'c', updatedAt: T - 10 * 60_000 }),
    ].map((slo) => ({ slo, evaluation: evaluateSlo(slo) }));
    const without = countWithoutSignal(slos, T, LIMIT);
    expect(without).toBe(2);
    expect(calmSummary(slos.length, without)).toBe('1 budget within SLO, 2 without signal');
  });

  it('never claims a budget is within SLO when it has no signal', () => {
    expect(calmSummary(42, 2)).toBe('all 40 budgets within SLO, 2 without signal');
    expect(calmSummary(40, 0)).toBe('all 40 budgets within SLO');
    expect(calmSummary(3, 3)).toBe('all 3 budgets have no signal');
    expect(calmSummary(1, 1)).toBe('the only budget has no signal');
    expect(calmSummary(0, 0)).toBe('no SLOs reported');
  });
});
