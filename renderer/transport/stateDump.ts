import type { WallStore } from '../store/store';
import type { WallState } from '../store/types';

/** The global a test harness reads the wall's state through (`window.nocWallState()`). */
export const STATE_DUMP_GLOBAL = 'nocWallState';

/** What `window.nocWallState()` returns: plain JSON, entities sorted by id. */
export interface WallStateDump {
  seq: number | null;
  hasSnapshot: boolean;
  connection: WallState['connection'];
  socket: WallState['socket'];
  clockOffsetMs: number;
  lastMessageAt: number | null;
  counters: WallState['counters'];
  reconnects: number;
  dropReasons: Record<string, number>;
  unsupportedVersion: number | string | null;
  services: unknown[];
  slos: unknown[];
  incidents: unknown[];
}

function sorted<T extends { id: string }>(map: ReadonlyMap<string, T>): T[] {
  return [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A copy of what the wall holds, for comparing it with the feed's state. */
export function dumpState(s: WallState): WallStateDump {
  return {
    seq: s.lastSeq,
    hasSnapshot: s.hasSnapshot,
    connection: s.connection,
    socket: s.socket,
    clockOffsetMs: s.clock.offsetMs,
    lastMessageAt: s.lastMessageAt,
    counters: { ...s.counters },
    reconnects: s.diagnostics.reconnects,
    dropReasons: Object.fromEntries(s.diagnostics.dropReasons),
    unsupportedVersion: s.diagnostics.unsupportedVersion,
    services: sorted(s.entities.services),
    slos: sorted(s.entities.slos),
    incidents: sorted(s.entities.incidents),
  };
}

/**
 * Exposes a read-only view of the store for automation: the DOM hooks show
 * only what is on screen, and a fault test must compare everything the wall
 * holds with the feed. It returns a JSON string, so nothing the caller does
 * with it can reach back into the store.
 */
export function exposeStateDump(store: WallStore, target: object = globalThis): void {
  Object.defineProperty(target, STATE_DUMP_GLOBAL, {
    value: () => JSON.stringify(dumpState(store.getState())),
    configurable: true,
    enumerable: false,
    writable: false,
  });
}
