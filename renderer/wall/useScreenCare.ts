import { useEffect, useLayoutEffect } from 'react';
import { legibleRootScale } from '../../shared/wall/legibility';
import { isDimmed, ORBIT_PATH, orbitAt } from '../../shared/wall/screenCare';
import { useWall } from '../store/useWall';
import type { WallModel } from './useWallModel';

/** Where the chrome sits in its orbit and whether the calm screen is dimmed, for `data-orbit` and `data-dimmed` on `#wall`. */
export interface ScreenCare {
  orbit: { step: number; x: number; y: number };
  isDimmed: boolean;
}

/**
 * Screen care and legibility for the wall's root: the palette and the
 * legible root font size go on `<html>` (the stylesheet reads
 * `data-palette` and `--legible-scale`), the orbit and the dimming come back
 * for `#wall`.
 */
export function useScreenCare(model: WallModel, isCalm: boolean): ScreenCare {
  // The orbit's step and the minute of the day, not the clock itself: the
  // wall's root renders when one of them moves, not every second.
  const orbitStep = useWall((s) => orbitAt(s.now).step);
  const minuteOfDay = useWall((s) => {
    const local = new Date(s.now);
    return local.getHours() * 60 + local.getMinutes();
  });
  const palette = useWall((s) => s.settings.palette ?? 'safe');
  const screenInches = useWall((s) => s.settings.screenInches ?? 55);
  const viewingDistanceMeters = useWall((s) => s.settings.viewingDistanceMeters ?? 3);
  const nightWindow = useWall((s) => s.settings.nightWindow ?? null);
  const isLive = useWall((s) => s.connection === 'live');
  const hasOpenIncident = useWall((s) => {
    for (const incident of s.entities.incidents.values()) if (incident.status !== 'resolved') return true;
    return false;
  });

  useEffect(() => {
    document.documentElement.dataset.palette = palette;
  }, [palette]);
  // Before the content area is measured, so the first layout already uses the legible size.
  useLayoutEffect(() => {
    document.documentElement.style.setProperty('--legible-scale', String(legibleRootScale({ screenInches, viewingDistanceMeters })));
  }, [screenInches, viewingDistanceMeters]);

  const isBurning = model.judged.some((j) => j.evaluation.level !== 'none');
  const [x, y] = ORBIT_PATH[orbitStep] as readonly [number, number];
  return {
    orbit: { step: orbitStep, x, y },
    isDimmed: isDimmed({ nightWindow, minuteOfDay, isCalm, isBurning, hasOpenIncident, isLive }),
  };
}
