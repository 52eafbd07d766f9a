import type { DisplayOverride, DisplaySelector } from '../config/fields';

/** A rectangle in screen coordinates (Electron's Rectangle). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the shell needs to know about one display (a subset of Electron's Display). */
export interface DisplayInfo {
  id: number;
  label: string;
  bounds: Rect;
  workArea: Rect;
}

/** Where one wall window goes and what it shows there. */
export interface WindowPlan {
  displayId: number;
  /** 1-based position in the system's display list, for menus and logs. */
  position: number;
  label: string;
  bounds: Rect;
  /** The per-display settings that matched this display, if any. */
  override?: DisplayOverride;
}

/** The windows to open, and what the shell should log about how it chose them. */
export interface Placement {
  plans: WindowPlan[];
  notes: string[];
}

/** True when `selector` names the display at 1-based `position`. */
export function matchesDisplay(selector: DisplaySelector, display: DisplayInfo, position: number, primaryId: number): boolean {
  switch (selector.kind) {
    case 'all':
      return true;
    case 'primary':
      return display.id === primaryId;
    case 'index':
      return selector.index === position;
    case 'id':
      return selector.id === display.id;
    case 'label':
      return selector.label.toLowerCase() === display.label.toLowerCase();
  }
}

function describe(selector: DisplaySelector): string {
  switch (selector.kind) {
    case 'index':
      return `display ${selector.index}`;
    case 'id':
      return `display id:${selector.id}`;
    case 'label':
      return `display label:${selector.label}`;
    default:
      return `${selector.kind} displays`;
  }
}

/** A window that fills the display in kiosk mode, or sits in the middle of its work area on a laptop. */
function boundsOn(display: DisplayInfo, isKiosk: boolean): Rect {
  if (isKiosk) return { ...display.bounds };
  const area = display.workArea;
  const width = Math.round(area.width * 0.8);
  const height = Math.round(area.height * 0.8);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Decides which displays get a wall window. `all` means every display not
 * turned off with `enabled: false`; a selector that matches nothing (the TV
 * is unplugged) falls back to the primary display, because a wall with no
 * window helps nobody.
 */
export function planWindows(displays: readonly DisplayInfo[], primaryId: number, selection: DisplaySelector, overrides: readonly DisplayOverride[], isKiosk: boolean): Placement {
  const notes: string[] = [];
  const overrideFor = (display: DisplayInfo, position: number) => overrides.find((o) => matchesDisplay(o.display, display, position, primaryId));
  const plan = (display: DisplayInfo, index: number): WindowPlan => {
    const override = overrideFor(display, index + 1);
    const base = { displayId: display.id, position: index + 1, label: display.label, bounds: boundsOn(display, isKiosk) };
    return override ? { ...base, override } : base;
  };

  let chosen = displays.map(plan).filter((p) => matchesDisplay(selection, displays[p.position - 1] as DisplayInfo, p.position, primaryId));
  if (selection.kind === 'all') chosen = chosen.filter((p) => p.override?.enabled !== false);
  if (chosen.length === 0 && displays.length > 0) {
    const primaryIndex = Math.max(0, displays.findIndex((d) => d.id === primaryId));
    const fallback = plan(displays[primaryIndex] as DisplayInfo, primaryIndex);
    notes.push(`no display matches ${describe(selection)}${selection.kind === 'all' ? ' that is enabled' : ''}: using the primary display (${fallback.label || `display ${fallback.position}`})`);
    chosen = [fallback];
  }
  return { plans: chosen, notes };
}

/** What to do to the open windows so they match a new placement. */
export interface PlacementChange {
  open: WindowPlan[];
  /** Windows whose display moved or resized, or whose per-display settings changed, with their new plan. */
  move: WindowPlan[];
  /** Display ids whose window should close. */
  close: number[];
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/**
 * Compares the plans the open windows were placed by with the new ones.
 * Comparing plans rather than the windows' own bounds leaves alone a laptop
 * window the user dragged, until its display itself changes.
 */
export function diffPlacement(current: readonly WindowPlan[], next: readonly WindowPlan[]): PlacementChange {
  const byId = new Map(current.map((plan) => [plan.displayId, plan]));
  const nextIds = new Set(next.map((plan) => plan.displayId));
  return {
    open: next.filter((plan) => !byId.has(plan.displayId)),
    move: next.filter((plan) => {
      const old = byId.get(plan.displayId);
      return old !== undefined && (!sameRect(old.bounds, plan.bounds) || JSON.stringify(old.override) !== JSON.stringify(plan.override));
    }),
    close: current.filter((plan) => !nextIds.has(plan.displayId)).map((plan) => plan.displayId),
  };
}
