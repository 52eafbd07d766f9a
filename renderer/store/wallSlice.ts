import { WALL_PAGES } from '../../shared/bridge/wallBridge';
import type { WallPage } from '../../shared/bridge/wallBridge';
import { feedNow, judgeConnection } from '../../shared/wall/freshness';
import { pruneResolved } from '../../shared/wall/incidents';
import { initialRotation, setQuiet, stepRotation, tickRotation, togglePause } from '../../shared/wall/rotation';
import type { RotationContext } from '../../shared/wall/rotation';
import type { Slice } from './slice';
import type { WallLayout, WallSlice, WallState } from './types';

/** The rotation's view of the store: configured pages and dwell, measured layout. */
export function rotationContext(s: Pick<WallState, 'settings' | 'layout'>): RotationContext {
  return {
    pages: s.settings.pages,
    available: s.layout.available,
    subPages: s.layout.subPages,
    dwellMs: s.settings.dwellSeconds * 1_000,
  };
}

/** Before the screen is measured: every page one sub-page, none known to have content. */
export const initialLayout: WallLayout = Object.freeze({
  available: new Set<WallPage>(),
  subPages: Object.freeze({ health: 1, budgets: 1, incidents: 1, quiet: 1 }),
});

function sameLayout(a: WallLayout, b: WallLayout): boolean {
  if (a.available.size !== b.available.size) return false;
  for (const page of a.available) if (!b.available.has(page)) return false;
  return (['health', 'budgets', 'incidents', 'quiet'] as const).every((v) => a.subPages[v] === b.subPages[v]);
}

/** The wall slice: rotation, overlays and the clock tick that drives them. */
export const createWallSlice =
  (start: number): Slice<WallSlice> =>
  (set, get) => ({
    rotation: initialRotation([...WALL_PAGES], start),
    layout: initialLayout,
    isHelpOpen: false,
    now: start,

    tick(now) {
      const s = get();
      const rotation = tickRotation(s.rotation, rotationContext(s), now);
      const resolved = pruneResolved(s.resolved, feedNow(now, s.clock));
      const connection = judgeConnection({
        socket: s.socket,
        lastMessageAt: s.lastMessageAt,
        connectedAt: s.connectedAt,
        now,
        staleAfterMs: s.settings.staleAfterSeconds * 1_000,
      });
      // `now` moves once a second: clocks and ages tick without waking every subscriber four times a second.
      const isNewSecond = Math.floor(now / 1_000) !== Math.floor(s.now / 1_000);
      if (rotation === s.rotation && resolved === s.resolved && connection === s.connection && !isNewSecond) return;
      set({ rotation, resolved, connection, ...(isNewSecond ? { now } : {}) });
    },
    step(direction, now) {
      const s = get();
      set({ rotation: stepRotation(s.rotation, rotationContext(s), direction, now) });
    },
    togglePause(now) {
      set({ rotation: togglePause(get().rotation, now) });
    },
    toggleQuiet(now) {
      const { rotation } = get();
      set({ rotation: setQuiet(rotation, !rotation.isQuiet, now) });
    },
    setQuiet(isQuiet, now) {
      set({ rotation: setQuiet(get().rotation, isQuiet, now) });
    },
    toggleHelp() {
      set({ isHelpOpen: !get().isHelpOpen });
    },
    closeHelp() {
      set({ isHelpOpen: false });
    },
    setLayout(layout) {
      if (!sameLayout(get().layout, layout)) set({ layout });
    },
  });
