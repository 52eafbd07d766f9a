import { useEffect, useRef } from 'react';
import { currentView, rotationProgress } from '../../shared/wall/rotation';
import { rotationContext } from '../store/wallSlice';
import { useWall } from '../store/useWall';
import { useShallow } from 'zustand/react/shallow';

const NAMES = { health: 'Health', budgets: 'Budgets', incidents: 'Incidents', quiet: 'Quiet' } as const;

/** How often the dwell bar moves: once a second, so an idle wall paints once a second, not 60 times. */
const BAR_STEP_MS = 1_000;

/**
 * Fills the bar to the share of the dwell that has passed, stepping once a
 * second by writing its transform directly (no React render, no 60 Hz
 * animation: with software rendering on a TV stick a continuous animation
 * costs several per cent of a core while nothing else happens). The status
 * bar renders with the clock each second, and that render repaints the bar
 * at once and starts its timer again: the bar steps in the clock's task and
 * frame, so an idle wall draws one frame a second for both, not two.
 */
function useDwellBar(elapsedMs: number, durationMs: number, isRunning: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = ref.current;
    if (bar === null) return;
    const startedAt = Date.now() - elapsedMs;
    const paint = () => {
      const share = durationMs > 0 ? Math.min(1, Math.max(0, (Date.now() - startedAt) / durationMs)) : 1;
      bar.style.transform = `scaleX(${share.toFixed(4)})`;
    };
    paint();
    if (!isRunning) return;
    const timer = setInterval(paint, BAR_STEP_MS);
    return () => clearInterval(timer);
  }, [elapsedMs, durationMs, isRunning]);
  return ref;
}

/**
 * The pages in rotation, the one showing highlighted with its sub-page, and
 * a bar that fills over the dwell, a step a second.
 */
export function PageIndicator() {
  const { rotation, layout, settings } = useWall(useShallow((s) => ({ rotation: s.rotation, layout: s.layout, settings: s.settings })));
  const view = currentView(rotation);
  const ctx = rotationContext({ settings, layout });
  const { elapsedMs, durationMs } = rotationProgress(rotation, ctx, Date.now());
  const count = layout.subPages[view];
  const views = rotation.isQuiet ? (['quiet'] as const) : settings.pages;
  const bar = useDwellBar(elapsedMs, durationMs, rotation.pausedAt === null);
  return (
    <div className="page-indicator">
      <div className="page-names">
        {views.map((page) => {
          const isCurrent = page === view;
          const isSkipped = page !== 'quiet' && !layout.available.has(page);
          return (
            <span key={page} className={['page-name', isCurrent ? 'is-current' : '', isSkipped ? 'is-skipped' : ''].filter(Boolean).join(' ')}>
              {NAMES[page]}
              {isCurrent && count > 1 ? <span className="page-sub"> {rotation.subPage + 1}/{count}</span> : null}
            </span>
          );
        })}
      </div>
      {/* Quiet mode on one screen does not rotate: no bar pretending it will. */}
      <div className="dwell-track" style={rotation.isQuiet && count <= 1 ? { visibility: 'hidden' } : undefined}>
        <div key={`${view}:${rotation.subPage}:${rotation.shownAt}`} className="dwell-fill" ref={bar} />
      </div>
    </div>
  );
}
