import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WallPage } from '../bridge/wallBridge';
import { WALL_PAGES } from '../bridge/wallBridge';
import { newlyUrgent, orderPages, urgentDwellMs, urgentPages } from './pageImportance';
import { dwellFor, holdIncidents, initialRotation, queueUrgent, tickRotation } from './rotation';
import type { RotationContext } from './rotation';

const pages: WallPage[] = ['health', 'budgets', 'incidents'];

function ctx(urgent: WallPage[] = [], perPage?: Partial<Record<WallPage, number>>): RotationContext {
  const set = new Set(urgent);
  return {
    pages: orderPages(pages, set),
    available: new Set(pages),
    subPages: { health: 1, budgets: 1, incidents: 1, quiet: 1 },
    dwellMs: 20_000,
    urgent: set,
    urgentDwellMs: urgentDwellMs(20, perPage),
  };
}

describe('page importance', () => {
  it('makes budgets urgent for page-level burns and incidents for sev1/sev2, never health', () => {
    expect([...urgentPages({ hasPageBurn: true, hasMajorIncident: false })]).toEqual(['budgets']);
    expect([...urgentPages({ hasPageBurn: false, hasMajorIncident: true })]).toEqual(['incidents']);
    expect(urgentPages({ hasPageBurn: false, hasMajorIncident: false }).size).toBe(0);
  });

  it('puts urgent pages first and keeps the configured order within each group (property)', () => {
    const subset = fc.subarray([...WALL_PAGES]);
    fc.assert(
      fc.property(fc.shuffledSubarray([...WALL_PAGES], { minLength: 1 }), subset, (configured, urgentList) => {
        const urgent = new Set(urgentList);
        const order = orderPages(configured, urgent);
        expect([...order].sort()).toEqual([...configured].sort());
        const firstCalm = order.findIndex((p) => !urgent.has(p));
        if (firstCalm >= 0) expect(order.slice(firstCalm).every((p) => !urgent.has(p))).toBe(true);
        const rank = (p: WallPage) => configured.indexOf(p);
        for (const group of [order.filter((p) => urgent.has(p)), order.filter((p) => !urgent.has(p))]) {
          expect(group.map(rank)).toEqual([...group.map(rank)].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('an urgent page shows for twice the dwell unless set per page', () => {
    expect(urgentDwellMs(20, undefined)).toEqual({ health: 40_000, budgets: 40_000, incidents: 40_000 });
    expect(urgentDwellMs(20, { incidents: 90 }).incidents).toBe(90_000);
    expect(dwellFor(ctx(['budgets']), 'budgets')).toBe(40_000);
    expect(dwellFor(ctx(['budgets']), 'health')).toBe(20_000);
    expect(dwellFor(ctx(['budgets']), 'quiet')).toBe(20_000);
  });

  it('lists the pages that became urgent in rotation order', () => {
    expect(newlyUrgent(pages, new Set(['incidents']), new Set(['budgets', 'incidents']))).toEqual(['budgets']);
    expect(newlyUrgent(pages, new Set(['budgets']), new Set())).toEqual([]);
  });
});

describe('rotation by importance', () => {
  it('stays longer on an urgent page', () => {
    const c = ctx(['budgets']);
    let s = { ...initialRotation(c.pages, 0) };
    expect(s.page).toBe('budgets');
    expect(tickRotation(s, c, 20_000)).toBe(s);
    s = tickRotation(s, c, 40_000);
    expect(s.page).toBe('health');
    // The calm page keeps the plain dwell.
    expect(tickRotation(s, c, 60_000).page).toBe('incidents');
  });

  it('shows a page that became urgent next, when the current dwell ends', () => {
    const calm = ctx();
    let s = initialRotation(calm.pages, 0);
    const urgent = ctx(['budgets']);
    s = queueUrgent(s, ['budgets']);
    expect(s.nextUp).toBe('budgets');
    expect(tickRotation(s, urgent, 10_000).page).toBe('health');
    s = tickRotation(s, urgent, 20_000);
    expect(s.page).toBe('budgets');
    expect(s.nextUp).toBeNull();
  });

  it('does not queue the page already on screen', () => {
    const s = { ...initialRotation(pages, 0), page: 'budgets' as const };
    expect(queueUrgent(s, ['budgets'])).toBe(s);
  });

  it('leaves a window without the incidents page on its own pages', () => {
    const c = { ...ctx(['incidents']), pages: ['budgets' as const] };
    const s = { ...initialRotation(['budgets'], 0) };
    expect(holdIncidents(s, c, 1_000)).toBe(s);
  });

  it('holds a new major incident for the urgent dwell of the incidents page', () => {
    const c = ctx(['incidents'], { incidents: 60 });
    const s = holdIncidents(initialRotation(pages, 0), c, 1_000);
    expect(s.holdUntil).toBe(61_000);
    expect(tickRotation(s, c, 45_000).page).toBe('incidents');
    expect(tickRotation(s, c, 61_000).page).not.toBe('incidents');
  });
});
