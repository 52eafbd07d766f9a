import type { TimeWindow, WallPage } from '../bridge/wallBridge';
import { WALL_PAGES } from '../bridge/wallBridge';

/*
 * The text forms of the settings that are more than one word, shared by the
 * web address and the shell's flags, variables and file, so both read
 * `22:00-07:00` and `incidents:60,budgets:40` the same way.
 */

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:MM` time, or undefined when it is not one. */
export function minutesOfDay(hhmm: string): number | undefined {
  const match = HHMM.exec(hhmm.trim());
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Reads `HH:MM-HH:MM` (24-hour local time; it may cross midnight, as in
 * `22:00-07:00`). Undefined when the text is not such a span or both ends
 * are the same time (an empty span is a typo, not a setting).
 */
export function parseTimeWindow(text: string): TimeWindow | undefined {
  const parts = text.trim().split('-');
  if (parts.length !== 2) return undefined;
  const [from, to] = parts.map((p) => p.trim()) as [string, string];
  const start = minutesOfDay(from);
  const end = minutesOfDay(to);
  if (start === undefined || end === undefined || start === end) return undefined;
  return { from, to };
}

/**
 * True when `minute` (minutes after local midnight, 0 to 1439) lies in the
 * window: from its start, inclusive, to its end, exclusive. A window whose
 * end is earlier than its start runs over midnight.
 */
export function isInTimeWindow(window: TimeWindow | null | undefined, minute: number): boolean {
  if (!window) return false;
  const start = minutesOfDay(window.from);
  const end = minutesOfDay(window.to);
  if (start === undefined || end === undefined || start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * Reads an urgent dwell: one number of seconds for every page (`40`), or
 * `page:seconds` pairs (`incidents:60,budgets:40`). Undefined when any part
 * is not a known page or a number of seconds within `[min, max]`.
 */
export function parseUrgentDwell(text: string, min: number, max: number): Partial<Record<WallPage, number>> | undefined {
  const trimmed = text.trim();
  const inRange = (value: string): number | undefined => {
    const n = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };
  if (!trimmed.includes(':')) {
    const all = inRange(trimmed);
    return all === undefined ? undefined : Object.fromEntries(WALL_PAGES.map((page) => [page, all]));
  }
  const out: Partial<Record<WallPage, number>> = {};
  for (const pair of trimmed.split(',')) {
    const [name, value, extra] = pair.split(':').map((s) => s.trim());
    if (extra !== undefined || name === undefined || value === undefined) return undefined;
    if (!(WALL_PAGES as readonly string[]).includes(name)) return undefined;
    const seconds = inRange(value);
    if (seconds === undefined) return undefined;
    out[name as WallPage] = seconds;
  }
  return out;
}
