/*
 * An immutable map for the wall's entities: a flat map of what the last
 * snapshot (or the last flattening) held, and a small overlay of what
 * batches changed since. A batch copies only the overlay, not thousands of
 * entries: copying a 6,000-entry map every batch (and the table growth that
 * comes with filling it) was most of the garbage of a large wall. Once the
 * overlay outgrows a share of the base, the next batch flattens the two
 * into a new base.
 *
 * It reads exactly like a `Map` that had the same `set`s and `delete`s
 * applied: same entries, same order (a replaced id keeps its place; an id
 * set after being deleted goes to the end). Values are never `undefined`.
 */

import { copyMap } from './lineage';

/** Edits a batch makes to a map it is copying; reads see the edits made so far. */
export interface MapDraft<V> {
  get(id: string): V | undefined;
  set(id: string, value: V): void;
  delete(id: string): boolean;
}

/** The overlay may grow to this share of the base before a batch flattens it. */
const OVERLAY_SHARE = 1 / 4;

/** A map as the store keeps it: read-only, copied cheaply with {@link editMap}. */
export class LayeredMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    // Never changed once built.
    private readonly base: ReadonlyMap<string, V>,
    // Base ids holding another value now, in their base place.
    private readonly replaced: ReadonlyMap<string, V>,
    // Base ids no longer in their base place (gone, or set again after a delete and now in `added`).
    private readonly removed: ReadonlySet<string>,
    // Ids after the base, in the order they were set.
    private readonly added: ReadonlyMap<string, V>,
    readonly size: number,
  ) {}

  /** A layered map holding `entries`, in order. */
  static from<V>(entries: Iterable<readonly [string, V]>): LayeredMap<V> {
    const base = new Map<string, V>();
    for (const [id, value] of entries) base.set(id, value);
    return new LayeredMap(base, new Map(), new Set(), new Map(), base.size);
  }

  get(id: string): V | undefined {
    const value = this.added.get(id);
    if (value !== undefined || this.removed.has(id)) return value;
    return this.replaced.get(id) ?? this.base.get(id);
  }

  has(id: string): boolean {
    return this.added.has(id) || (!this.removed.has(id) && this.base.has(id));
  }

  *entries(): MapIterator<[string, V]> {
    for (const [id, value] of this.base) {
      if (this.removed.has(id)) continue;
      yield [id, this.replaced.get(id) ?? value];
    }
    yield* this.added;
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [id, value] of this.entries()) callback(value, id, this);
  }

  get [Symbol.toStringTag](): string {
    return 'LayeredMap';
  }

  /** The map after `edit`; copies the overlay only, or flattens it into a new base once it has grown. */
  edit(edit: (draft: MapDraft<V>) => void): LayeredMap<V> {
    const replaced = copyMap(this.replaced);
    const removed = new Set(this.removed);
    const added = copyMap(this.added);
    const base = this.base;
    let size = this.size;
    edit({
      get(id) {
        const value = added.get(id);
        if (value !== undefined || removed.has(id)) return value;
        return replaced.get(id) ?? base.get(id);
      },
      set(id, value) {
        if (added.has(id) || removed.has(id) || !base.has(id)) {
          if (!added.has(id)) size += 1;
          added.set(id, value);
        } else {
          replaced.set(id, value);
        }
      },
      delete(id) {
        if (added.delete(id)) {
          size -= 1;
          return true;
        }
        if (removed.has(id) || !base.has(id)) return false;
        removed.add(id);
        replaced.delete(id);
        size -= 1;
        return true;
      },
    });
    const next = new LayeredMap(base, replaced, removed, added, size);
    return replaced.size + removed.size + added.size > Math.max(64, base.size * OVERLAY_SHARE) ? LayeredMap.from(next) : next;
  }
}

/** `map` with `edit` applied, as a new map; `map` itself is left as it was. */
export function editMap<V>(map: ReadonlyMap<string, V>, edit: (draft: MapDraft<V>) => void): LayeredMap<V> {
  return (map instanceof LayeredMap ? (map as LayeredMap<V>) : LayeredMap.from(map)).edit(edit);
}
