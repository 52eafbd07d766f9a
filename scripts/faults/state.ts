// The feed's state as the feed itself would send it, and its comparison
// with what the wall holds (window.nocWallState()).
import { io } from 'socket.io-client';
import type { Page } from 'playwright';
import { applyDeltas, entitiesFromSnapshot } from '../../shared/model/feedState';
import type { FeedEntities } from '../../shared/model/feedState';
import { incidentSchema, serviceSchema, sloSchema } from '../../shared/protocol/entities';
import { validateDelta, validateSnapshot } from '../../shared/protocol/validate';

/** The wall's own dump (renderer/transport/stateDump.ts), as JSON. */
export interface WallDump {
  seq: number | null;
  hasSnapshot: boolean;
  connection: string;
  clockOffsetMs: number;
  /** When the last valid message arrived (the wall's clock, epoch ms). */
  lastMessageAt: number | null;
  counters: { messages: number; droppedMessages: number; droppedEntities: number; resyncs: number };
  reconnects: number;
  dropReasons: Record<string, number>;
  unsupportedVersion: number | string | null;
  services: Array<{ id: string }>;
  slos: Array<{ id: string }>;
  incidents: Array<{ id: string }>;
}

/** Reads the wall's state; null when the page has no wall (yet). */
export async function readWall(page: Page): Promise<WallDump | null> {
  const json = await page.evaluate(() => {
    const dump = (globalThis as { nocWallState?: () => string }).nocWallState;
    return dump ? dump() : null;
  });
  return json === null ? null : (JSON.parse(json) as WallDump);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Entities that differ between the wall and the feed, by id and fields, over the three kinds. */
export function mismatches(wall: WallDump, feed: FeedEntities): number {
  let count = 0;
  const kinds = [
    [wall.services, feed.services],
    [wall.slos, feed.slos],
    [wall.incidents, feed.incidents],
  ] as const;
  for (const [shown, truth] of kinds) {
    const seen = new Set<string>();
    for (const entity of shown) {
      seen.add(entity.id);
      const expected = (truth as ReadonlyMap<string, unknown>).get(entity.id);
      if (expected === undefined || canonical(expected) !== canonical(entity)) count += 1;
    }
    for (const id of truth.keys()) if (!seen.has(id)) count += 1;
  }
  return count;
}

/** Entities the wall holds that would not pass validation: a corrupt entity applied. */
export function corruptEntities(wall: WallDump): number {
  const bad = (schema: { safeParse(v: unknown): { success: boolean } }, list: unknown[]) => list.filter((e) => !schema.safeParse(e).success).length;
  return bad(serviceSchema, wall.services) + bad(sloSchema, wall.slos) + bad(incidentSchema, wall.incidents);
}

/** The feed's entities by seq, followed over a socket of its own. */
export interface FeedMirror {
  /** The feed's state after `seq`, while it is among the recent ones kept. */
  at(seq: number): FeedEntities | undefined;
  readonly lastSeq: number | null;
  close(): void;
}

const KEEP = 2_000;

/** Follows a feed from its snapshot through its deltas, keeping its recent states. */
export function mirrorFeed(url: string, token?: string): FeedMirror {
  const states = new Map<number, FeedEntities>();
  let lastSeq: number | null = null;
  let current: FeedEntities | null = null;
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: true, reconnectionDelay: 200, ...(token ? { auth: { token } } : {}) });
  const keep = (seq: number, state: FeedEntities) => {
    states.set(seq, state);
    if (states.size > KEEP) states.delete(states.keys().next().value as number);
  };
  socket.on('feed:snapshot', (raw: unknown) => {
    const r = validateSnapshot(raw);
    if (!r.ok) return;
    states.clear();
    current = entitiesFromSnapshot(r.message);
    lastSeq = r.message.seq;
    keep(lastSeq, current);
  });
  socket.on('feed:delta', (raw: unknown) => {
    const r = validateDelta(raw);
    if (!r.ok || current === null || lastSeq === null) return;
    if (r.message.seq !== lastSeq + 1) {
      socket.emit('feed:resync', { lastSeq });
      current = null;
      return;
    }
    current = applyDeltas(current, [r.message]);
    lastSeq = r.message.seq;
    keep(lastSeq, current);
  });
  socket.on('disconnect', () => {
    current = null;
  });
  return {
    at: (seq) => states.get(seq),
    get lastSeq() {
      return lastSeq;
    },
    close: () => socket.close(),
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Waits until the wall is live and holds exactly the feed's state at its
 * seq. Returns when that happened (performance.now()), or the mismatches
 * left at the deadline.
 */
export async function waitEqual(page: Page, truth: (seq: number) => FeedEntities | undefined, timeoutMs: number): Promise<{ at: number | null; mismatches: number }> {
  const deadline = performance.now() + timeoutMs;
  let last = -1;
  while (performance.now() < deadline) {
    const wall = await readWall(page).catch(() => null);
    if (wall !== null && wall.connection === 'live' && wall.seq !== null) {
      const state = truth(wall.seq);
      if (state !== undefined) {
        last = mismatches(wall, state);
        if (last === 0) return { at: performance.now(), mismatches: 0 };
      }
    }
    await sleep(100);
  }
  return { at: null, mismatches: last < 0 ? 1 : last };
}
