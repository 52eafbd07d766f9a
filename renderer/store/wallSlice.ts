import { WALL_PAGES } from '../../shared/bridge/wallBridge';
import type { WallPage } from '../../shared/bridge/wallBridge';
import { changedIds, patchLimit } from '../../shared/model/lineage';
import type { Slo } from '../../shared/protocol/entities';
import { feedNow, judgeConnection } from '../../shared/wall/freshness';
import { pruneResolved } from '../../shared/wall/incidents';
import { DEFAULT_HOLD_MS, hasHeldPage, holdLevels, holdSome, NO_HELD_LEVELS } from '../../shared/wall/hysteresis';
import { newlyUrgent, orderPages, urgentDwellMs, urgentPages } from '../../shared/wall/pageImportance';
import { holdIncidents, initialRotation, queueUrgent, setQuiet, stepRotation, tickRotation, togglePause } from '../../shared/wall/rotation';
import type { RotationContext } from '../../shared/wall/rotation';
import { evaluateAll } from '../../shared/wall/sloView';
import { evaluationCache, evaluationOf } from './evaluationCache';
import type { Slice } from './slice';
import type { WallLayout, WallSlice, WallState } from './types';

/** The rotation's view of the store: configured pages and dwell, measured layout, and what is urgent (urgent pages first). */
export function rotationContext(s: Pick<WallState, 'settings' | 'layout'> & Partial<Pick<WallState, 'hasPageBurn' | 'majorIds'>>): RotationContext {
  const urgent = urgentPages({ hasPageBurn: s.hasPageBurn ?? false, hasMajorIncident: (s.majorIds?.size ?? 0) > 0 });
  return {
    pages: orderPages(s.settings.pages, urgent),
    available: s.layout.available,
    subPages: s.layout.subPages,
    dwellMs: s.settings.dwellSeconds * 1_000,
    urgent,
    urgentDwellMs: urgentDwellMs(s.settings.dwellSeconds, s.settings.urgentDwellSeconds),
  };
}

/** What the held levels were last judged from, and the SLOs among them still waiting to move. */
interface HeldMemo {
  slos: ReadonlyMap<string, Slo> | null;
  pending: Set<string>;
}

/**
 * Held levels after this tick: re-judged when the SLOs changed, and once a
 * second while some SLO waits out its hold (a level that holds steady sends
 * no message, yet must move the wall when its time is up). Only the SLOs a
 * batch changed and those still waiting are judged again, unless the SLO
 * map is not a copy of the last one (a snapshot) or the batch was large.
 */
function nextHeld(s: WallState, now: number, isNewSecond: boolean, memo: HeldMemo): WallState['held'] {
  const slos = s.entities.slos;
  const isChanged = memo.slos !== slos;
  if (!isChanged && !(isNewSecond && memo.pending.size > 0)) return s.held;
  const holdMs = (s.settings.holdSeconds ?? DEFAULT_HOLD_MS / 1_000) * 1_000;
  const ids = memo.slos === null ? null : changedIds(memo.slos, slos, { maxIds: patchLimit(slos.size) });
  memo.slos = slos;
  if (ids === null) {
    const held = holdLevels(s.held, evaluateAll(slos, evaluationCache).map((j) => [j.slo.id, j.evaluation.level] as const), now, holdMs);
    memo.pending = new Set();
    for (const [id, h] of held) if (h.pending !== null) memo.pending.add(id);
    return held;
  }
  const touched = new Set([...ids, ...memo.pending]);
  const held = holdSome(s.held, [...touched].map((id) => [id, levelOf(slos.get(id))] as const), now, holdMs);
  for (const id of touched) {
    if (held.get(id)?.pending) memo.pending.add(id);
    else memo.pending.delete(id);
  }
  return held;
}

const levelOf = (slo: Slo | undefined) => (slo === undefined ? null : evaluationOf(slo).level);

/**
 * The rotation with a major incident that opened since the last tick shown:
 * the tick turns to it, and so does an operator's key pressed before that
 * tick, which then acts on the incidents page (a pause pressed after the
 * incident arrived holds, rather than being undone by the turn).
 */
function interrupted(s: WallState, now: number): WallState['rotation'] {
  return s.isIncidentInterruptDue ? holdIncidents(s.rotation, rotationContext(s), now) : s.rotation;
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
  (set, get) => {
    const heldMemo: HeldMemo = { slos: null, pending: new Set() };
    // An operator's key acts on the rotation with any pending interrupt shown first (see `interrupted`).
    const operate = (now: number, change: (rotation: WallState['rotation'], s: WallState) => WallState['rotation']) => {
      const s = get();
      set({ rotation: change(interrupted(s, now), s), isIncidentInterruptDue: false });
    };
    return {
      rotation: initialRotation([...WALL_PAGES], start),
      held: NO_HELD_LEVELS,
      hasPageBurn: false,
      layout: initialLayout,
      isHelpOpen: false,
      now: start,

      tick(now) {
        const s = get();
        const isNewSecond = Math.floor(now / 1_000) !== Math.floor(s.now / 1_000);
        const held = s.hasSnapshot ? nextHeld(s, now, isNewSecond, heldMemo) : s.held;
        const hasPageBurn = held === s.held ? s.hasPageBurn : hasHeldPage(held);
        // A major incident that opened since the last tick interrupts the rotation now.
        let rotation = interrupted(s, now);
        if (hasPageBurn !== s.hasPageBurn) {
          const before = rotationContext(s);
          const after = rotationContext({ ...s, hasPageBurn });
          rotation = queueUrgent(rotation, newlyUrgent(after.pages, before.urgent ?? new Set(), after.urgent ?? new Set()));
        }
        rotation = tickRotation(rotation, rotationContext({ ...s, hasPageBurn }), now);
        const resolved = pruneResolved(s.resolved, feedNow(now, s.clock));
        const connection = judgeConnection({
          socket: s.socket,
          lastMessageAt: s.lastMessageAt,
          connectedAt: s.connectedAt,
          isSynced: s.isSynced,
          now,
          staleAfterMs: s.settings.staleAfterSeconds * 1_000,
        });
        // `now` moves once a second: clocks and ages tick without waking every subscriber four times a second.
        if (rotation === s.rotation && resolved === s.resolved && connection === s.connection && held === s.held && !isNewSecond && !s.isIncidentInterruptDue) return;
        set({ rotation, resolved, connection, held, hasPageBurn, isIncidentInterruptDue: false, ...(isNewSecond ? { now } : {}) });
      },
      step(direction, now) {
        operate(now, (rotation, s) => stepRotation(rotation, rotationContext(s), direction, now));
      },
      togglePause(now) {
        operate(now, (rotation) => togglePause(rotation, now));
      },
      toggleQuiet(now) {
        operate(now, (rotation) => setQuiet(rotation, !rotation.isQuiet, now));
      },
      setQuiet(isQuiet, now) {
        operate(now, (rotation) => setQuiet(rotation, isQuiet, now));
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
    };
  };
