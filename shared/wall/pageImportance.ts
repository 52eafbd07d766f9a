import type { WallPage } from '../bridge/wallBridge';
import { WALL_PAGES } from '../bridge/wallBridge';

/*
 * Which pages matter most right now, and what that does to the rotation's
 * order and dwell. Budgets are urgent while an SLO is *held* at page level
 * (see hysteresis.ts), incidents while a sev1 or sev2 is open. The health
 * page is the overview: it never jumps the queue.
 */

/** What makes a page urgent. */
export interface UrgencyInput {
  /** Some SLO is held at page level. */
  readonly hasPageBurn: boolean;
  /** Some sev1 or sev2 incident is open. */
  readonly hasMajorIncident: boolean;
}

/** The urgent pages. */
export function urgentPages(input: UrgencyInput): ReadonlySet<WallPage> {
  const urgent = new Set<WallPage>();
  if (input.hasMajorIncident) urgent.add('incidents');
  if (input.hasPageBurn) urgent.add('budgets');
  return urgent;
}

/** The rotation order: urgent pages first, then the rest, each group in the configured order. */
export function orderPages(pages: readonly WallPage[], urgent: ReadonlySet<WallPage>): WallPage[] {
  return [...pages.filter((p) => urgent.has(p)), ...pages.filter((p) => !urgent.has(p))];
}

/**
 * The dwell of each page while it is urgent, in ms: its own setting, else
 * twice the dwell (long enough to read a burn's explanation and the
 * incident's summary, short enough that the rest still comes round).
 */
export function urgentDwellMs(dwellSeconds: number, perPage: Partial<Record<WallPage, number>> | undefined): Record<WallPage, number> {
  const out = {} as Record<WallPage, number>;
  for (const page of WALL_PAGES) out[page] = (perPage?.[page] ?? dwellSeconds * 2) * 1_000;
  return out;
}

/** Pages urgent now that were not before, in the given order. */
export function newlyUrgent(order: readonly WallPage[], before: ReadonlySet<WallPage>, after: ReadonlySet<WallPage>): WallPage[] {
  return order.filter((p) => after.has(p) && !before.has(p));
}

/** True when two sets of pages hold the same pages. */
export function samePages(a: ReadonlySet<WallPage>, b: ReadonlySet<WallPage>): boolean {
  if (a.size !== b.size) return false;
  for (const page of a) if (!b.has(page)) return false;
  return true;
}
