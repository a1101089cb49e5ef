import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSeries } from '../../../../shared/preflight/run-metrics';

/** One metric across a room's runs as a uPlot line; loaded on demand so the app's first bundle stays small. */
export default function HistoryChart(props: { series: MetricSeries; label: string; formatValue: (value: number) => string; formatMoment: (ms: number) => string }) {
  const container = useRef<HTMLDivElement>(null);
  const { series, label, formatValue, formatMoment } = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = () => Math.max(280, element.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 260,
        scales: { x: { time: true } },
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        series: [
          {},
          {
            label,
            stroke: '#0b5cad',
            width: 2,
            points: { show: true, size: 7 },
            // A run that did not measure the metric leaves a gap rather than a misleading line through it.
            spanGaps: false,
            value: (_chart, value) => (value === null ? '' : formatValue(value)),
          },
        ],
        // uPlot's own date ticks are English; the runs' times are written as the language writes them.
        axes: [{ values: (_chart, ticks) => ticks.map((tick) => formatMoment(tick * 1000)), size: 50, space: 150 }, { values: (_chart, ticks) => ticks.map((tick) => formatValue(tick)), size: 70 }],
      },
      [series.x, series.y],
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: 260 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [series, label, formatValue, formatMoment]);

  return <div ref={container} className="history-chart" aria-hidden="true" />;
}
