/*
 * Keeping a large list sorted while a few of its items change at a time.
 * A wall with thousands of SLOs receives a batch of updates every frame; most
 * of them leave an item's sort key as it was, so re-sorting everything would
 * spend the frame on work whose answer is already known.
 */

/** A sorted list, with the sort key of each item by id, ready to be updated. */
export interface SortedList<T, K> {
  readonly ids: readonly string[];
  readonly items: readonly T[];
  readonly keys: ReadonlyMap<string, K>;
}

/** How a resorter reads and compares items. */
export interface SortRules<T, K> {
  idOf(item: T): string;
  keyOf(item: T): K;
  /** True when two keys of the same id sort alike (cheaper than comparing). */
  sameKey(a: K, b: K): boolean;
  /** A total order on keys: no two different ids may compare equal, or the result would depend on history. */
  compare(a: K, b: K): number;
}

// Above this share of changed items a full sort is as cheap as a merge.
const FULL_SORT_SHARE = 0.25;

// Merges the sorted `moved` into the sorted `ids`: each moved id finds its
// place by binary search from the last one's, so a few moved ids cost a few
// comparisons each, not a pass of comparisons over the whole list.
function merge(ids: string[], moved: string[], keys: ReadonlyMap<string, unknown>, compare: (a: never, b: never) => number): string[] {
  const cmp = compare as (a: unknown, b: unknown) => number;
  const out: string[] = [];
  let from = 0;
  for (const id of moved) {
    const key = keys.get(id);
    // The first kept id that sorts after this one.
    let lo = from;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(keys.get(ids[mid]!), key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i += 1) out.push(ids[i]!);
    out.push(id);
    from = lo;
  }
  for (let i = from; i < ids.length; i += 1) out.push(ids[i]!);
  return out;
}

// Sorts [id, key] pairs by key: no map lookups inside the comparator.
function sortByKey<K>(entries: Array<[string, K]>, compare: (a: K, b: K) => number): string[] {
  return entries.sort((a, b) => compare(a[1], b[1])).map((e) => e[0]);
}

/**
 * Sorts `items` by `rules`, reusing `previous`: items whose key is unchanged
 * keep their relative order, and only the new or changed ones are sorted and
 * merged in, in linear time. With a total order the result is exactly what
 * a full sort gives.
 */
export function resort<T, K>(previous: SortedList<T, K> | null, items: Iterable<T>, rules: SortRules<T, K>): SortedList<T, K> {
  const byId = new Map<string, T>();
  const keys = new Map<string, K>();
  const moved: string[] = [];
  for (const item of items) {
    const id = rules.idOf(item);
    const key = rules.keyOf(item);
    byId.set(id, item);
    keys.set(id, key);
    const before = previous?.keys.get(id);
    if (before === undefined || !rules.sameKey(before, key)) moved.push(id);
  }
  let ids: readonly string[];
  if (previous !== null && moved.length === 0 && previous.ids.length === byId.size) {
    // Nothing moved, nothing left: the order stands.
    ids = previous.ids;
  } else if (previous === null || moved.length > byId.size * FULL_SORT_SHARE) {
    ids = sortByKey([...keys.entries()], rules.compare);
  } else {
    const isMoved = new Set(moved);
    const kept = previous.ids.filter((id) => byId.has(id) && !isMoved.has(id));
    const sortedMoved = sortByKey(moved.map((id) => [id, keys.get(id) as K] as [string, K]), rules.compare);
    ids = merge(kept, sortedMoved, keys, rules.compare as (a: never, b: never) => number);
  }
  return { ids, items: ids.map((id) => byId.get(id) as T), keys };
}

/**
 * True when `current` holds exactly the ids of `previous` and every item
 * that changed still sorts alike by `sameKey`: an order computed for
 * `previous` then holds for `current` too.
 */
export function isSameOrder<T>(previous: ReadonlyMap<string, T>, current: ReadonlyMap<string, T>, sameKey: (a: T, b: T) => boolean): boolean {
  if (previous.size !== current.size) return false;
  for (const [id, item] of current) {
    const before = previous.get(id);
    if (before === undefined) return false;
    if (before !== item && !sameKey(before, item)) return false;
  }
  return true;
}
