import { changedIds, patchLimit } from '../model/lineage';
import type { Service } from '../protocol/entities';
import type { SloEvaluation } from '../slo/evaluate';
import { compareBurning } from '../slo/quietMode';
import type { BurnRank } from '../slo/quietMode';
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

/** What the SLO order keeps of an evaluation between batches: a few fields, not the whole evaluation of an earlier generation. */
type SloKey = BurnRank & Pick<SloEvaluation, 'isBurning'>;

const NO_IDS: ReadonlySet<string> = new Set();

function keyOf(e: SloEvaluation): SloKey {
  return { sloId: e.sloId, level: e.level, rankBurn: e.rankBurn, isBurning: e.isBurning };
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
  const sameKey = (a: SloKey, b: SloKey) => a.level === b.level && a.rankBurn === b.rankBurn;
  const sortSlos = createResorter<JudgedSlo, SloKey>({
    idOf: (j) => j.slo.id,
    keyOf: (j) => keyOf(asHeld(held, j.evaluation)),
    sameKey,
    compare: compareBurning,
  });
  // The last answer, what it was computed from, and where each SLO sits in it.
  let last: { judged: readonly JudgedSlo[]; held: HeldLevels | undefined; orders: SloOrders; keys: ReadonlyMap<string, SloKey>; at: Map<string, number> } | null = null;

  // Where each service sits in the last groups, [group, index]; built when first needed after a regroup.
  let placeOf: Map<string, readonly [number, number]> | null = null;

  // The common batch of services: a few re-measured (the map's lineage
  // names them), none arriving, leaving or changing what its place depends
  // on. Only their groups are copied, with the new objects in the old
  // places. Null when the batch is not that simple.
  function replaceInGroups(before: ReadonlyMap<string, Service>, after: ReadonlyMap<string, Service>): ServiceGroup[] | null {
    const ids = changedIds(before, after, { maxIds: patchLimit(after.size) });
    if (ids === null) return null;
    for (const id of ids) {
      const was = before.get(id);
      const now = after.get(id);
      if (was === undefined || now === undefined || !sameServiceOrder(was, now)) return null;
    }
    if (placeOf === null) {
      placeOf = new Map();
      lastGroups.forEach((g, gi) => g.services.forEach((service, si) => placeOf!.set(service.id, [gi, si])));
    }
    const groups = lastGroups.slice();
    const copied = new Set<number>();
    for (const id of ids) {
      const place = placeOf.get(id);
      if (place === undefined) return null;
      const [gi, si] = place;
      if (!copied.has(gi)) {
        copied.add(gi);
        groups[gi] = { team: groups[gi]!.team, services: groups[gi]!.services.slice() };
      }
      (groups[gi]!.services as Service[])[si] = after.get(id)!;
    }
    return groups;
  }

  // The common batch: the same SLOs in the same places (a map keeps an
  // updated id where it was), held levels that changed for a few SLOs at
  // most (mostly only in what they wait for), and none of the re-measured or
  // re-held ones moving in the order. Their new objects then take the old
  // ones' places, found by identity, without a pass of map lookups or
  // comparisons over every SLO. Null when the batch is not that simple.
  function inPlace(judged: readonly JudgedSlo[], heldLevels: HeldLevels | undefined): SloOrders | null {
    if (last === null || judged.length !== last.judged.length) return null;
    let heldIds: ReadonlySet<string> = NO_IDS;
    if (heldLevels !== last.held) {
      if (heldLevels === undefined || last.held === undefined) return null;
      const ids = changedIds(last.held, heldLevels, { maxIds: 256 });
      if (ids === null) return null;
      heldIds = ids;
    }
    const { keys, at } = last;
    const previous = last.judged;
    let all: JudgedSlo[] | null = null;
    let isBurningMoved = false;
    for (let i = 0; i < judged.length; i += 1) {
      const item = judged[i]!;
      const before = previous[i]!;
      if (item === before) continue;
      const id = item.slo.id;
      if (id !== before.slo.id) return null;
      const key = keys.get(id);
      if (key === undefined || !sameKey(key, keyOf(asHeld(heldLevels, item.evaluation)))) return null;
      all ??= last.orders.all.slice();
      all[at.get(id)!] = item;
      isBurningMoved ||= key.isBurning;
    }
    for (const id of heldIds) {
      const place = at.get(id);
      const key = keys.get(id);
      if (place === undefined || key === undefined) return null;
      const item = (all ?? last.orders.all)[place]!;
      if (!sameKey(key, keyOf(asHeld(heldLevels, item.evaluation)))) return null;
    }
    held = heldLevels;
    if (all === null) {
      last = { ...last, judged, held: heldLevels };
      return last.orders;
    }
    // A burning SLO's new object replaces the old one in quiet mode's list too; otherwise that list stays as it was.
    const burning = isBurningMoved ? all.filter((j) => keys.get(j.slo.id)?.isBurning === true) : last.orders.burning;
    const orders = { all, burning };
    last = { ...last, judged, held: heldLevels, orders };
    return orders;
  }
  return {
    groups(services) {
      if (lastServices === services) return lastGroups;
      const replaced = lastServices === null ? null : replaceInGroups(lastServices, services);
      if (replaced !== null) {
        lastGroups = replaced;
      } else if (lastServices !== null && isSameOrder(lastServices, services, sameServiceOrder)) {
        lastGroups = lastGroups.map((g) => ({ team: g.team, services: g.services.map((s) => services.get(s.id) as Service) }));
      } else {
        lastGroups = groupServices(services.values());
      }
      if (replaced === null) placeOf = null;
      lastServices = services;
      return lastGroups;
    },
    slos(judged, heldLevels) {
      const kept = inPlace(judged, heldLevels);
      if (kept !== null) return kept;
      held = heldLevels;
      const sorted = sortSlos(judged);
      const orders = { all: sorted.items, burning: sorted.items.filter((j) => sorted.keys.get(j.slo.id)?.isBurning === true) };
      last = { judged, held: heldLevels, orders, keys: sorted.keys, at: new Map(sorted.ids.map((id, i) => [id, i])) };
      return orders;
    },
  };
}
