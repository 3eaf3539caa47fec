import type { ThresholdJson } from '../threshold/rule';
import { ruleKind, ruleLabel } from '../threshold/rules';
import { InputError } from '../util/errors';
import { decimate } from './decimate';
import { baseLayout, COLORS, type Figure, fmt } from './figure';
import { brokenLine } from './gaps';
import type { TimelinePoint } from './timeline';

/** One detector's scores as {@link compareTimeline} draws them. */
export interface CompareSeries {
  /** Detector name (legend and y-axis title). */
  name: string;
  /** Scored test windows: x = end date, y = score (`mae`), flagged ones marked. */
  windows: TimelinePoint[];
  /** The detector's threshold on its own scores; null for a step rule (its thresholds are per step: no line). */
  threshold: number | null;
  /** The rule's label (`p95`, `window-sigma:3`), named in the legend when there is no line. */
  rule?: string;
  /** Its events, shaded on its row. */
  events?: { start: string; end: string }[];
}

/** Line colours of the detectors, in order (flagged windows are always red). */
const LINE_COLORS = ['#f59e0b', '#2563eb', '#059669', '#7c3aed', '#db2777'];

/**
 * Each detector's scores over time, one row per detector (its own y scale, scores differ in unit) on ONE shared
 * time axis, with its threshold dashed, its flagged windows as red markers and its events shaded. Traces: score,
 * threshold and flagged windows of each detector, in that order (3 per detector). A long score line is drawn
 * decimated (min/max per bucket, see `decimate`), always through the flagged windows, and broken at gaps in the
 * dates. A step rule draws no threshold line (its trace stays, empty, named after the rule).
 *
 * @throws InputError when there are no detectors or a threshold is not finite.
 * @example
 * const fig = compareTimeline([
 *   { name: 'lstm', windows: a.test, threshold: 0.4 },
 *   { name: 'pca', windows: b.test, threshold: 0.2 },
 * ]);
 */
export function compareTimeline(detectors: CompareSeries[]): Figure {
  if (detectors.length === 0) throw new InputError('compare chart: no detectors');
  const n = detectors.length;
  const gap = 0.04;
  const h = (1 - gap * (n - 1)) / n;
  const data: Array<Record<string, unknown>> = [];
  const layout = baseLayout({
    title: 'Scores over time, one row per detector',
    x: 'window end date',
    y: '',
    xType: 'date',
  });
  const yaxis = layout.yaxis as Record<string, unknown>;
  const shapes: Array<Record<string, unknown>> = [];
  delete layout.yaxis;
  detectors.forEach((d, k) => {
    if (d.threshold !== null && !Number.isFinite(d.threshold))
      throw new InputError(`compare chart: threshold of ${d.name} is ${d.threshold}`);
    const ax = k === 0 ? '' : String(k + 1);
    const x = d.windows.map((w) => w.end);
    const span = x.length > 0 ? [x[0], x[x.length - 1]] : [];
    const flagged = d.windows.filter((w) => w.anomaly);
    const mae = d.windows.map((w) => w.mae);
    const idx = decimate(
      mae,
      undefined,
      d.windows.flatMap((w, i) => (w.anomaly ? [i] : [])),
    );
    const on = { xaxis: 'x', yaxis: `y${ax}` };
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        name: `${d.name} score`,
        ...brokenLine(x, mae, idx),
        ...on,
        line: { color: LINE_COLORS[k % LINE_COLORS.length], width: 1.5 },
        hovertemplate: `%{x}<br>${d.name}: %{y:.5g}<extra></extra>`,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name:
          d.threshold === null
            ? `${d.name}: ${d.rule ?? 'a step rule'} flags per step (no window threshold)`
            : `${d.name} threshold (${fmt(d.threshold)})`,
        x: d.threshold === null ? [] : span,
        y: d.threshold === null ? [] : span.map(() => d.threshold),
        ...on,
        line: { color: COLORS.threshold, width: 1.5, dash: 'dash' },
        hoverinfo: 'skip',
        showlegend: false,
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: `${d.name} flagged (${flagged.length})`,
        x: flagged.map((w) => w.end),
        y: flagged.map((w) => w.mae),
        ...on,
        marker: { color: COLORS.anomaly, size: 6 },
        hovertemplate: `%{x}<br>${d.name}: %{y:.5g}<extra>flagged</extra>`,
      },
    );
    const top = 1 - k * (h + gap);
    for (const ev of d.events ?? []) {
      shapes.push({
        type: 'rect',
        xref: 'x',
        yref: `y${ax} domain`,
        x0: ev.start,
        x1: ev.end,
        y0: 0,
        y1: 1,
        fillcolor: COLORS.anomaly,
        opacity: 0.15,
        line: { width: 0 },
        layer: 'below',
      });
    }
    layout[`yaxis${ax}`] = { ...yaxis, title: { text: d.name }, domain: [Math.max(0, top - h), top], anchor: 'x' };
  });
  const bottom = n === 1 ? 'y' : `y${n}`;
  // The legend goes under the time axis, so the axis keeps no title (the caption names it: window end date).
  layout.xaxis = { ...(layout.xaxis as Record<string, unknown>), anchor: bottom, title: { text: '' } };
  layout.legend = { orientation: 'h', x: 0, xanchor: 'left', y: -0.12, yanchor: 'top' };
  layout.margin = { l: 64, r: 24, t: 56, b: 110 };
  if (shapes.length > 0) layout.shapes = shapes;
  return { data, layout };
}

/** What {@link compareChart} reads of a comparison (a `CompareResult` of runCompare fits). */
export interface CompareChartInput {
  entries: Array<{
    kind: string;
    test: TimelinePoint[];
    threshold: ThresholdJson;
    run: { result: { events?: { start: string; end: string }[] } };
  }>;
}

/**
 * {@link compareTimeline} of a comparison: each detector's scores, threshold, flags and events on one time axis.
 *
 * @throws InputError when there are no detectors or a threshold is not finite.
 * @example
 * showFigure(compareChart(await runCompare(series, 'lstm,pca')), 600);
 */
export function compareChart(c: CompareChartInput): Figure {
  return compareTimeline(
    c.entries.map((e) => ({
      name: e.kind,
      windows: e.test,
      threshold: ruleKind(e.threshold) === 'step' ? null : e.threshold.value,
      rule: ruleLabel(e.threshold),
      events: e.run.result.events ?? [],
    })),
  );
}
