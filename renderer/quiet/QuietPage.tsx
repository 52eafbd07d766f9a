import { SloGrid } from '../budgets/SloGrid';
import { QUIET_CARD } from '../wall/layoutSpecs';
import { useGridPage } from '../wall/useGridPage';
import type { WallModel } from '../wall/useWallModel';
import { CalmScreen } from './CalmScreen';

/** Quiet mode: only the burning SLOs, large, in the engine's order; the calm screen when none burn. */
export function QuietPage({ model, subPage, remPx }: { model: WallModel; subPage: number; remPx: number }) {
  const cards = useGridPage(model.quiet, subPage);
  if (cards.length === 0) return <CalmScreen judged={model.judged} />;
  return <SloGrid cards={cards} columns={model.quiet.columns} rows={model.quiet.rows} spec={QUIET_CARD} remPx={remPx} isLarge />;
}
