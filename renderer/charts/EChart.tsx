import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use as registerParts } from 'echarts/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLayoutEffect, useRef } from 'react';
import { chartQueue } from './chartQueue';

// Only what the wall draws: line series on a cartesian grid, on canvas.
registerParts([LineChart, GridComponent, CanvasRenderer]);

/** A chart on its element, and the ResizeObserver that keeps its canvas the size of the element. */
interface LiveChart {
  instance: ECharts;
  observer: ResizeObserver;
}

function create(element: HTMLDivElement): LiveChart {
  const instance = init(element, null, { renderer: 'canvas' });
  // The observer also reports the size the chart was created at: redrawing for that would be wasted.
  const observer = new ResizeObserver(() => {
    if (element.clientWidth !== instance.getWidth() || element.clientHeight !== instance.getHeight()) instance.resize();
  });
  observer.observe(element);
  return { instance, observer };
}

/**
 * The one component that holds ECharts. Each new option is applied with
 * `replaceMerge: ['series']` (series replaced by id, the rest merged), and
 * a ResizeObserver keeps the canvas the size of its box; the chart is
 * disposed when the element unmounts.
 *
 * Drawing waits its turn in the page's {@link chartQueue}, the chart's
 * creation included: a page turn that shows a dozen charts, or a batch that
 * gives several of them a point, draws them over successive frames instead
 * of in one long task. `subject` names what the chart shows (an SLO); when
 * it changes, as on a turn to another sub-page, the canvas is hidden until
 * it has drawn the new one, so a card never shows another SLO's lines, and
 * that draw goes ahead of mere new points.
 */
export function EChart({ option, subject, className }: { option: EChartsCoreOption; subject: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<LiveChart | null>(null);
  const drawnSubject = useRef<string | null>(null);

  useLayoutEffect(() => {
    const element = box.current;
    return () => {
      if (element !== null) chartQueue().cancel(element);
      chart.current?.observer.disconnect();
      chart.current?.instance.dispose();
      chart.current = null;
      drawnSubject.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return;
    const isNewSubject = drawnSubject.current !== subject;
    if (isNewSubject) element.style.visibility = 'hidden';
    chartQueue().submit(
      element,
      () => {
        chart.current ??= create(element);
        chart.current.instance.setOption(option, { replaceMerge: ['series'] });
        drawnSubject.current = subject;
        element.style.visibility = '';
      },
      isNewSubject,
    );
  }, [option, subject]);

  return <div ref={box} className={className} />;
}
