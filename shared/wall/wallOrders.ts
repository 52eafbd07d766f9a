import { changedIds, patchLimit } from '../model/lineage';
import type { Service } from '../protocol/entities';
import type { SloEvaluation } from '../slo/evaluate';
import { compareBurning } from '../slo/quietMode';
import type { BurnRank } from '../slo/quietMode';
import { compareGroups, compareServices, groupServices } from './healthOrder';
import type { ServiceGroup } from './healthOrder';
import { heldLevelOf } from './hysteresis';
import type { HeldLevels } from './hysteresis';
import { isSameOrder, mergeSorted, resort } from './incrementalOrder';
import type { SortRules } from './incrementalOrder';
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

/** Past this many services changing place in one batch, regrouping them all is as cheap. */
const MAX_MOVED_SERVICES = 16;

/** The key of an evaluation at its held level: what `asHeld` would give, without copying the whole evaluation. */
function keyOf(held: HeldLevels | undefined, e: SloEvaluation): SloKey {
  const level = held === undefined ? e.level : heldLevelOf(held, e.sloId, e.level);
  return { sloId: e.sloId, level, rankBurn: e.rankBurn, isBurning: level !== 'none' };
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
  const rules: SortRules<JudgedSlo, SloKey> = {
    idOf: (j) => j.slo.id,
    keyOf: (j) => keyOf(held, j.evaluation),
    sameKey,
    compare: compareBurning,
  };
  // The last answer, what it was computed from, each SLO's key, where it
  // sits in `orders.all` and where a burning one sits in `orders.burning`.
  // `keys` and `at` are this closure's own: the fast path below updates them in place.
  let last: {
    judged: readonly JudgedSlo[];
    held: HeldLevels | undefined;
    orders: SloOrders;
    keys: Map<string, SloKey>;
    at: Map<string, number>;
    burningAt: ReadonlyMap<string, number>;
  } | null = null;

  function burningOf(all: readonly JudgedSlo[], keys: ReadonlyMap<string, SloKey>): { burning: JudgedSlo[]; burningAt: Map<string, number> } {
    const burning = all.filter((j) => keys.get(j.slo.id)!.isBurning);
    return { burning, burningAt: positions(burning) };
  }

  // Each SLO's index in `list`, filled in a loop: no [id, index] pair per SLO.
  function positions(list: readonly JudgedSlo[]): Map<string, number> {
    const at = new Map<string, number>();
    for (let i = 0; i < list.length; i += 1) at.set(list[i]!.slo.id, i);
    return at;
  }

  // Where each service sits in the last groups, [group, index]; built when first needed after a regroup.
  let placeOf: Map<string, readonly [number, number]> | null = null;

  // The common batch of services: a few re-measured (the map's lineage
  // names them), none arriving, leaving or changing team. Only their groups
  // are copied, with the new objects in the old places; a service whose
  // status, tier or name changed (an incident degrading it) moves within its
  // team's group, and the groups are ordered again by their worst service,
  // instead of regrouping the whole company. Null when the batch is not
  // that simple.
  function replaceInGroups(before: ReadonlyMap<string, Service>, after: ReadonlyMap<string, Service>): ServiceGroup[] | null {
    const ids = changedIds(before, after, { maxIds: patchLimit(after.size) });
    if (ids === null) return null;
    const moved = new Set<string>();
    for (const id of ids) {
      const was = before.get(id);
      const now = after.get(id);
      if (was === undefined || now === undefined || was.team !== now.team) return null;
      if (!sameServiceOrder(was, now)) moved.add(id);
    }
    if (moved.size > MAX_MOVED_SERVICES) return null;
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
    if (moved.size === 0) return groups;
    // Each moved service leaves its place and goes back in where the order puts it now.
    for (const gi of copied) {
      const group = groups[gi]!;
      const stay = group.services.filter((s) => !moved.has(s.id));
      if (stay.length === group.services.length) continue;
      const arriving = group.services.filter((s) => moved.has(s.id)).sort(compareServices);
      groups[gi] = { team: group.team, services: mergeSorted(stay, arriving, compareServices) };
    }
    // Places within a group and the groups' order may have changed: found again when next needed.
    placeOf = null;
    return groups.sort(compareGroups);
  }

  // The common batch: the same SLOs in the same places (a map keeps an
  // updated id where it was), held levels that changed for a few SLOs at
  // most (mostly only in what they wait for). Re-measured or re-held SLOs
  // that keep their rank take the old objects' places, found by identity
  // without a pass of map lookups or comparisons over every SLO; the few
  // whose rank changed (a burn rate moved, a level was held) are taken out
  // and merged back in at their new places. Null when the batch is not that
  // simple: SLOs arrived or left, or too many moved.
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
    const maxMoved = patchLimit(judged.length);
    let all: JudgedSlo[] | null = null;
    // Burning SLOs re-measured in place: quiet mode's list takes their new objects in the same places.
    const burningReplaced: JudgedSlo[] = [];
    // The SLOs whose rank changed, with their new keys.
    const moved = new Map<string, { item: JudgedSlo; key: SloKey }>();
    const consider = (item: JudgedSlo, key: SloKey): boolean => {
      const id = item.slo.id;
      const now = keyOf(heldLevels, item.evaluation);
      if (sameKey(key, now)) {
        all ??= last!.orders.all.slice();
        all[at.get(id)!] = item;
        if (key.isBurning) burningReplaced.push(item);
        return true;
      }
      moved.set(id, { item, key: now });
      return moved.size <= maxMoved;
    };
    for (let i = 0; i < judged.length; i += 1) {
      const item = judged[i]!;
      const before = previous[i]!;
      if (item === before) continue;
      const id = item.slo.id;
      if (id !== before.slo.id) return null;
      const key = keys.get(id);
      if (key === undefined || !consider(item, key)) return null;
    }
    for (const id of heldIds) {
      if (moved.has(id)) continue;
      const place = at.get(id);
      const key = keys.get(id);
      if (place === undefined || key === undefined) return null;
      const item: JudgedSlo = (all ?? last.orders.all)[place]!;
      // Already replaced above with its rank kept: considering it again finds the same.
      if (!consider(item, key)) return null;
    }
    held = heldLevels;
    if (moved.size === 0 && all === null) {
      last = { ...last, judged, held: heldLevels };
      return last.orders;
    }
    // Replaced in place, or (only SLOs that moved) the last order, which the merge below copies.
    let order: readonly JudgedSlo[] = all ?? last.orders.all;
    let isBurningMoved = false;
    if (moved.size > 0) {
      for (const [id, { key }] of moved) isBurningMoved ||= key.isBurning || keys.get(id)!.isBurning;
      const stay = order.filter((j) => !moved.has(j.slo.id));
      for (const [id, { key }] of moved) keys.set(id, key);
      const byKey = (a: JudgedSlo, b: JudgedSlo) => compareBurning(keys.get(a.slo.id)!, keys.get(b.slo.id)!);
      order = mergeSorted(stay, [...moved.values()].map((m) => m.item).sort(byKey), byKey);
      for (let i = 0; i < order.length; i += 1) {
        const id = order[i]!.slo.id;
        if (at.get(id) !== i) at.set(id, i);
      }
    }
    // Quiet mode's list is cut again when a burning SLO moved, started or
    // stopped burning; burning SLOs only re-measured take their places in it.
    let { burning } = last.orders;
    let { burningAt } = last;
    if (isBurningMoved) {
      ({ burning, burningAt } = burningOf(order, keys));
    } else if (burningReplaced.length > 0) {
      const patched = burning.slice();
      for (const item of burningReplaced) patched[burningAt.get(item.slo.id)!] = item;
      burning = patched;
    }
    const orders = { all: order, burning };
    last = { ...last, judged, held: heldLevels, orders, burningAt };
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
      const previous = last === null ? null : { ids: last.orders.all.map((j) => j.slo.id), keys: last.keys, items: [] };
      // A fresh map each call, this closure's own from here on.
      const sorted = resort(previous, judged, rules);
      const { burning, burningAt } = burningOf(sorted.items, sorted.keys);
      const orders = { all: sorted.items, burning };
      last = { judged, held: heldLevels, orders, keys: sorted.keys as Map<string, SloKey>, at: positions(sorted.items), burningAt };
      return orders;
    },
  };
}
