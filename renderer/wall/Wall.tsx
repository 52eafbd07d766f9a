import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { currentView } from '../../shared/wall/rotation';
import { useChime } from '../audio/useChime';
import { ChangeStrip } from '../chrome/ChangeStrip';
import { DiagnosticsOverlay, useDiagnosticAttributes } from '../chrome/DiagnosticsOverlay';
import { FeedBanner } from '../chrome/FeedBanner';
import { HelpOverlay } from '../chrome/HelpOverlay';
import { IncidentBanners } from '../chrome/IncidentBanners';
import { PageHeader } from '../chrome/PageHeader';
import { ProtocolBanner } from '../chrome/ProtocolBanner';
import { StatusBar } from '../chrome/StatusBar';
import { useWall } from '../store/useWall';
import { PageBody } from './PageBody';
import { useContentArea } from './useContentArea';
import { useCounterAttributes } from './useCounterAttributes';
import { useIdleCursor } from './useIdleCursor';
import { useKeyboard } from './useKeyboard';
import { useScreenCare } from './useScreenCare';
import { useWallModel } from './useWallModel';

/**
 * The wall's root. It carries the automation hooks of the protocol page
 * (`data-page`, `data-connection`, `data-quiet`) and the wall's own
 * (`data-subpage`, `data-paused`, `data-ready`, `data-loading-slos`, `data-seq`, `data-dropped`,
 * `data-dropped-entities`, `data-resyncs`, `data-messages`), documented in
 * the README.
 */
export function Wall() {
  const root = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLElement>(null);
  const area = useContentArea(content);
  const model = useWallModel(area);
  const rotation = useWall((s) => s.rotation);
  const connection = useWall((s) => s.connection);
  const theme = useWall((s) => s.settings.theme);
  const hasSnapshot = useWall((s) => s.hasSnapshot);
  const loadingSlos = useWall((s) => s.loadingSlos);
  const setLayout = useWall((s) => s.setLayout);
  const urgent = useWall((s) => [s.hasPageBurn ? 'budgets' : '', s.majorIds.size > 0 ? 'incidents' : ''].filter(Boolean).join(','));
  useCounterAttributes(root);
  useChime(root);
  useDiagnosticAttributes(root);
  useKeyboard();
  useIdleCursor();

  useEffect(() => {
    if (area !== null) setLayout({ available: model.available, subPages: model.subPages });
  }, [area, model.available, model.subPages, setLayout]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const view = currentView(rotation);
  const count = Math.max(1, model.subPages[view]);
  const subPage = Math.min(rotation.subPage, count - 1);
  const isLive = connection === 'live';
  const care = useScreenCare(model, view === 'quiet' && model.quiet.items.length === 0);
  const orbitStyle = { '--orbit-x': `${care.orbit.x}px`, '--orbit-y': `${care.orbit.y}px` } as CSSProperties;
  return (
    <div
      ref={root}
      id="wall"
      className={isLive ? 'wall' : 'wall is-not-live'}
      data-page={view}
      data-connection={connection}
      data-quiet={String(rotation.isQuiet)}
      data-subpage={`${subPage + 1}/${count}`}
      data-paused={String(rotation.pausedAt !== null)}
      data-ready={String(hasSnapshot)}
      data-loading-slos={loadingSlos}
      data-urgent={urgent}
      data-orbit={care.orbit.step}
      data-dimmed={String(care.isDimmed)}
      style={orbitStyle}
    >
      <FeedBanner />
      <ProtocolBanner />
      <IncidentBanners />
      <PageHeader view={view} model={model} />
      <ChangeStrip />
      <main className="content" ref={content}>
        {area !== null ? <PageBody view={view} subPage={subPage} model={model} area={area} /> : null}
      </main>
      <StatusBar />
      <HelpOverlay />
      <DiagnosticsOverlay />
    </div>
  );
}
