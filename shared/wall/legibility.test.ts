import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAP_HEIGHT_RATIO, heightForAngleMm, legibleRootPx, legibleRootScale, minCapHeightPx, minFontPx, pixelsPerMm, rootFontPx, screenRootPx, SMALLEST_TEXT_REM } from './legibility';

const tv = { screenInches: 55, viewingDistanceMeters: 3 };
const hd = { width: 1920, height: 1080 };

describe('legibility', () => {
  it('gives the height that subtends 16 arc-minutes: about 14 mm at 3 m', () => {
    expect(heightForAngleMm(3)).toBeCloseTo(13.963, 2);
    expect(heightForAngleMm(1, 60)).toBeCloseTo(17.453, 2);
  });

  it('converts millimetres to CSS pixels from the screen diagonal: 55 inches at 1920x1080 is 1.577 px/mm', () => {
    expect(pixelsPerMm(hd, 55)).toBeCloseTo(1.5769, 3);
    expect(pixelsPerMm({ width: 3840, height: 2160 }, 55)).toBeCloseTo(2 * 1.5769, 3);
  });

  it('asks for a 22 px capital (31.5 px font) on a 55-inch 1080p screen at 3 m', () => {
    expect(minCapHeightPx(tv, hd)).toBeCloseTo(22.02, 1);
    expect(minFontPx(tv, hd)).toBeCloseTo(22.02 / CAP_HEIGHT_RATIO, 1);
    expect(legibleRootPx(tv, hd)).toBeCloseTo(minFontPx(tv, hd) / SMALLEST_TEXT_REM, 6);
    expect(rootFontPx(tv, hd)).toBeCloseTo(22.02 / 0.68, 1);
  });

  it('gives the same size as a share of the window diagonal, for the stylesheet', () => {
    expect(legibleRootScale(tv) * Math.hypot(1920, 1080)).toBeCloseTo(legibleRootPx(tv, hd), 6);
  });

  it('keeps the screen-relative size when that is already legible (a near viewer)', () => {
    expect(rootFontPx({ screenInches: 55, viewingDistanceMeters: 1 }, hd)).toBeCloseTo(screenRootPx(hd), 6);
    expect(screenRootPx(hd)).toBeCloseTo(24, 2);
  });

  it('needs more pixels farther away and on smaller screens, proportionally to the window (property)', () => {
    const inches = fc.double({ min: 10, max: 300, noNaN: true });
    const metres = fc.double({ min: 0.3, max: 50, noNaN: true });
    fc.assert(
      fc.property(inches, metres, fc.double({ min: 1.01, max: 3, noNaN: true }), (screenInches, viewingDistanceMeters, k) => {
        const base = minCapHeightPx({ screenInches, viewingDistanceMeters }, hd);
        expect(minCapHeightPx({ screenInches, viewingDistanceMeters: viewingDistanceMeters * k }, hd)).toBeGreaterThan(base);
        expect(minCapHeightPx({ screenInches: screenInches * k, viewingDistanceMeters }, hd)).toBeLessThan(base);
        expect(minCapHeightPx({ screenInches, viewingDistanceMeters }, { width: 1920 * k, height: 1080 * k })).toBeCloseTo(base * k, 6);
        expect(rootFontPx({ screenInches, viewingDistanceMeters }, hd) * SMALLEST_TEXT_REM * CAP_HEIGHT_RATIO).toBeGreaterThanOrEqual(base - 1e-9);
      }),
    );
  });
});
