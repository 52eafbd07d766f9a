/**
 * The wall's reconnect curve: randomised exponential backoff from 1 s up to
 * 10 s. A restarted feed is found again quickly, and a room full of walls
 * does not reconnect in step. socket.io follows it for lost transports; the
 * wall follows it itself for a feed that hung up or refused it.
 */
export const RECONNECT = { reconnectionDelay: 1_000, reconnectionDelayMax: 10_000, randomizationFactor: 0.5 } as const;

/**
 * The shortest and longest wait before the `attempt`-th retry (0-based):
 * the doubling curve, ±50%. socket.io caps its own waits at the maximum
 * after the jitter; the wall's own retries may go up to 1.5 times it.
 */
export function retryWindow(attempt: number): { min: number; max: number } {
  const base = Math.min(RECONNECT.reconnectionDelayMax, RECONNECT.reconnectionDelay * 2 ** Math.min(attempt, 10));
  return { min: base * (1 - RECONNECT.randomizationFactor), max: base * (1 + RECONNECT.randomizationFactor) };
}

/** The wait before the `attempt`-th retry the wall makes itself (0-based): the same curve, randomised. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const { min, max } = retryWindow(attempt);
  return Math.round(min + (max - min) * random());
}
