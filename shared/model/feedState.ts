import type { Incident, Service, Slo } from '../protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../protocol/messages';
import { copyMap, recordLineage } from './lineage';

/**
 * Everything the feed has told the wall, keyed by id. Maps rather than plain
 * objects, so an id such as `__proto__` is just an id.
 *
 * The maps are treated as immutable: applying changes returns new maps for
 * the kinds that changed and keeps the others, so a selector that reads only
 * incidents is not woken by SLO updates. Each new map records the ids it
 * changed (`changedIds` in lineage.ts).
 */
export interface FeedEntities {
  readonly services: ReadonlyMap<string, Service>;
  readonly slos: ReadonlyMap<string, Slo>;
  readonly incidents: ReadonlyMap<string, Incident>;
}

/** No entities: the state before the first snapshot. */
export const emptyEntities: FeedEntities = Object.freeze({
  services: new Map<string, Service>(),
  slos: new Map<string, Slo>(),
  incidents: new Map<string, Incident>(),
});

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}

/** The entities of a snapshot: it replaces everything held before. */
export function entitiesFromSnapshot(snapshot: Pick<SnapshotMessage, 'services' | 'slos' | 'incidents'>): FeedEntities {
  return { services: byId(snapshot.services), slos: byId(snapshot.slos), incidents: byId(snapshot.incidents) };
}

function patch<T extends { id: string }>(
  current: ReadonlyMap<string, T>,
  deltas: readonly DeltaMessage[],
  pick: (delta: DeltaMessage) => { upsert: readonly T[] | undefined; remove: readonly string[] | undefined },
): ReadonlyMap<string, T> {
  let next: Map<string, T> | null = null;
  const ids = new Set<string>();
  let hasDeletes = false;
  for (const delta of deltas) {
    const { upsert, remove } = pick(delta);
    if ((upsert === undefined || upsert.length === 0) && (remove === undefined || remove.length === 0)) continue;
    // Copy once per batch, however many deltas touch this kind.
    next ??= copyMap(current);
    if (upsert)
      for (const item of upsert) {
        next.set(item.id, item);
        ids.add(item.id);
      }
    if (remove)
      for (const id of remove) {
        hasDeletes = next.delete(id) || hasDeletes;
        ids.add(id);
      }
  }
  if (next === null) return current;
  // What derives from these maps redoes only these ids (see lineage.ts).
  recordLineage(current, next, ids, hasDeletes);
  return next;
}

/**
 * Applies deltas in order (they must already have passed the sequencer).
 * Within one delta, upserts apply before removals. Returns `entities` itself
 * when nothing changed.
 */
export function applyDeltas(entities: FeedEntities, deltas: readonly DeltaMessage[]): FeedEntities {
  const services = patch(entities.services, deltas, (d) => ({ upsert: d.upsert?.services, remove: d.remove?.services }));
  const slos = patch(entities.slos, deltas, (d) => ({ upsert: d.upsert?.slos, remove: d.remove?.slos }));
  const incidents = patch(entities.incidents, deltas, (d) => ({ upsert: d.upsert?.incidents, remove: d.remove?.incidents }));
  if (services === entities.services && slos === entities.slos && incidents === entities.incidents) return entities;
  return { services, slos, incidents };
}
