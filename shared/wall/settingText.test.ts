import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInTimeWindow, minutesOfDay, parseTimeWindow, parseUrgentDwell } from './settingText';

describe('time windows', () => {
  it('reads HH:MM-HH:MM and rejects anything else', () => {
    expect(parseTimeWindow('22:00-07:00')).toEqual({ from: '22:00', to: '07:00' });
    expect(parseTimeWindow(' 09:30 - 17:00 ')).toEqual({ from: '09:30', to: '17:00' });
    for (const bad of ['22:00', '24:00-07:00', '9:00-10:00', '10:00-10:00', '22:00-07:00-08:00', 'night']) {
      expect(parseTimeWindow(bad), bad).toBeUndefined();
    }
    expect(minutesOfDay('23:59')).toBe(1_439);
  });

  it('includes the start, excludes the end, and crosses midnight', () => {
    const night = { from: '22:00', to: '07:00' };
    expect(isInTimeWindow(night, 22 * 60)).toBe(true);
    expect(isInTimeWindow(night, 3 * 60)).toBe(true);
    expect(isInTimeWindow(night, 7 * 60)).toBe(false);
    expect(isInTimeWindow(night, 12 * 60)).toBe(false);
    expect(isInTimeWindow({ from: '09:00', to: '17:00' }, 8 * 60 + 59)).toBe(false);
    expect(isInTimeWindow(null, 0)).toBe(false);
  });

  it('a window and its reverse cover every minute exactly once', () => {
    const time = fc.integer({ min: 0, max: 1_439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    fc.assert(
      fc.property(time, time, fc.integer({ min: 0, max: 1_439 }), (from, to, minute) => {
        fc.pre(from !== to);
        expect(isInTimeWindow({ from, to }, minute)).not.toBe(isInTimeWindow({ from: to, to: from }, minute));
      }),
    );
  });
});

describe('parseUrgentDwell', () => {
  it('reads one number for every page, or page:seconds pairs', () => {
    expect(parseUrgentDwell('40', 1, 3_600)).toEqual({ health: 40, budgets: 40, incidents: 40 });
    expect(parseUrgentDwell('incidents:60, budgets:45', 1, 3_600)).toEqual({ incidents: 60, budgets: 45 });
  });

  it('rejects unknown pages, bad numbers and numbers out of range', () => {
    for (const bad of ['', 'fast', 'quiet:30', 'incidents:', 'incidents:0', 'incidents:9999', 'incidents:30:1']) {
      expect(parseUrgentDwell(bad, 1, 3_600), bad).toBeUndefined();
    }
  });
});
