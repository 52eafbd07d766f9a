import { diffEntities, emptyChangeLog, recordChanges } from '../../shared/wall/changes';
import type { ChangeLog } from '../../shared/wall/changes';
import { feedNow } from '../../shared/wall/freshness';
import { evaluationWithoutCaching } from './evaluationCache';
import type { Slice } from './slice';
import type { WallState } from './types';

/** The transitions of the last 15 minutes of the feed's clock. */
export interface ChangesSlice {
  changeLog: ChangeLog;
}

/** The changes slice: filled by {@link noteChanges} as the entities change. */
export const createChangesSlice: Slice<ChangesSlice> = () => ({ changeLog: emptyChangeLog });

// The log compares each changed SLO with its object from before the batch;
// judging that one must not push the newer objects out of the cache.
const levelOf = (slo: Parameters<typeof evaluationWithoutCaching>[0]) => evaluationWithoutCaching(slo).level;

/**
 * The log after the store moved from `prev` to `s`, or null when it stays.
 * The first snapshot is what was already going on, not news; after it,
 * every batch (a resync's snapshot too) is diffed against the entities
 * before it and stamped with the feed's clock of its last message.
 */
export function noteChanges(s: WallState, prev: WallState): ChangeLog | null {
  if (s.entities === prev.entities || !prev.hasSnapshot) return null;
  const at = feedNow(s.lastMessageAt ?? s.now, s.clock);
  const drafts = diffEntities(prev.entities, s.entities, levelOf);
  const log = recordChanges(s.changeLog, drafts, at);
  return log === s.changeLog ? null : log;
}
