import type { TimeWindow } from '../bridge/wallBridge';
import { isInTimeWindow } from './settingText';

/*
 * Screen care for TVs that show the same chrome all day. OLED and plasma
 * panels burn in static edges, so the header, status bar and change strip
 * orbit a few pixels, one step every few minutes. A night window dims the
 * calm screen, but only while there is nothing to see: never while an SLO
 * burns, an incident is open or the feed is not live.
 */

/** How long the chrome stays at one orbit position. */
export const ORBIT_STEP_MS = 180_000;

/** The orbit: eight positions around a 4 px square, back to the start after eight steps (24 minutes). */
export const ORBIT_PATH: ReadonlyArray<readonly [x: number, y: number]> = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [-2, 2],
  [-2, 0],
  [-2, -2],
  [0, -2],
];

/** Where the static chrome sits at `now` (wall clock, ms): the step index and its offset in CSS pixels. */
export function orbitAt(now: number, stepMs = ORBIT_STEP_MS): { step: number; x: number; y: number } {
  const step = ((Math.floor(now / stepMs) % ORBIT_PATH.length) + ORBIT_PATH.length) % ORBIT_PATH.length;
  const [x, y] = ORBIT_PATH[step] as readonly [number, number];
  return { step, x, y };
}

/** What the dimming rule looks at. */
export interface DimInput {
  /** The configured night window, if any. */
  readonly nightWindow: TimeWindow | null | undefined;
  /** Local minutes after midnight. */
  readonly minuteOfDay: number;
  /** The calm screen is showing (quiet mode with nothing burning to show). */
  readonly isCalm: boolean;
  /** Some SLO burns right now (its true level, not the held one). */
  readonly isBurning: boolean;
  /** Some incident is open (not resolved). */
  readonly hasOpenIncident: boolean;
  /** The feed is live: a wall that lost its feed stays bright to say so. */
  readonly isLive: boolean;
}

/** True when the wall should dim: the calm screen, inside the night window, with nothing burning, open or wrong. */
export function isDimmed(input: DimInput): boolean {
  return input.isCalm && input.isLive && !input.isBurning && !input.hasOpenIncident && isInTimeWindow(input.nightWindow, input.minuteOfDay);
}
