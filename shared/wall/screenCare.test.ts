import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDimmed, ORBIT_PATH, ORBIT_STEP_MS, orbitAt } from './screenCare';
import type { DimInput } from './screenCare';

describe('orbitAt', () => {
  it('moves one step every three minutes and comes back after a full cycle', () => {
    expect(orbitAt(0)).toEqual({ step: 0, x: 0, y: 0 });
    expect(orbitAt(ORBIT_STEP_MS - 1).step).toBe(0);
    expect(orbitAt(ORBIT_STEP_MS)).toEqual({ step: 1, x: 2, y: 0 });
    expect(orbitAt(ORBIT_STEP_MS * ORBIT_PATH.length).step).toBe(0);
  });

  it('never strays more than 2 px from home and moves at most 2 px per axis between steps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), (now) => {
        const a = orbitAt(now);
        const b = orbitAt(now + ORBIT_STEP_MS);
        expect(Math.max(Math.abs(a.x), Math.abs(a.y))).toBeLessThanOrEqual(2);
        expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBe(2);
      }),
    );
  });
});

describe('isDimmed', () => {
  const night: DimInput = { nightWindow: { from: '22:00', to: '07:00' }, minuteOfDay: 23 * 60, isCalm: true, isBurning: false, hasOpenIncident: false, isLive: true };

  it('dims the calm screen inside the night window', () => {
    expect(isDimmed(night)).toBe(true);
    expect(isDimmed({ ...night, minuteOfDay: 12 * 60 })).toBe(false);
    expect(isDimmed({ ...night, nightWindow: null })).toBe(false);
  });

  it('never dims while something burns, an incident is open, the feed is not live or a page rotates', () => {
    expect(isDimmed({ ...night, isBurning: true })).toBe(false);
    expect(isDimmed({ ...night, hasOpenIncident: true })).toBe(false);
    expect(isDimmed({ ...night, isLive: false })).toBe(false);
    expect(isDimmed({ ...night, isCalm: false })).toBe(false);
  });
});
