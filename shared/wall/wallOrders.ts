import type { Service } from '../protocol/entities';
import type { SloEvaluation } from '../slo/evaluate';
import { compareBurning } from '../slo/quietMode';
import { groupServices } from './healthOrder';
import type { ServiceGroup } from './healthOrder';
import type { HeldLevels } from './hysteresis';
import { createResorter, isSameOrder } from './incrementalOrder';
import { asHeld } from './sloView';
import type { JudgedSlo } from './sloView';

/** The budgets page's order and quiet mode's burning SLOs, in that same order. */
export interface SloOrders {
  all: readonly JudgedSlo[];
  burning: readonly JudgedSlo[];
}

/**
 * The wall's orders, kept from one batch to the next. Each answer equals
 * {@link groupServices}, `budgetsOrder` and `quietOrder` of the same input;
 * only the cost differs.
 */
export interface WallOrders {
  /** The health page's groups. */
  groups(services: ReadonlyMap<string, Service>): readonly ServiceGroup[];
  /** Every SLO worst first by held level, and the burning ones among them. */
  slos(judged: readonly JudgedSlo[], held: HeldLevels | undefined): SloOrders;
}

// What the health page's order reads of a service: grouping by team, then status, tier and name.
function sameServiceOrder(a: Service, b: Service): boolean {
  return a.status === b.status && a.tier === b.tier && a.name === b.name && a.team === b.team;
}

/**
 * Creates the orders of one wall. Services are regrouped only when a
 * service arrives, leaves or changes what its place depends on; otherwise the
 * last grouping is kept with the current objects. SLOs are kept sorted
 * incrementally: only those whose held level or ranking burn changed move.
 */
export function createWallOrders(): WallOrders {
  let lastServices: ReadonlyMap<string, Service> | null = null;
  let lastGroups: readonly ServiceGroup[] = [];
  let held: HeldLevels | undefined;
  const sortSlos = createResorter<JudgedSlo, SloEvaluation>({
    idOf: (j) => j.slo.id,
    keyOf: (j) => asHeld(held, j.evaluation),
    sameKey: (a, b) => a.level === b.level && a.rankBurn === b.rankBurn,
    compare: compareBurning,
  });
  return {
    groups(services) {
      if (lastServices !== null && isSameOrder(lastServices, services, sameServiceOrder)) {
        lastGroups = lastGroups.map((g) => ({ team: g.team, services: g.services.map((s) => services.get(s.id) as Service) }));
      } else {
        lastGroups = groupServices(services.values());
      }
      lastServices = services;
      return lastGroups;
    },
    slos(judged, heldLevels) {
      held = heldLevels;
      const sorted = sortSlos(judged);
      return { all: sorted.items, burning: sorted.items.filter((j) => sorted.keys.get(j.slo.id)?.isBurning === true) };
    },
  };
}
