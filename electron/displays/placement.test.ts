import { describe, expect, it } from 'vitest';
import { diffPlacement, planWindows } from './placement';
import type { DisplayInfo } from './placement';

function display(id: number, x: number, label: string, width = 1920, height = 1080): DisplayInfo {
  return { id, label, bounds: { x, y: 0, width, height }, workArea: { x, y: 0, width, height: height - 40 } };
}

const laptop = display(1, 0, 'Built-in Retina Display', 1440, 900);
const tvLeft = display(7, 1440, 'LG TV');
const tvRight = display(9, 3360, 'Samsung TV');
const all = [laptop, tvLeft, tvRight];

describe('planWindows', () => {
  it('puts one kiosk window on every display, on its full bounds', () => {
    const { plans, notes } = planWindows(all, 1, { kind: 'all' }, [], true);
    expect(plans.map((p) => [p.displayId, p.position])).toEqual([[1, 1], [7, 2], [9, 3]]);
    expect(plans[1]?.bounds).toEqual(tvLeft.bounds);
    expect(notes).toEqual([]);
  });

  it('centres a laptop window in the work area of the primary display', () => {
    const { plans } = planWindows(all, 1, { kind: 'primary' }, [], false);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.bounds).toEqual({ x: 144, y: 86, width: 1152, height: 688 });
  });

  it('matches displays by position, id and label (case-insensitive) and attaches their settings', () => {
    const overrides = [
      { display: { kind: 'index' as const, index: 2 }, pages: ['budgets' as const] },
      { display: { kind: 'label' as const, label: 'samsung tv' }, quiet: true },
      { display: { kind: 'id' as const, id: 1 }, enabled: false },
    ];
    const { plans } = planWindows(all, 1, { kind: 'all' }, overrides, true);
    expect(plans.map((p) => p.displayId)).toEqual([7, 9]);
    expect(plans[0]?.override?.pages).toEqual(['budgets']);
    expect(plans[1]?.override?.quiet).toBe(true);
    expect(planWindows(all, 1, { kind: 'label', label: 'LG TV' }, [], true).plans.map((p) => p.displayId)).toEqual([7]);
    expect(planWindows(all, 1, { kind: 'id', id: 9 }, [], true).plans.map((p) => p.displayId)).toEqual([9]);
  });

  it('falls back to the primary display when the chosen one is missing, and says so', () => {
    const { plans, notes } = planWindows([laptop, tvLeft], 7, { kind: 'index', index: 3 }, [], true);
    expect(plans.map((p) => p.displayId)).toEqual([7]);
    expect(notes).toEqual(['no display matches display 3: using the primary display (LG TV)']);
  });

  it('falls back to the primary display when every display is turned off', () => {
    const off = [{ display: { kind: 'index' as const, index: 1 }, enabled: false }];
    const { plans, notes } = planWindows([laptop], 1, { kind: 'all' }, off, true);
    expect(plans.map((p) => p.displayId)).toEqual([1]);
    expect(notes[0]).toMatch(/^no display matches all displays that is enabled/);
  });

  it('plans nothing when the system reports no display', () => {
    expect(planWindows([], 0, { kind: 'all' }, [], true).plans).toEqual([]);
  });
});

describe('diffPlacement', () => {
  const before = planWindows(all, 1, { kind: 'all' }, [], true).plans;

  it('changes nothing when nothing changed', () => {
    expect(diffPlacement(before, planWindows(all, 1, { kind: 'all' }, [], true).plans)).toEqual({ open: [], move: [], close: [] });
  });

  it('opens a window on an added display and closes the one on a removed display', () => {
    const tvCenter = display(11, 5280, 'Sony TV');
    const after = planWindows([laptop, tvLeft, tvCenter], 1, { kind: 'all' }, [], true).plans;
    const change = diffPlacement(before, after);
    expect(change.open.map((p) => p.displayId)).toEqual([11]);
    expect(change.close).toEqual([9]);
    expect(change.move).toEqual([]);
  });

  it('moves a window whose display changed resolution or position', () => {
    const resized = display(7, 1440, 'LG TV', 3840, 2160);
    const change = diffPlacement(before, planWindows([laptop, resized, tvRight], 1, { kind: 'all' }, [], true).plans);
    expect(change.move.map((p) => [p.displayId, p.bounds.width])).toEqual([[7, 3840]]);
    expect(change.open).toEqual([]);
    expect(change.close).toEqual([]);
  });

  it('re-sends a window whose per-display settings changed', () => {
    const quietTv = [{ display: { kind: 'index' as const, index: 2 }, quiet: true }];
    const change = diffPlacement(before, planWindows(all, 1, { kind: 'all' }, quietTv, true).plans);
    expect(change.move.map((p) => p.displayId)).toEqual([7]);
  });
});
