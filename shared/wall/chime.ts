import type { TimeWindow } from '../bridge/wallBridge';
import type { Change } from './changes';
import { isInTimeWindow } from './settingText';

/*
 * The optional chime: a soft sound when something needs a human now (an
 * SLO enters page level, a sev1 opens), at most once per event, never more
 * often than the rate limit allows and never in quiet hours. A wall nobody
 * watches must not nag, so a change that was silenced is not played later.
 */

/** What the chime rule reads from the settings. */
export interface ChimeSettings {
  readonly isEnabled: boolean;
  /** Local hours in which the chime stays silent; null for none. */
  readonly quietHours: TimeWindow | null;
  /** The least time between two chimes, in ms. */
  readonly minIntervalMs: number;
}

/** One chime a minute at most. */
export const DEFAULT_CHIME_INTERVAL_MS = 60_000;

/** What the rule remembers between calls. */
export interface ChimeState {
  /** The last change id already considered: each change is judged once. */
  readonly lastChangeId: number;
  /** Wall clock of the last chime, or null. */
  readonly lastChimeAt: number | null;
  /** Chimes played. */
  readonly played: number;
  /** Chime-worthy changes that stayed silent (off, quiet hours, rate limit). */
  readonly silenced: number;
}

/** Before any change. */
export const initialChimeState: ChimeState = Object.freeze({ lastChangeId: 0, lastChimeAt: null, played: 0, silenced: 0 });

/** True for the changes that call for the chime: an SLO entering page level, a sev1 opening or raised to sev1. */
export function isChimeWorthy(change: Change): boolean {
  switch (change.kind) {
    case 'slo-burning':
    case 'slo-level':
      return change.to === 'page';
    case 'incident-opened':
      return change.severity === 'sev1';
    case 'incident-severity':
      return change.to === 'sev1';
    default:
      return false;
  }
}

/**
 * Judges the changes not judged before (ids above `state.lastChangeId`) at
 * wall time `now`, local minute of the day `localMinute`. However many
 * chime-worthy changes arrive together, at most one chime plays; one within
 * `minIntervalMs` of the last chime, in quiet hours or with the chime off,
 * stays silent and is counted as silenced.
 */
export function judgeChime(
  state: ChimeState,
  changes: readonly Change[],
  now: number,
  localMinute: number,
  settings: ChimeSettings,
): { state: ChimeState; shouldPlay: boolean } {
  let lastChangeId = state.lastChangeId;
  let worthy = 0;
  for (const change of changes) {
    if (change.id <= state.lastChangeId) continue;
    lastChangeId = Math.max(lastChangeId, change.id);
    if (isChimeWorthy(change)) worthy += 1;
  }
  if (worthy === 0) return { state: lastChangeId === state.lastChangeId ? state : { ...state, lastChangeId }, shouldPlay: false };
  const isLimited = state.lastChimeAt !== null && now - state.lastChimeAt < settings.minIntervalMs;
  const shouldPlay = settings.isEnabled && !isLimited && !isInTimeWindow(settings.quietHours, localMinute);
  return {
    state: {
      lastChangeId,
      lastChimeAt: shouldPlay ? now : state.lastChimeAt,
      played: state.played + (shouldPlay ? 1 : 0),
      silenced: state.silenced + worthy - (shouldPlay ? 1 : 0),
    },
    shouldPlay,
  };
}
