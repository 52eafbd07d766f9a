import { useMemo, useState } from 'react';
import type { WallPage } from '../../shared/bridge/wallBridge';
import type { Incident, Service } from '../../shared/protocol/entities';
import type { BurnLevel } from '../../shared/slo/conditions';
import { feedNow } from '../../shared/wall/freshness';
import { incidentsToShow } from '../../shared/wall/incidents';
import { flowColumns, gridFor, pageCount } from '../../shared/wall/pagination';
import type { ColumnPages } from '../../shared/wall/pagination';
import type { WallView } from '../../shared/wall/rotation';
import { createSloJudgement } from '../../shared/wall/sloView';
import type { JudgedSlo } from '../../shared/wall/sloView';
import { createWallOrders } from '../../shared/wall/wallOrders';
import { evaluationCache } from '../store/evaluationCache';
import { useWall } from '../store/useWall';
import { INCIDENT_CARD, QUIET_CARD, SERVICE_TILE, SLO_CARD, toPixels } from './layoutSpecs';
import type { ContentArea } from './useContentArea';

/** Sub-pages of uniform cards: all the items in order, the grid, and how many sub-pages they fill (see `useGridPage`). */
export interface GridPages<T> {
  columns: number;
  rows: number;
  items: readonly T[];
  pageCount: number;
}

/** Everything the pages show, derived from the store and the measured screen. */
export interface WallModel {
  judged: readonly JudgedSlo[];
  worstLevel: ReadonlyMap<string, BurnLevel>;
  health: ColumnPages<Service>;
  budgets: GridPages<JudgedSlo>;
  incidents: GridPages<Incident>;
  quiet: GridPages<JudgedSlo>;
  available: Set<WallPage>;
  subPages: Record<WallView, number>;
}

function gridPages<T>(items: readonly T[], area: ContentArea, spec: typeof SLO_CARD): GridPages<T> {
  const grid = gridFor(area, toPixels(spec, area.remPx));
  return { ...grid, items, pageCount: pageCount(items.length, grid.columns * grid.rows) };
}

const UNMEASURED: ContentArea = { width: 1, height: 1, remPx: 16 };

/**
 * Derives the pages from the store with pure functions from shared/, each
 * memoised on exactly what it reads: a delta that touches only incidents
 * does not regroup 20,000 services.
 */
export function useWallModel(measured: ContentArea | null): WallModel {
  const services = useWall((s) => s.entities.services);
  const slos = useWall((s) => s.entities.slos);
  const incidents = useWall((s) => s.entities.incidents);
  const resolved = useWall((s) => s.resolved);
  // Order and quiet-mode membership follow the held levels (see shared/wall/hysteresis.ts); cards show the true level.
  const held = useWall((s) => s.held);
  // Recently resolved incidents expire on the feed's clock; judging that
  // every 5 s spares the whole wall a render every second.
  const feedTime = useWall((s) => Math.floor(feedNow(s.now, s.clock) / 5_000) * 5_000);
  const area = measured ?? UNMEASURED;
  // The orders are kept from batch to batch: a batch of re-measured SLOs
  // moves only the few whose rank changed instead of re-sorting thousands.
  const [orders] = useState(createWallOrders);
  // Likewise the judged SLOs and each service's worst level: a batch judges only the SLOs it changed.
  const [judge] = useState(() => createSloJudgement(evaluationCache));

  const { judged, worstLevel } = useMemo(() => judge(slos), [judge, slos]);
  const groups = useMemo(() => orders.groups(services).map((g) => ({ title: g.team, items: g.services })), [orders, services]);
  const health = useMemo(() => flowColumns(groups, area, toPixels(SERVICE_TILE, area.remPx)), [groups, area]);
  const sloOrders = useMemo(() => orders.slos(judged, held), [orders, judged, held]);
  const budgets = useMemo(() => gridPages(sloOrders.all, area, SLO_CARD), [sloOrders, area]);
  const burning = sloOrders.burning;
  const quiet = useMemo(() => gridPages(burning, area, QUIET_CARD), [burning, area]);
  const shown = useMemo(() => incidentsToShow(incidents, resolved, feedTime), [incidents, resolved, feedTime]);
  const incidentPages = useMemo(() => gridPages(shown, area, INCIDENT_CARD), [shown, area]);

  return useMemo(() => {
    const available = new Set<WallPage>();
    if (services.size > 0) available.add('health');
    if (slos.size > 0) available.add('budgets');
    if (shown.length > 0) available.add('incidents');
    const subPages: Record<WallView, number> = {
      health: health.pages.length,
      budgets: budgets.pageCount,
      incidents: incidentPages.pageCount,
      quiet: quiet.pageCount,
    };
    return { judged, worstLevel, health, budgets, incidents: incidentPages, quiet, available, subPages };
  }, [services.size, slos.size, shown.length, judged, worstLevel, health, budgets, incidentPages, quiet]);
}
