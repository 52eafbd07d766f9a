import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use as registerParts } from 'echarts/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLayoutEffect, useRef } from 'react';
import { chartQueue } from './chartQueue';

// Only what the wall draws: line series on a cartesian grid, on canvas.
registerParts([LineChart, GridComponent, CanvasRenderer]);

/**
 * The one component that holds ECharts. The chart is created once when the
 * element mounts and disposed when it unmounts; each new option is applied
 * with `replaceMerge: ['series']` (series replaced by id, the rest merged),
 * and a ResizeObserver keeps the canvas the size of its box.
 *
 * `subject` names what the chart shows (an SLO). A new subject, as when the
 * wall turns to another sub-page, draws at once; a new option for the same
 * subject (a new point, a muted look) waits its turn in the page's
 * {@link chartQueue}, so charts that change in the same batch draw in
 * successive frames instead of in one long task.
 */
export function EChart({ option, subject, className }: { option: EChartsCoreOption; subject: string; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const drawnSubject = useRef<string | null>(null);

  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return;
    const instance = init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    // The observer also reports the size the chart was created at: redrawing for that would be wasted.
    const observer = new ResizeObserver(() => {
      if (element.clientWidth !== instance.getWidth() || element.clientHeight !== instance.getHeight()) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chartQueue().cancel(instance);
      chart.current = null;
      drawnSubject.current = null;
      instance.dispose();
    };
  }, []);

  useLayoutEffect(() => {
    const instance = chart.current;
    if (instance === null) return;
    const draw = () => instance.setOption(option, { replaceMerge: ['series'] });
    if (drawnSubject.current === subject) {
      chartQueue().submit(instance, draw);
      return;
    }
    drawnSubject.current = subject;
    chartQueue().cancel(instance);
    draw();
  }, [option, subject]);

  return <div ref={box} className={className} />;
}
