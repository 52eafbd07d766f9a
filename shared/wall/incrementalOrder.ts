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

/**
 * Merges the sorted `arriving` into the sorted `stay`: each arriving item
 * goes after the last item that does not sort after it, found by binary
 * search from the previous one's place, so a few arriving items cost a few
 * comparisons each, not a pass of comparisons over the whole list.
 */
export function mergeSorted<T>(stay: readonly T[], arriving: readonly T[], compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  let from = 0;
  for (const item of arriving) {
    let lo = from;
    let hi = stay.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(stay[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i += 1) out.push(stay[i]!);
    out.push(item);
    from = lo;
  }
  for (let i = from; i < stay.length; i += 1) out.push(stay[i]!);
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
    ids = mergeSorted(kept, sortedMoved, (a, b) => rules.compare(keys.get(a) as K, keys.get(b) as K));
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
