/*
 * What changed between two versions of an immutable map. The wall keeps its
 * entities in maps that are copied, never changed, when a batch arrives;
 * each copy is recorded here with the ids the batch touched, so whatever
 * derives from the maps (the judged SLOs, each service's worst level, the
 * health page's groups, the change log) can redo the few ids that changed
 * instead of the whole company. A map records only a weak reference to the
 * one it was copied from, so no chain of old versions is kept alive.
 */

interface Link {
  readonly parent: WeakRef<ReadonlyMap<string, unknown>>;
  readonly ids: ReadonlySet<string>;
  /** Some entry was deleted: an id set again after that sits at the end of the map, not where it was. */
  readonly hasDeletes: boolean;
}

const links = new WeakMap<ReadonlyMap<string, unknown>, Link>();

/** How many copies apart two versions may be and still be compared by their links. */
const MAX_STEPS = 16;

/** Records that `child` is `parent` with the entries of `ids` set or deleted (`hasDeletes`: some were), and nothing else changed. */
export function recordLineage(parent: ReadonlyMap<string, unknown>, child: ReadonlyMap<string, unknown>, ids: ReadonlySet<string>, hasDeletes: boolean): void {
  links.set(child, { parent: new WeakRef(parent), ids, hasDeletes });
}

/** The most ids worth redoing one by one in a map of `size` entries: past an eighth of them (and at least 64), one pass over the whole map is as cheap. */
export function patchLimit(size: number): number {
  return Math.max(64, size / 8);
}

/** What a caller of {@link changedIds} relies on. */
export interface LineageNeeds {
  /** At most this many ids; past it the caller would rather compare the whole maps. */
  maxIds?: number;
  /** Entries kept their place in the map's order (no entry deleted on the way; new ones are at the end). */
  isOrderKept?: boolean;
}

/**
 * The ids whose entries may differ between `from` and `to` (set, replaced
 * or deleted), when `to` was copied from `from` in at most a few recorded
 * steps; null when that is not known (a snapshot in between, a map from
 * elsewhere, too many steps, or more than `maxIds` ids): the caller then
 * compares the whole maps (also when it needs the order kept and some
 * entry was deleted on the way). The same map gives no ids.
 */
export function changedIds(from: ReadonlyMap<string, unknown>, to: ReadonlyMap<string, unknown>, needs: LineageNeeds = {}): ReadonlySet<string> | null {
  const maxIds = needs.maxIds ?? Infinity;
  if (from === to) return new Set();
  const steps: ReadonlySet<string>[] = [];
  let at: ReadonlyMap<string, unknown> | undefined = to;
  let size = 0;
  while (at !== from) {
    const link: Link | undefined = at === undefined ? undefined : links.get(at);
    if (link === undefined || steps.length === MAX_STEPS || (link.hasDeletes && needs.isOrderKept === true)) return null;
    steps.push(link.ids);
    size += link.ids.size;
    if (size > maxIds) return null;
    at = link.parent.deref();
  }
  if (steps.length === 1) return steps[0]!;
  const ids = new Set<string>();
  for (const step of steps) for (const id of step) ids.add(id);
  return ids.size > maxIds ? null : ids;
}

/**
 * A copy of a map, in the same order. `new Map(map)` walks the map's
 * iterator, which makes a [key, value] array per entry: for a company's
 * thousands of SLOs, copied every batch, that is most of what the garbage
 * collector has to clear.
 */
export function copyMap<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
  const copy = new Map<K, V>();
  map.forEach((value, key) => copy.set(key, value));
  return copy;
}
