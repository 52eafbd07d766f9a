import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restartPolicy';

const options = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 5, stableAfterMs: 600_000, errorRetryMs: 60_000 };

describe('RestartPolicy', () => {
  it('ignores a clean exit', () => {
    expect(new RestartPolicy(options).onGone('clean-exit', 0)).toEqual({ action: 'ignore' });
  });

  it('backs off exponentially up to the cap, then shows the error page that keeps retrying', () => {
    const policy = new RestartPolicy(options);
    const decisions = [0, 1, 2, 3, 4, 5, 6].map((i) => policy.onGone(i % 2 ? 'crashed' : 'oom', i * 1_000));
    expect(decisions.slice(0, 5)).toEqual([
      { action: 'reload', delayMs: 1_000, attempt: 1 },
      { action: 'reload', delayMs: 2_000, attempt: 2 },
      { action: 'reload', delayMs: 4_000, attempt: 3 },
      { action: 'reload', delayMs: 8_000, attempt: 4 },
      { action: 'reload', delayMs: 10_000, attempt: 5 },
    ]);
    expect(decisions[5]).toEqual({ action: 'error-page', retryInMs: 60_000, attempt: 6 });
    expect(decisions[6]).toEqual({ action: 'error-page', retryInMs: 60_000, attempt: 7 });
    expect(policy.isGivingUp).toBe(true);
  });

  it('starts counting again after a stable period, even from the error page', () => {
    const policy = new RestartPolicy(options);
    for (let i = 0; i < 7; i += 1) policy.onGone('crashed', i);
    expect(policy.onGone('crashed', 6 + 599_999).action).toBe('error-page');
    expect(policy.onGone('crashed', 6 + 599_999 + 600_000)).toEqual({ action: 'reload', delayMs: 1_000, attempt: 1 });
    expect(policy.isGivingUp).toBe(false);
  });

  it('does not reset on crashes that keep coming just inside the stable period', () => {
    const policy = new RestartPolicy(options);
    const attempts = [0, 1, 2].map((i) => policy.onGone('killed', i * 599_000));
    expect(attempts.map((d) => (d.action === 'reload' ? d.attempt : 0))).toEqual([1, 2, 3]);
  });
});
