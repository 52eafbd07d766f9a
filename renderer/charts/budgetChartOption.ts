import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatAxisEnd } from '../../shared/wall/format';
import type { HistoryPoint } from '../../shared/wall/sloHistory';

/** The option of a budget chart: line series on a grid, nothing else registered. */
export type BudgetChartOption = ComposeOption<LineSeriesOption | GridComponentOption>;

/** Colours and text size the chart takes from the theme, so it follows dark and light. */
export interface ChartLook {
  text: string;
  grid: string;
  budget: string;
  burn: string;
  /** Both lines' colour on an SLO without a signal: the grey of no signal, never the look of fine or of burning. */
  noSignal: string;
  /** Axis label size in pixels: the wall's smallest text size. */
  fontPx: number;
  /** True when the data is not live: lines drawn muted. */
  isMuted: boolean;
}

/** Clock label of the time axis, 24 h, in the wall's time zone. */
export function axisClock(value: number): string {
  const d = new Date(value);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** What the chart's axes say beyond the numbers. */
export interface ChartLabels {
  /** Time labels under the chart (large cards); small cards give that height to the lines. Default true. */
  hasTimeAxis?: boolean;
}

/** The chart always spans at least this much time, so a fresh wall's first points sit at the right edge of a sensible axis. */
export const MIN_SPAN_MS = 5 * 60_000;

/**
 * The budget chart of one SLO: budget remaining (percent, left axis, filled)
 * and the 1h burn rate (right axis, dashed) over the last hour the wall has
 * watched it. The legend is the card's (HTML, so it wraps), not the chart's. No
 * animation (a live wall redraws every update), no tooltip (nobody hovers a
 * TV). Each value axis labels only its ends, inside the grid's height, so
 * a short chart never stacks labels and they never meet the time labels;
 * the budget axis always reaches 0% so a dive toward exhaustion looks like
 * one, and goes below when the budget is overspent. Small cards
 * leave out the time labels to give the lines the height.
 */
export function budgetChartOption(points: readonly HistoryPoint[], look: ChartLook, labels: ChartLabels = {}): BudgetChartOption {
  const hasTimeAxis = labels.hasTimeAxis ?? true;
  const budget = points.map((p) => [p.at, round(p.budgetRemaining * 100)]);
  const burn = points.map((p) => [p.at, p.burn1h === null ? null : round(p.burn1h)]);
  const lowest = Math.min(0, ...points.map((p) => p.budgetRemaining * 100));
  const highestBurn = Math.max(1, ...points.map((p) => p.burn1h ?? 0));
  const last = points[points.length - 1]?.at ?? 0;
  const first = points[0]?.at ?? 0;
  const budgetMin = Math.floor(lowest / 25) * 25;
  const burnMax = niceCeiling(highestBurn);
  const font = look.fontPx;
  const label = { color: look.text, fontSize: font };
  const opacity = look.isMuted ? 0.45 : 1;
  // The end labels sit inside the grid's height (the bottom one above the
  // axis line, the top one below the top line), so "0x" never runs into the
  // time labels under the axis, whatever the screen's size.
  const ends = { ...label, showMinLabel: true, showMaxLabel: true, verticalAlignMinLabel: 'bottom' as const, verticalAlignMaxLabel: 'top' as const };
  return {
    animation: false,
    grid: { left: font * 3.3, right: font * 3, top: font * 0.6, bottom: hasTimeAxis ? font * 1.7 : font * 0.5 },
    xAxis: {
      type: 'time',
      min: Math.min(first, last - MIN_SPAN_MS),
      max: last,
      axisLabel: { ...label, show: hasTimeAxis, formatter: axisClock, hideOverlap: true },
      axisTick: { show: hasTimeAxis },
      axisLine: { lineStyle: { color: look.grid } },
      splitLine: { show: false },
      splitNumber: 3,
    },
    yAxis: [
      {
        type: 'value',
        min: budgetMin,
        max: 100,
        interval: 100 - budgetMin,
        axisLabel: { ...ends, formatter: (value: number) => formatAxisEnd(value, '%') },
        splitLine: { lineStyle: { color: look.grid } },
      },
      {
        type: 'value',
        min: 0,
        max: burnMax,
        interval: burnMax,
        axisLabel: { ...ends, formatter: (value: number) => formatAxisEnd(value, 'x') },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        id: 'budget',
        type: 'line',
        yAxisIndex: 0,
        data: budget,
        showSymbol: points.length === 1,
        lineStyle: { color: look.budget, width: font / 6, opacity },
        itemStyle: { color: look.budget, opacity },
        areaStyle: { color: look.budget, opacity: 0.18 * opacity },
      },
      {
        id: 'burn',
        type: 'line',
        yAxisIndex: 1,
        data: burn,
        showSymbol: points.length === 1,
        connectNulls: false,
        lineStyle: { color: look.burn, width: font / 8, type: 'dashed', opacity },
        itemStyle: { color: look.burn, opacity },
      },
    ],
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 1, 2, 5, 10, 20, 50… at or above `value`: a burn axis whose top reads at a glance. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
