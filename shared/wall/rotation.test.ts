import { describe, expect, it } from 'vitest';
import type { WallPage } from '../bridge/wallBridge';
import {
  currentView,
  HOLD_GRACE_MS,
  holdIncidents,
  initialRotation,
  MIN_SUBPAGE_MS,
  nextPage,
  rotationProgress,
  setQuiet,
  stepRotation,
  subPageDwellMs,
  tickRotation,
  togglePause,
} from './rotation';
import type { RotationContext, WallView } from './rotation';

const pages: WallPage[] = ['health', 'budgets', 'incidents'];

function ctx(patch: Partial<RotationContext> = {}, subPages: Partial<Record<WallView, number>> = {}): RotationContext {
  return {
    pages,
    available: new Set(pages),
    subPages: { health: 1, budgets: 1, incidents: 1, quiet: 1, ...subPages },
    dwellMs: 20_000,
    ...patch,
  };
}

describe('rotation', () => {
  it('moves to the next page after one dwell and wraps around', () => {
    let s = initialRotation(pages, 0);
    const c = ctx();
    expect(tickRotation(s, c, 19_999)).toBe(s);
    s = tickRotation(s, c, 20_000);
    expect(s.page).toBe('budgets');
    s = tickRotation(s, c, 40_000);
    s = tickRotation(s, c, 60_000);
    expect(s.page).toBe('health');
  });

  it('skips empty pages and leaves a page that empties', () => {
    const c = ctx({ available: new Set<WallPage>(['health', 'budgets']) });
    let s = initialRotation(pages, 0);
    s = tickRotation(s, c, 20_000);
    s = tickRotation(s, c, 40_000);
    expect(s.page).toBe('health');
    const onIncidents = { ...s, page: 'incidents' as const };
    expect(tickRotation(onIncidents, c, 40_001).page).toBe('health');
    expect(nextPage(ctx({ available: new Set() }), 'budgets', 1)).toBe('budgets');
  });

  it('shows each sub-page for a share of the dwell, never under the minimum', () => {
    expect(subPageDwellMs(20_000, 1)).toBe(20_000);
    expect(subPageDwellMs(20_000, 2)).toBe(10_000);
    expect(subPageDwellMs(20_000, 10)).toBe(MIN_SUBPAGE_MS);
    expect(subPageDwellMs(2_000, 10)).toBe(2_000);
    const c = ctx({}, { health: 2 });
    let s = initialRotation(pages, 0);
    s = tickRotation(s, c, 10_000);
    expect([s.page, s.subPage]).toEqual(['health', 1]);
    s = tickRotation(s, c, 20_000);
    expect([s.page, s.subPage]).toEqual(['budgets', 0]);
  });

  it('freezes while paused and resumes where it stopped', () => {
    const c = ctx();
    let s = initialRotation(pages, 0);
    s = togglePause(s, 5_000);
    expect(tickRotation(s, c, 60_000)).toBe(s);
    expect(rotationProgress(s, c, 60_000).elapsedMs).toBe(5_000);
    s = togglePause(s, 60_000);
    expect(tickRotation(s, c, 74_999).page).toBe('health');
    expect(tickRotation(s, c, 75_000).page).toBe('budgets');
  });

  it('steps screens with the arrows: sub-pages first, then pages, both ways', () => {
    const c = ctx({}, { health: 2, incidents: 3 });
    let s = initialRotation(pages, 0);
    s = stepRotation(s, c, 1, 1_000);
    expect([s.page, s.subPage, s.shownAt]).toEqual(['health', 1, 1_000]);
    s = stepRotation(s, c, 1, 2_000);
    expect([s.page, s.subPage]).toEqual(['budgets', 0]);
    s = stepRotation(s, c, -1, 3_000);
    expect([s.page, s.subPage]).toEqual(['health', 1]);
    s = stepRotation({ ...s, subPage: 0 }, c, -1, 3_000);
    expect([s.page, s.subPage]).toEqual(['incidents', 2]);
  });

  it('holds the incidents page for one dwell on an interrupt, then moves on', () => {
    const c = ctx({}, { incidents: 2 });
    let s = togglePause(initialRotation(pages, 0), 1_000);
    s = holdIncidents(s, c, 5_000);
    expect([s.page, s.pausedAt]).toEqual(['incidents', null]);
    // Sub-pages rotate within the hold, wrapping instead of leaving.
    s = tickRotation(s, c, 15_000);
    expect([s.page, s.subPage]).toEqual(['incidents', 1]);
    s = tickRotation(s, c, 24_999);
    expect(s.page).toBe('incidents');
    s = tickRotation(s, c, 25_000);
    expect([s.page, s.holdUntil]).toEqual(['health', null]);
  });

  it('keeps a held incidents page before its content is laid out, and lets it go once it empties', () => {
    const c = ctx({ available: new Set<WallPage>(['health']) });
    const s = holdIncidents(initialRotation(pages, 0), c, 0);
    expect(tickRotation(s, c, HOLD_GRACE_MS - 1).page).toBe('incidents');
    expect(tickRotation(s, c, HOLD_GRACE_MS)).toMatchObject({ page: 'health', holdUntil: null });
  });

  it('rotates quiet sub-pages and leaves interrupts out of quiet mode', () => {
    const c = ctx({}, { quiet: 2 });
    let s = setQuiet(initialRotation(pages, 0), true, 0);
    expect(currentView(s)).toBe('quiet');
    expect(holdIncidents(s, c, 1)).toBe(s);
    s = tickRotation(s, c, 10_000);
    expect(s.subPage).toBe(1);
    s = tickRotation(s, c, 20_000);
    expect([currentView(s), s.subPage]).toEqual(['quiet', 0]);
    s = setQuiet(s, false, 21_000);
    expect(currentView(s)).toBe('health');
  });

  it('goes back to the first sub-page when the content shrinks', () => {
    const s = { ...initialRotation(pages, 0), subPage: 4 };
    expect(tickRotation(s, ctx({}, { health: 2 }), 100).subPage).toBe(0);
  });
});
