import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { metricUnits, type Timeline, type TimelineMetric } from '../../../../shared/live/live';
import { chartColumns, metricColours, selectedRange } from './timeline-data';

const height = 300;

/** Incidents as shaded spans (drills hatched lighter) and checklist actions as thin markers, drawn under the lines. */
function markersPlugin(timeline: Timeline): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (chart) => {
        const context = chart.ctx;
        const { top, height: plotHeight, left, width } = chart.bbox;
        const x = (ms: number) => chart.valToPos(ms / 1000, 'x', true);
        context.save();
        for (const incident of timeline.incidents) {
          const start = Math.max(left, x(incident.startedAt));
          const end = Math.min(left + width, incident.endedAt === null ? left + width : x(incident.endedAt));
          if (end <= start) continue;
          context.fillStyle = incident.drill ? 'rgba(230, 159, 0, 0.18)' : incident.severity === 'critical' ? 'rgba(213, 94, 0, 0.22)' : 'rgba(213, 94, 0, 0.12)';
          context.fillRect(start, top, end - start, plotHeight);
        }
        context.strokeStyle = 'rgba(60, 60, 60, 0.55)';
        context.lineWidth = 1;
        for (const action of timeline.actions) {
          const at = x(action.at);
          if (at < left || at > left + width) continue;
          context.beginPath();
          context.moveTo(at, top);
          context.lineTo(at, top + plotHeight);
          context.stroke();
        }
        context.restore();
      },
    },
  };
}

/** The event's timeline as a uPlot chart; dragging across it asks for that span at full resolution. */
export default function TimelineChart(props: {
  timeline: Timeline;
  shown: readonly TimelineMetric[];
  labels: Record<TimelineMetric, string>;
  /** Axis titles by scale (ms, percent, mos, dbfs, fps). */
  axisLabels: Record<string, string>;
  onZoom: (range: { from: number; to: number }) => void;
  /** The time column's name and the language's way of writing a moment (uPlot's own is English). */
  timeLabel: string;
  formatMoment: (ms: number, span: 'time' | 'date-time') => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { timeline, shown, labels, axisLabels, onZoom, timeLabel, formatMoment } = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = () => Math.max(320, element.clientWidth);
    const axisFor = (scale: string, side: number) => ({ scale, side, size: 60, label: axisLabels[scale] ?? '', labelSize: 20, grid: { show: scale === 'ms' } });
    const scales = [...new Set(shown.map((metric) => metricUnits[metric]))];
    const chart = new uPlot(
      {
        width: width(),
        height,
        scales: { x: { time: true }, mos: { range: [1, 5] }, percent: { range: (_chart, _min, max) => [0, Math.max(5, max)] } },
        // Zoom re-queries the host for the span at full resolution instead of stretching these buckets.
        cursor: { drag: { x: true, y: false, setScale: false } },
        legend: { show: true, live: true },
        series: [
          { label: timeLabel, value: (_chart, seconds) => (seconds === null ? '—' : formatMoment(seconds * 1000, 'time')) },
          ...shown.map((metric) => ({ label: labels[metric], scale: metricUnits[metric], stroke: metricColours[metric], width: 2, spanGaps: false })),
        ],
        axes: [
          {
            // Ticks a day or more apart need the date too.
            values: (_chart, ticks) => ticks.map((tick) => formatMoment(tick * 1000, ticks.length > 1 && (ticks[1] ?? 0) - (ticks[0] ?? 0) >= 86_400 ? 'date-time' : 'time')),
            size: 50,
            // Room for a whole time of day (or date) per tick.
            space: 110,
          },
          ...scales.map((scale, index) => axisFor(scale, index % 2 === 0 ? 3 : 1)),
        ],
        hooks: {
          setSelect: [
            (chart) => {
              const { left, width: selected } = chart.select;
              if (selected <= 0) return;
              const range = selectedRange(chart.posToVal(left, 'x'), chart.posToVal(left + selected, 'x'));
              chart.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              if (range) onZoom(range);
            },
          ],
        },
        plugins: [markersPlugin(timeline)],
      },
      chartColumns(timeline, shown),
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [timeline, shown, labels, axisLabels, onZoom, timeLabel, formatMoment]);

  return <div ref={container} className="timeline-chart" aria-hidden="true" />;
}
