import { describe, expect, it } from 'vitest';
import type { ErrorRatios } from '../protocol/entities';
import { exampleSlo } from '../protocol/fixtures';
import { evaluateSlo } from './evaluate';
import { explainSlo } from './explain';

const explain = (objective: number, windowDays: number, errorRatio: ErrorRatios) => {
  const slo = exampleSlo({ objective, windowDays, errorRatio });
  return explainSlo(slo, evaluateSlo(slo));
};
const quiet: ErrorRatios = { '5m': 0, '30m': 0, '1h': 0, '2h': 0, '6h': 0, '1d': 0, '3d': 0 };

describe('explainSlo', () => {
  it('explains a fast page with the share of the month it spends per hour and the time left', () => {
    // 16.2x over 1h is 16.2 / 720 = 2.25% of a 30-day budget per hour; 0.8 left at 16.2x lasts 35.6 h.
    expect(explain(0.999, 30, { ...quiet, '1h': 0.0162, '5m': 0.018, window: 0.0002 })).toBe(
      "burning 16.2x over 1h and 18.0x over 5m: 2% of the month's budget in an hour, gone in 1d 11h",
    );
  });

  it('explains the leading condition: the one that burns hardest over its long window', () => {
    // 100% errors for 10 minutes: 166.7x over 1h spends 23% of the month in an hour.
    const line = explain(0.999, 30, { '5m': 1, '30m': 1 / 3, '1h': 1 / 6, '2h': 1 / 12, '6h': 1 / 36, '1d': 1 / 144, '3d': 1 / 432, window: 1 / 4320 });
    expect(line).toBe("burning 167x over 1h and 1,000x over 5m: 23% of the month's budget in an hour, gone in 3h 19m");
  });

  it('explains a slow page over 6 hours', () => {
    const line = explain(0.999, 30, { '5m': 0.008, '30m': 0.008, '1h': 0.008, '2h': 0.008, '6h': 0.008, '1d': 0.008 / 3, '3d': 0.008 / 9, window: 0.008 / 90 });
    // 8x over 6h = 48 of 720 hours' budget = 6.7%.
    expect(line).toBe("burning 8.0x over 6h and 8.0x over 30m: 7% of the month's budget in 6 hours, gone in 3d 10h");
  });

  it('explains a ticket over a day, with no time left when the last hour burns under 1x', () => {
    const line = explain(0.995, 28, { ...quiet, '1h': 0.004, '1d': 0.02, '2h': 0.02, window: 0.001 });
    // 4x over 1d = 96 of 672 hours' budget = 14%.
    expect(line).toBe("burning 4.0x over 1d and 4.0x over 2h: 14% of the month's budget in a day");
  });

  it('says the budget is overspent when a condition holds after it ran out', () => {
    expect(explain(0.999, 30, { ...quiet, '1h': 0.02, '5m': 0.02, window: 0.0015 })).toBe(
      "burning 20.0x over 1h and 20.0x over 5m: 3% of the month's budget in an hour; budget overspent by 50%",
    );
  });

  it('explains an exhausted budget with the pace of the last hour', () => {
    expect(explain(0.999, 30, { ...quiet, window: 0.0012 })).toBe('budget overspent by 20%, no errors over the last hour');
    expect(explain(0.999, 30, { ...quiet, '1h': 0.0004, window: 0.0012 })).toBe('budget overspent by 20%, burning 0.4x over 1h');
    expect(explain(0.999, 30, { window: 0.001 })).toBe('budget used up, no traffic over the last hour');
  });

  it('explains a healthy SLO by what is left, and the time left when the last hour burns at 1x or more', () => {
    expect(explain(0.999, 30, { ...quiet, '1h': 0.0005, window: 0.0005 })).toBe("50% of the month's budget left, burning 0.5x over 1h");
    // 0.5 of a 7-day budget at 2x lasts 1.75 days.
    expect(explain(0.99, 7, { ...quiet, '1h': 0.02, window: 0.005 })).toBe("50% of the week's budget left, burning 2.0x over 1h, gone in 1d 18h at this pace");
    expect(explain(0.999, 14, { window: 0.0001 })).toBe('90% of the 14-day budget left, no traffic over the last hour');
  });

  it('says there is no traffic when every ratio is null or missing', () => {
    expect(explain(0.999, 30, {})).toBe('no traffic in any window');
    expect(explain(0.999, 30, { '5m': null, window: null })).toBe('no traffic in any window');
  });
});
