import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use as registerParts } from 'echarts/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLayoutEffect, useRef } from 'react';
import { chartQueue } from './chartQueue';

// Only what the wall draws: line series on a cartesian grid, on canvas.
registerParts([LineChart, GridComponent, CanvasRenderer]);

/** What a chart waits to draw: a new option, or only its box's new size. */
interface Pending {
  option: EChartsCoreOption;
  subject: string;
}

/**
 * Brings `instance` up to date in one render: the canvas resized to its
 * element if the element's size changed, and `next` applied if there is one.
 * Both at once are one render, not two: the option is set lazily and the
 * resize renders it.
 */
function bringUpToDate(instance: ECharts, element: HTMLElement, next: Pending | null): void {
  const isResized = element.clientWidth !== instance.getWidth() || element.clientHeight !== instance.getHeight();
  if (next !== null) instance.setOption(next.option, { replaceMerge: ['series'], lazyUpdate: isResized });
  if (isResized) {
    instance.resize();
    // Paint now, in the queue's task, not in the frame ECharts would wait for.
    instance.getZr().flush();
  }
}

/**
 * The one component that holds ECharts. Each new option is applied with
 * `replaceMerge: ['series']` (series replaced by id, the rest merged), and
 * a ResizeObserver keeps the canvas the size of its box; the chart is
 * disposed when the element unmounts.
 *
 * Every draw waits its turn in the page's {@link chartQueue}: the chart's
 * creation, a new option, and a resize. A page turn that shows a dozen
 * charts, a batch that gives several of them a point, or a window that
 * changes their size draws them over successive frames instead of in one
 * long task. One draw does whatever the chart is behind on, so a
 * resize asked after an option (or before) loses neither. `subject` names
 * what the chart shows (an SLO); when it changes, as on a turn to another
 * sub-page, the canvas is hidden until it has drawn the new one, so a card
 * never shows another SLO's lines, and that draw goes ahead of mere new
 * points.
 */
export function EChart({ option, subject, className }: { option: EChartsCoreOption; subject: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ instance: ECharts; observer: ResizeObserver } | null>(null);
  const pending = useRef<Pending | null>(null);
  const drawnSubject = useRef<string | null>(null);
  const draw = useRef<(() => void) | null>(null);

  // Mounted once: the one draw this chart submits, whatever it is behind on.
  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return;
    const drawNow = () => {
      if (chart.current === null) {
        const instance = init(element, null, { renderer: 'canvas' });
        // The observer also reports the size the chart was created at; that draw then finds nothing to do.
        const observer = new ResizeObserver(() => chartQueue().submit(element, drawNow));
        observer.observe(element);
        chart.current = { instance, observer };
      }
      const next = pending.current;
      bringUpToDate(chart.current.instance, element, next);
      // Cleared once drawn: if the draw threw, the option waits for the chart's next draw.
      pending.current = null;
      if (next !== null) {
        drawnSubject.current = next.subject;
        element.style.visibility = '';
      }
    };
    draw.current = drawNow;
    return () => {
      chartQueue().cancel(element);
      chart.current?.observer.disconnect();
      chart.current?.instance.dispose();
      chart.current = null;
      pending.current = null;
      drawnSubject.current = null;
      draw.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const element = box.current;
    if (element === null || draw.current === null) return;
    const isNewSubject = drawnSubject.current !== subject;
    if (isNewSubject) element.style.visibility = 'hidden';
    pending.current = { option, subject };
    chartQueue().submit(element, draw.current, isNewSubject);
  }, [option, subject]);

  return <div ref={box} className={className} />;
}
