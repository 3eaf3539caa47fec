import { InputError, invalid } from '../util/errors';
import { significant } from '../util/format';
import { plotText } from './text';

/**
 * A Plotly figure spec: plain JSON (`data` traces and a `layout`), no DOM; pass it to `Plotly.newPlot`.
 *
 * @example
 * const fig: Figure = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: { title: { text: 't' } } };
 */
export interface Figure {
  /** Plotly traces. */
  data: Array<Record<string, unknown>>;
  /** Plotly layout. */
  layout: Record<string, unknown>;
}

/** A single line to draw: one value per ISO date. */
export interface Line {
  /** ISO date of each point (x axis). */
  dates: string[];
  /** Value of each point (y axis), same length as dates. */
  values: number[];
  /** Legend and y-axis name. Default `value`. */
  name?: string;
}

/** The colours every chart uses, so the report reads consistently. */
export const COLORS = {
  /** Training data / training loss / training scores. */
  train: '#2563eb',
  /** Test data / validation loss / test scores. */
  test: '#f59e0b',
  /** Threshold lines. */
  threshold: '#6b7280',
  /** Anomalies and the best-epoch marker. */
  anomaly: '#dc2626',
  /** Shaded test region. */
  shade: 'rgba(245, 158, 11, 0.10)',
  /** Grid lines. */
  grid: '#e5e7eb',
  /** Text. */
  text: '#1f2937',
} as const;

/** Axis titles and chart title of {@link baseLayout}. */
export interface LayoutText {
  /** Chart title. */
  title: string;
  /** X-axis title. */
  x: string;
  /** Y-axis title. */
  y: string;
  /** X-axis type: `date` for ISO dates, `linear` for numbers. Default `linear`. */
  xType?: 'date' | 'linear';
}

/**
 * The common layout of every chart: title, axis titles, font, margins, legend above the plot. The texts are
 * plain text (escaped with {@link plotText}), never markup.
 *
 * @throws Nothing.
 * @example
 * baseLayout({ title: 'Loss', x: 'epoch', y: 'loss' });
 */
export function baseLayout(t: LayoutText): Record<string, unknown> {
  const axis = {
    gridcolor: COLORS.grid,
    zeroline: false,
    linecolor: '#9ca3af',
    ticks: 'outside',
    tickcolor: '#9ca3af',
  };
  return {
    title: { text: plotText(t.title), x: 0, xanchor: 'left', font: { size: 16 } },
    xaxis: { ...axis, title: { text: plotText(t.x) }, type: t.xType ?? 'linear' },
    yaxis: { ...axis, title: { text: plotText(t.y) } },
    font: {
      family: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
      size: 12,
      color: COLORS.text,
    },
    margin: { l: 64, r: 24, t: 56, b: 52 },
    legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom' },
    hovermode: 'closest',
    plot_bgcolor: '#ffffff',
    paper_bgcolor: '#ffffff',
  };
}

/**
 * A vertical line across the whole plot height at `x` (a number or ISO date), as a layout shape.
 *
 * @throws Nothing.
 * @example
 * vline('2020-01-31', COLORS.threshold);
 */
export function vline(
  x: number | string,
  color: string,
  dash: 'solid' | 'dash' | 'dot' = 'dash',
): Record<string, unknown> {
  return { type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color, width: 2, dash } };
}

/**
 * The first column of a series as a {@link Line} (or column `column`).
 *
 * @throws InputError `invalid column: <n>` when the column does not exist.
 * @example
 * lineOf({ dates: ['2020-01-01'], values: [[1]], columns: ['Close'], source: 's' }); // {dates, values: [1], name: 'Close'}
 */
export function lineOf(s: { dates: string[]; values: number[][]; columns: string[] }, column = 0): Line {
  if (!(Number.isInteger(column) && column >= 0 && column < s.columns.length)) {
    throw invalid('column', column, `the series has ${s.columns.length} columns: ${s.columns.join(', ')}`);
  }
  return { dates: s.dates, values: s.values.map((r) => r[column]), name: s.columns[column] };
}

/**
 * Check that a line has one value per date.
 *
 * @throws InputError `<chart>: <n> dates but <m> values`.
 * @example
 * checkLine('series chart', { dates: ['2020-01-01'], values: [1] }); // ok
 */
export function checkLine(chart: string, line: Line): void {
  if (line.dates.length !== line.values.length) {
    throw new InputError(`${chart}: ${line.dates.length} dates but ${line.values.length} values`);
  }
}

/**
 * Format a number for labels and tooltips: 4 significant digits, no trailing zeros.
 *
 * @throws Nothing: NaN and infinities are shown as-is.
 * @example
 * fmt(0.0123456); // '0.01235'
 */
export function fmt(v: number): string {
  return significant(v, 4);
}
