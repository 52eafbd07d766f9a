import type { CSSProperties } from 'react';
import { currentView, rotationProgress } from '../../shared/wall/rotation';
import { rotationContext } from '../store/wallSlice';
import { useWall } from '../store/useWall';
import { useShallow } from 'zustand/react/shallow';

const NAMES = { health: 'Health', budgets: 'Budgets', incidents: 'Incidents', quiet: 'Quiet' } as const;

/**
 * The pages in rotation, the one showing highlighted with its sub-page, and
 * a bar that fills over the dwell. The bar is a CSS animation started at the
 * right offset, so it moves smoothly without re-rendering React.
 */
export function PageIndicator() {
  const { rotation, layout, settings } = useWall(useShallow((s) => ({ rotation: s.rotation, layout: s.layout, settings: s.settings })));
  const view = currentView(rotation);
  const ctx = rotationContext({ settings, layout });
  const { elapsedMs, durationMs } = rotationProgress(rotation, ctx, Date.now());
  const count = layout.subPages[view];
  const views = rotation.isQuiet ? (['quiet'] as const) : settings.pages;
  const bar = {
    animationDuration: `${durationMs}ms`,
    animationDelay: `${-elapsedMs}ms`,
    animationPlayState: rotation.pausedAt === null ? 'running' : 'paused',
  } as CSSProperties;
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
        <div key={`${view}:${rotation.subPage}:${rotation.shownAt}`} className="dwell-fill" style={bar} />
      </div>
    </div>
  );
}
