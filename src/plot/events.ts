import { maxOf } from '../util/extent';
import { decimate, pick } from './decimate';
import { baseLayout, COLORS, checkLine, type Figure, type Line } from './figure';
import { plotText } from './text';

/** An interval to shade on a chart: ISO dates of its first and last step. */
export interface Span {
  start: string;
  end: string;
}

/** Options of {@link eventsChart}. */
export interface EventsChartOptions {
  title?: string;
  /** The x axis: `date` (default) for ISO dates, `linear` for row indices (a series without timestamps). */
  xType?: 'date' | 'linear';
  /** Labeled anomalies, shaded green. */
  labels?: Span[];
  /** Per event: does it overlap a label (true: solid red edge, false: dashed = false positive). */
  eventHits?: boolean[];
  /** Per label: is it hit by an event (a missed label is marked with an x above it). */
  labelHits?: boolean[];
  /** Dashed split line at the last training date. */
  trainEnd?: string;
  /** Decimation buckets (small charts want fewer). Default 2000. */
  buckets?: number;
}

/** Shaded event colours. */
export const EVENT_COLORS = { event: 'rgba(220, 38, 38, 0.18)', label: 'rgba(22, 163, 74, 0.22)', miss: '#16a34a' };

/**
 * The series with each event shaded red (with labels: green label bands, false-positive events with a dashed
 * edge, missed labels marked ✗ above them). A long series is drawn decimated (min/max per bucket).
 *
 * @throws InputError when the line has a different number of dates and values.
 * @example
 * const fig = eventsChart(lineOf(series), result.events ?? [], { labels });
 */
export function eventsChart(line: Line, events: Span[], opts: EventsChartOptions = {}): Figure {
  checkLine('events chart', line);
  const name = plotText(line.name ?? 'value');
  const idx = decimate(line.values, opts.buckets);
  const band = (s: Span, fill: string, dash?: string): Record<string, unknown> => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: s.start,
    x1: s.end,
    y0: 0,
    y1: 1,
    fillcolor: fill,
    layer: 'below',
    line: dash ? { color: COLORS.anomaly, width: 1, dash } : { width: 0 },
  });
  const labels = opts.labels ?? [];
  const shapes = [
    ...labels.map((l) => band(l, EVENT_COLORS.label)),
    ...events.map((e, i) =>
      band(e, EVENT_COLORS.event, opts.eventHits ? (opts.eventHits[i] ? 'solid' : 'dash') : undefined),
    ),
  ];
  if (opts.trainEnd) {
    shapes.push({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: opts.trainEnd,
      x1: opts.trainEnd,
      y0: 0,
      y1: 1,
      line: { color: COLORS.threshold, width: 2, dash: 'dash' },
    });
  }
  const missed = labels.filter((_, i) => opts.labelHits && !opts.labelHits[i]);
  const data: Array<Record<string, unknown>> = [
    {
      type: 'scatter',
      mode: 'lines',
      name,
      x: pick(line.dates, idx),
      y: pick(line.values, idx),
      line: { color: COLORS.train, width: 1.2 },
      hovertemplate: `%{x}<br>${name}: %{y}<extra></extra>`,
    },
  ];
  if (missed.length) {
    const top = maxOf(line.values);
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `missed labels (${missed.length})`,
      x: missed.map((l) => l.start),
      y: missed.map(() => top),
      marker: { symbol: 'x', color: EVENT_COLORS.miss, size: 11 },
      hovertemplate: '%{x}<extra>missed label</extra>',
    });
  }
  const layout = {
    ...baseLayout({
      title: opts.title ?? `Events in the series (${events.length})`,
      x: opts.xType === 'linear' ? 'row' : 'date',
      y: line.name ?? 'value',
      xType: opts.xType ?? 'date',
    }),
    shapes,
  };
  return { data, layout };
}
