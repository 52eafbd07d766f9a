import { useMemo } from 'react';
import type { Theme } from '../../shared/bridge/wallBridge';
import type { ChartLook } from './budgetChartOption';

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * The chart colours of the current theme, read from the CSS variables the
 * theme sets (one source of colour for the screen and its charts), and the
 * wall's smallest text size for axis labels.
 */
export function useChartLook(theme: Theme, remPx: number, isMuted: boolean): ChartLook {
  return useMemo(
    () => ({
      text: cssVar('--muted') || '#aab',
      grid: cssVar('--rule') || '#334',
      budget: cssVar('--chart-budget') || '#4cf',
      burn: cssVar('--chart-burn') || '#fa3',
      noSignal: cssVar('--unknown') || '#a9b3be',
      fontPx: Math.round(remPx * 0.8),
      isMuted,
    }),
    // The theme is read through the CSS variables it sets on the root.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [theme, remPx, isMuted],
  );
}
