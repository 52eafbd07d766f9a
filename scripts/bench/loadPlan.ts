// Load arithmetic of the bench: how many updates each tick owes, and how a
// run's real minutes map to the accelerated story of the endurance scenario.

/** Story hours the endurance scenario always plays, whatever its real length. */
export const STORY_HOURS = 24;
/** The longest real run allowed for the 24 story hours. */
export const MAX_ENDURANCE_MINUTES = 20;

/**
 * Adds one tick's share of `perSecond` to what is owed and returns the whole
 * updates to send now, keeping the fraction: 1 update/s at a 50 ms tick
 * sends one update every 20th tick, never zero, never a burst.
 */
export function accrue(owed: number, perSecond: number, tickMs: number): { count: number; owed: number } {
  const total = owed + (perSecond * tickMs) / 1000;
  const count = Math.floor(total + 1e-9);
  return { count, owed: Math.max(0, total - count) };
}

/**
 * Story time per real time for playing 24 story hours in `minutes` real
 * minutes (72 for 20 minutes). Throws outside 0 < minutes ≤ 20.
 */
export function enduranceSpeed(minutes: number): number {
  if (!(minutes > 0) || minutes > MAX_ENDURANCE_MINUTES) throw new Error(`endurance minutes must be in (0, ${MAX_ENDURANCE_MINUTES}]: ${minutes}`);
  return (STORY_HOURS * 60) / minutes;
}

/** Real milliseconds after the start at which the story reaches `hour`. */
export function realMsForStoryHour(hour: number, speed: number): number {
  return (hour * 3_600_000) / speed;
}

/** Which entity the n-th update of the load stream re-measures: one service for every three SLOs, as the company's own mix. */
export function pickTarget(n: number, services: number, slos: number): { kind: 'service' | 'slo'; index: number } {
  if (n % 4 === 0 && services > 0) return { kind: 'service', index: (n / 4) % services };
  return { kind: 'slo', index: (n - Math.floor(n / 4)) % Math.max(1, slos) };
}
