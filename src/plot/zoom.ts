import { baseLayout, COLORS, type Figure } from './figure';
import { plotText } from './text';

/** The per-step view a zoom panel draws (the shape of the pipeline's EventStage, without its types). */
export interface StepView {
  /** Date of each scored step. */
  dates: string[];
  /** Input as the model saw it (after transform and scaling) and its reconstruction, `[s * features + j]`. */
  x: ArrayLike<number>;
  recon: ArrayLike<number>;
  features: number;
  /** Per-step error and the threshold at each step. */
  scores: ArrayLike<number>;
  thresholds: ArrayLike<number>;
  /** Flagged steps (the report's step-rule chart marks them); optional. */
  flags?: ArrayLike<boolean>;
}

/** An event's step range. */
export interface ZoomEvent {
  startIndex: number;
  endIndex: number;
  start: string;
  end: string;
}

/**
 * A zoomed panel of one event: on top the input as the model saw it (first column, after the transform and
 * scaling) and its reconstruction; below, the per-step error against the threshold; the event shaded. The view
 * extends the event by its own length each side (at least 20 steps).
 *
 * @throws never; an event outside the steps gives an empty panel.
 * @example
 * figureDiv(zoomChart(view, result.events[0], 'Event 1'), 'zoom-1', 360);
 */
export function zoomChart(v: StepView, e: ZoomEvent, title: string, column = 0, name = 'value'): Figure {
  const n = v.dates.length;
  const len = e.endIndex - e.startIndex + 1;
  const lo = Math.max(0, e.startIndex - Math.max(20, len));
  const hi = Math.min(n - 1, e.endIndex + Math.max(20, len));
  const idx = Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
  const x = idx.map((s) => v.dates[s]);
  const col = (a: ArrayLike<number>): number[] => idx.map((s) => a[s * v.features + column]);
  const thr = idx.map((s) => (Number.isFinite(v.thresholds[s]) ? v.thresholds[s] : null));
  const nm = plotText(name);
  const data = [
    {
      type: 'scatter',
      mode: 'lines',
      name: `${nm} (scaled input)`,
      x,
      y: col(v.x),
      line: { color: COLORS.train, width: 1.5 },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'reconstruction',
      x,
      y: col(v.recon),
      line: { color: COLORS.test, width: 1.5, dash: 'dot' },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'per-step error',
      x,
      y: idx.map((s) => v.scores[s]),
      yaxis: 'y2',
      line: { color: COLORS.anomaly, width: 1.5 },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'threshold',
      x,
      y: thr,
      yaxis: 'y2',
      line: { color: COLORS.threshold, width: 1.5, dash: 'dash' },
    },
  ];
  const base = baseLayout({ title, x: 'date', y: 'scaled value', xType: 'date' });
  const layout = {
    ...base,
    xaxis: { ...(base.xaxis as object), anchor: 'y2' },
    yaxis: { ...(base.yaxis as object), domain: [0.42, 1], title: { text: 'scaled value' } },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.22, yanchor: 'top' },
    margin: { l: 64, r: 24, t: 48, b: 96 },
    yaxis2: { ...(base.yaxis as object), domain: [0, 0.35], anchor: 'x', title: { text: 'error' } },
    shapes: [
      {
        type: 'rect',
        xref: 'x',
        yref: 'paper',
        x0: e.start,
        x1: e.end,
        y0: 0,
        y1: 1,
        fillcolor: 'rgba(220, 38, 38, 0.12)',
        layer: 'below',
        line: { width: 0 },
      },
    ],
  };
  return { data, layout };
}
