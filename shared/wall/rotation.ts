import type { WallPage } from '../bridge/wallBridge';

/*
 * The rotation as a pure state machine: the wall ticks it with the time, the
 * keys and the shell step it, and a new major incident interrupts it. Times
 * are the wall's own clock (a dwell is a span of real time, whatever the
 * feed's clock says).
 */

/** What fills the screen: one of the rotating pages, or quiet mode. */
export type WallView = WallPage | 'quiet';

/** Where the rotation stands. */
export interface RotationState {
  /** The rotating page; kept while quiet so that leaving quiet mode resumes it. */
  readonly page: WallPage;
  readonly isQuiet: boolean;
  /** 0-based sub-page of the current view. */
  readonly subPage: number;
  /** When the current sub-page began showing; moved forward by the length of any pause. */
  readonly shownAt: number;
  /** When the rotation was paused, or null while it runs. */
  readonly pausedAt: number | null;
  /** Until when an interrupt holds the incidents page, or null. */
  readonly holdUntil: number | null;
  /** A page that became urgent: it shows next, ahead of the order. */
  readonly nextUp?: WallPage | null;
}

/** What the rotation needs to know about the content. */
export interface RotationContext {
  /** The pages to rotate through, in order: urgent pages first (see pageImportance.ts). */
  readonly pages: readonly WallPage[];
  /** Pages with something to show; an empty page is skipped. */
  readonly available: ReadonlySet<WallPage>;
  /** Sub-pages of each view (1 when it fits one screen). */
  readonly subPages: Readonly<Record<WallView, number>>;
  /** How long each page shows. */
  readonly dwellMs: number;
  /** Pages urgent now: they show for their urgent dwell instead. */
  readonly urgent?: ReadonlySet<WallPage>;
  /** How long each page shows while urgent; `dwellMs` where absent. */
  readonly urgentDwellMs?: Partial<Record<WallPage, number>>;
}

/** How long a view shows now: its urgent dwell while it is urgent, else the dwell. */
export function dwellFor(ctx: RotationContext, view: WallView): number {
  if (view === 'quiet' || !ctx.urgent?.has(view)) return ctx.dwellMs;
  return ctx.urgentDwellMs?.[view] ?? ctx.dwellMs;
}

// A new sev1 or sev2 makes the incidents page urgent, whatever the context
// measured a moment before, so the interrupt always lasts its urgent dwell.
function interruptMs(ctx: RotationContext): number {
  return ctx.urgentDwellMs?.incidents ?? ctx.dwellMs;
}

/**
 * A sub-page never shows for less than this (unless the whole dwell is
 * shorter): a page split in ten does not flash past in two-second slices,
 * it takes longer than one dwell instead.
 */
export const MIN_SUBPAGE_MS = 6_000;

/** How long each of `count` sub-pages of a page shows: the dwell shared among them, never under {@link MIN_SUBPAGE_MS}. */
export function subPageDwellMs(dwellMs: number, count: number): number {
  if (count <= 1) return dwellMs;
  return Math.max(dwellMs / count, Math.min(dwellMs, MIN_SUBPAGE_MS));
}

/** A rotation starting now on the first configured page. */
export function initialRotation(pages: readonly WallPage[], now: number, isQuiet = false): RotationState {
  return { page: pages[0] ?? 'health', isQuiet, subPage: 0, shownAt: now, pausedAt: null, holdUntil: null, nextUp: null };
}

/** The view on screen. */
export function currentView(state: RotationState): WallView {
  return state.isQuiet ? 'quiet' : state.page;
}

/** The next available page after `from` in `direction`; `from` itself when nothing else is available. */
export function nextPage(ctx: RotationContext, from: WallPage, direction: 1 | -1): WallPage {
  const { pages } = ctx;
  const start = pages.indexOf(from);
  for (let i = 1; i <= pages.length; i += 1) {
    const index = (((start + direction * i) % pages.length) + pages.length) % pages.length;
    const candidate = pages[index] as WallPage;
    if (ctx.available.has(candidate)) return candidate;
  }
  return from;
}

/**
 * For this long after an interrupt the incidents page holds even when it
 * looks empty: the incident that caused it reaches the store before the
 * screen has laid it out. After that, a held page that empties (the incident
 * resolved and expired) gives way like any other.
 */
export const HOLD_GRACE_MS = 2_000;

function isHolding(state: RotationState, now: number): boolean {
  return state.holdUntil !== null && now < state.holdUntil;
}

function show(state: RotationState, page: WallPage, now: number, patch: Partial<RotationState> = {}): RotationState {
  return { ...state, page, subPage: 0, shownAt: now, pausedAt: state.pausedAt === null ? null : now, ...patch };
}

// Keep the cadence exact when the tick is a little late, but do not replay
// missed sub-pages after the machine slept.
function nextShownAt(shownAt: number, dwell: number, now: number): number {
  const due = shownAt + dwell;
  return now - due < dwell ? due : now;
}

/** Advances the rotation to `now`. Returns `state` itself when nothing changes. */
export function tickRotation(state: RotationState, ctx: RotationContext, now: number): RotationState {
  const view = currentView(state);
  const count = Math.max(1, ctx.subPages[view]);
  if (state.subPage >= count) return { ...state, subPage: 0, shownAt: now };

  if (!state.isQuiet) {
    const holding = isHolding(state, now);
    if (state.holdUntil !== null && !holding && state.pausedAt === null) {
      return show(state, nextPage(ctx, state.page, 1), now, { holdUntil: null });
    }
    // A page that emptied gives way at once, except just after an interrupt.
    const isInGrace = holding && now - ((state.holdUntil as number) - interruptMs(ctx)) < HOLD_GRACE_MS;
    if (!isInGrace && !ctx.available.has(state.page)) {
      const next = nextPage(ctx, state.page, 1);
      if (next !== state.page) return show(state, next, now, { holdUntil: null });
    }
  }
  if (state.pausedAt !== null) return state;

  const dwell = subPageDwellMs(dwellFor(ctx, view), count);
  if (now - state.shownAt < dwell) return state;
  const shownAt = nextShownAt(state.shownAt, dwell, now);
  if (state.subPage + 1 < count) return { ...state, subPage: state.subPage + 1, shownAt };
  if (state.isQuiet || isHolding(state, now)) return { ...state, subPage: 0, shownAt };
  const queued = state.nextUp;
  const next = queued && queued !== state.page && ctx.available.has(queued) ? queued : nextPage(ctx, state.page, 1);
  return { ...state, page: next, subPage: 0, shownAt, nextUp: null };
}

/**
 * Steps one screen forward or back: the next sub-page, or past the last one
 * the next available page. Ends any interrupt; a paused rotation stays paused
 * on the new screen.
 */
export function stepRotation(state: RotationState, ctx: RotationContext, direction: 1 | -1, now: number): RotationState {
  const view = currentView(state);
  const count = Math.max(1, ctx.subPages[view]);
  const sub = state.subPage + direction;
  const base = { ...state, holdUntil: null, shownAt: now, pausedAt: state.pausedAt === null ? null : now };
  if (state.isQuiet) return { ...base, subPage: ((sub % count) + count) % count };
  if (sub >= 0 && sub < count) return { ...base, subPage: sub };
  const page = nextPage(ctx, state.page, direction);
  const pageCount = Math.max(1, ctx.subPages[page]);
  return { ...base, page, subPage: direction === 1 || page === state.page ? 0 : pageCount - 1 };
}

/** Pauses a running rotation or resumes a paused one where it stopped. */
export function togglePause(state: RotationState, now: number): RotationState {
  if (state.pausedAt === null) return { ...state, pausedAt: now };
  const paused = now - state.pausedAt;
  return {
    ...state,
    pausedAt: null,
    shownAt: state.shownAt + paused,
    holdUntil: state.holdUntil === null ? null : state.holdUntil + paused,
  };
}

/** Enters or leaves quiet mode; the new view starts at its first sub-page. */
export function setQuiet(state: RotationState, isQuiet: boolean, now: number): RotationState {
  if (state.isQuiet === isQuiet) return state;
  return { ...state, isQuiet, subPage: 0, shownAt: now, pausedAt: state.pausedAt === null ? null : now, holdUntil: null };
}

/**
 * A new sev1 or sev2 incident: show the incidents page now and hold it for
 * its urgent dwell, even over a pause (an operator who paused on another page still
 * needs to see it). Quiet mode, and a window whose pages leave out the
 * incidents page, are left alone: the status bar carries the incident.
 */
export function holdIncidents(state: RotationState, ctx: RotationContext, now: number): RotationState {
  // A window set up without the incidents page (a budgets-only screen) keeps its pages; the status bar still names the incident.
  if (state.isQuiet || !ctx.pages.includes('incidents')) return state;
  return { ...state, page: 'incidents', subPage: 0, shownAt: now, pausedAt: null, holdUntil: now + interruptMs(ctx), nextUp: state.nextUp === 'incidents' ? null : state.nextUp };
}

/**
 * Pages that just became urgent: the first one not on screen shows next,
 * when the current page's dwell ends (only a new major incident interrupts
 * at once, see {@link holdIncidents}).
 */
export function queueUrgent(state: RotationState, pages: readonly WallPage[]): RotationState {
  const first = pages.find((p) => p !== state.page);
  if (first === undefined || state.nextUp === first) return state;
  return { ...state, nextUp: first };
}

/** How far the current sub-page is through its dwell, for the progress bar. */
export function rotationProgress(state: RotationState, ctx: RotationContext, now: number): { elapsedMs: number; durationMs: number } {
  const count = Math.max(1, ctx.subPages[currentView(state)]);
  const durationMs = subPageDwellMs(dwellFor(ctx, currentView(state)), count);
  const at = state.pausedAt ?? now;
  return { elapsedMs: Math.min(durationMs, Math.max(0, at - state.shownAt)), durationMs };
}
