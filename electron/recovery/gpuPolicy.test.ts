import { describe, expect, it } from 'vitest';
import { GpuPolicy, parseGpuFallback } from './gpuPolicy';

describe('GpuPolicy', () => {
  it('reloads the windows for the first GPU deaths and turns acceleration off at the limit', () => {
    const policy = new GpuPolicy({ maxCrashes: 3, windowMs: 600_000 });
    expect(policy.onGpuGone('crashed', 0)).toEqual({ action: 'reload-windows', crashes: 1 });
    expect(policy.onGpuGone('killed', 60_000)).toEqual({ action: 'reload-windows', crashes: 2 });
    expect(policy.onGpuGone('crashed', 120_000)).toEqual({ action: 'disable-acceleration', crashes: 3 });
  });

  it('counts only deaths within the sliding window', () => {
    const policy = new GpuPolicy({ maxCrashes: 3, windowMs: 600_000 });
    policy.onGpuGone('crashed', 0);
    policy.onGpuGone('crashed', 300_000);
    expect(policy.onGpuGone('crashed', 600_000)).toEqual({ action: 'reload-windows', crashes: 2 });
    expect(policy.onGpuGone('crashed', 700_000)).toEqual({ action: 'disable-acceleration', crashes: 3 });
  });

  it('ignores a clean exit of the GPU process', () => {
    const policy = new GpuPolicy({ maxCrashes: 1, windowMs: 1 });
    expect(policy.onGpuGone('clean-exit', 0)).toEqual({ action: 'ignore' });
  });
});

describe('parseGpuFallback', () => {
  const stored = JSON.stringify({ electronVersion: '45.5.0', since: '2025-01-01T00:00:00.000Z', reason: '3 GPU crashes in 10 minutes' });

  it('keeps the fallback for the Electron version that crashed', () => {
    expect(parseGpuFallback(stored, '45.5.0')).toEqual({ electronVersion: '45.5.0', since: '2025-01-01T00:00:00.000Z', reason: '3 GPU crashes in 10 minutes' });
  });

  it('drops it for a new Electron version, a missing file or garbage', () => {
    expect(parseGpuFallback(stored, '46.0.0')).toBeUndefined();
    expect(parseGpuFallback(undefined, '45.5.0')).toBeUndefined();
    expect(parseGpuFallback('{not json', '45.5.0')).toBeUndefined();
    expect(parseGpuFallback('null', '45.5.0')).toBeUndefined();
    expect(parseGpuFallback('{"electronVersion":"45.5.0"}', '45.5.0')).toBeUndefined();
  });
});
