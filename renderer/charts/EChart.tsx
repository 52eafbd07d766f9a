import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use as registerParts } from 'echarts/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLayoutEffect, useRef } from 'react';

// Only what the wall draws: line series on a cartesian grid, on canvas.
registerParts([LineChart, GridComponent, CanvasRenderer]);

/**
 * The one component that holds ECharts. The chart is created once when the
 * element mounts and disposed when it unmounts; each new option is applied
 * with `replaceMerge: ['series']` (series replaced by id, the rest merged),
 * and a ResizeObserver keeps the canvas the size of its box.
 */
export function EChart({ option, className }: { option: EChartsCoreOption; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return;
    const instance = init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current = null;
      instance.dispose();
    };
  }, []);

  useLayoutEffect(() => {
    chart.current?.setOption(option, { replaceMerge: ['series'] });
  }, [option]);

  return <div ref={box} className={className} />;
}
