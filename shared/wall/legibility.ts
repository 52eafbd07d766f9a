/*
 * Legibility from a set distance. Ergonomics standards for displays
 * (ANSI/HFES 100, ISO 9241-303) ask that a character's height (the height
 * of a capital letter) subtend at least 16 minutes of arc at the viewer's
 * eye; 20 to 22 is preferred for sustained reading. A wall is read at a
 * glance, so the wall holds every text of an entity to the 16-arc-minute
 * minimum at the configured distance, and the root font size grows until
 * its smallest text meets it.
 *
 * Sizes on screen are converted from millimetres to CSS pixels with the
 * screen's diagonal and the window's diagonal in CSS pixels: the wall
 * assumes its window fills the screen (a kiosk window), which for a 16:9
 * TV at 1920x1080 CSS px and 55 inches gives 1.58 px per mm.
 */

/** Minimum angle a capital letter must subtend, in minutes of arc. */
export const MIN_ARC_MINUTES = 16;

/**
 * Cap height over font size assumed for the wall's sans-serif fonts, on the
 * low side of what they measure (Inter 0.73, DejaVu Sans 0.73, Arial 0.72,
 * Segoe UI 0.70, Liberation Sans 0.69), so a font with taller capitals only
 * adds margin. The browser test measures the font actually used and checks
 * it is not below this.
 */
export const CAP_HEIGHT_RATIO = 0.68;

/** The smallest text of an entity, in rem: the root font size is chosen so this text meets the minimum. */
export const SMALLEST_TEXT_REM = 1;

/** Where the wall is watched from. */
export interface ViewingGeometry {
  /** Screen diagonal in inches. */
  readonly screenInches: number;
  /** Viewer's distance from the screen in metres. */
  readonly viewingDistanceMeters: number;
}

/** A window size in CSS pixels. */
export interface WindowSize {
  readonly width: number;
  readonly height: number;
}

/** The height in millimetres that subtends `arcMinutes` at `distanceMeters`: 2·d·tan(θ/2). */
export function heightForAngleMm(distanceMeters: number, arcMinutes = MIN_ARC_MINUTES): number {
  const radians = (arcMinutes / 60) * (Math.PI / 180);
  return 2 * distanceMeters * 1_000 * Math.tan(radians / 2);
}

/** CSS pixels per millimetre when the window fills a screen of `screenInches` diagonal. */
export function pixelsPerMm(window: WindowSize, screenInches: number): number {
  const diagonalPx = Math.hypot(window.width, window.height);
  return diagonalPx / (screenInches * 25.4);
}

/** The minimum capital-letter height in CSS pixels for this screen, distance and window. */
export function minCapHeightPx(geometry: ViewingGeometry, window: WindowSize): number {
  return heightForAngleMm(geometry.viewingDistanceMeters) * pixelsPerMm(window, geometry.screenInches);
}

/** The smallest font size in CSS pixels whose capitals meet {@link minCapHeightPx}. */
export function minFontPx(geometry: ViewingGeometry, window: WindowSize): number {
  return minCapHeightPx(geometry, window) / CAP_HEIGHT_RATIO;
}

/**
 * The root font size the legibility rule asks for: large enough that text
 * of {@link SMALLEST_TEXT_REM} meets the minimum. The stylesheet takes the
 * larger of this and its screen-relative size.
 */
export function legibleRootPx(geometry: ViewingGeometry, window: WindowSize): number {
  return minFontPx(geometry, window) / SMALLEST_TEXT_REM;
}

/**
 * {@link legibleRootPx} as a share of the window's diagonal: the rule is
 * proportional to the window, so the stylesheet can apply it as
 * `calc(scale * hypot(100vw, 100vh))` and follow every resize by itself.
 */
export function legibleRootScale(geometry: ViewingGeometry): number {
  const unit = { width: 1_000, height: 0 };
  return legibleRootPx(geometry, unit) / 1_000;
}

/** The screen-relative root size of the stylesheet, `min(1.25vw, 2.2223vh)`: 24 px at 1920x1080. */
export function screenRootPx(window: WindowSize): number {
  return Math.min(window.width * 0.0125, window.height * 0.022223);
}

/** The root font size the wall uses: the screen-relative size, raised to the legible one when that is larger. */
export function rootFontPx(geometry: ViewingGeometry, window: WindowSize): number {
  return Math.max(screenRootPx(window), legibleRootPx(geometry, window));
}
