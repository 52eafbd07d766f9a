import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `given` is the expected token. Both are hashed first so that
 * timingSafeEqual compares equal-length buffers: comparing the raw strings
 * would leak, through timing or an early length check, how much of a guess
 * was right.
 */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}
