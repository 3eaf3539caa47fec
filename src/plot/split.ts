import { decimate, pick } from './decimate';
import { baseLayout, COLORS, checkLine, type Figure, type Line, vline } from './figure';
import { plotText } from './text';

/** Options of {@link splitChart}. */
export interface SplitChartOptions {
  /** Chart title. Default `Series with train/test split`. */
  title?: string;
}

/**
 * Chart (a): the series, training part in blue and test part in orange, with the test region shaded and a
 * dashed vertical line at the last training date `trainEnd`.
 *
 * The test trace starts at `trainEnd` so the two parts join up. Long parts are drawn decimated (min/max per
 * bucket, see `decimate`).
 * @throws InputError when the line has a different number of dates and values.
 * @example
 * const fig = splitChart(lineOf(series), result.split.trainEnd);
 */
/** Points `[from, to)` of a line, decimated. */
function decimated(line: Line, from: number, to: number): { x: string[]; y: number[] } {
  const idx = decimate(line.values.slice(from, to)).map((i) => i + from);
  return { x: pick(line.dates, idx), y: pick(line.values, idx) };
}

export function splitChart(line: Line, trainEnd: string, opts: SplitChartOptions = {}): Figure {
  checkLine('split chart', line);
  const name = plotText(line.name ?? 'value');
  let cut = line.dates.findIndex((d) => d > trainEnd); // first test row, -1 when all are training rows
  if (cut < 0) cut = line.dates.length;
  const joint = Math.max(cut - 1, 0);
  const trace = (label: string, color: string, from: number, to: number) => ({
    type: 'scatter',
    mode: 'lines',
    name: label,
    ...decimated(line, from, to),
    line: { color, width: 1.5 },
    hovertemplate: `%{x}<br>${name}: %{y}<extra>${label}</extra>`,
  });
  const data = [trace('train', COLORS.train, 0, cut)];
  if (cut < line.dates.length) data.push(trace('test', COLORS.test, joint, line.dates.length));
  const last = line.dates[line.dates.length - 1];
  const shapes =
    cut < line.dates.length
      ? [
          {
            type: 'rect',
            xref: 'x',
            yref: 'paper',
            x0: trainEnd,
            x1: last,
            y0: 0,
            y1: 1,
            fillcolor: COLORS.shade,
            line: { width: 0 },
            layer: 'below',
          },
          vline(trainEnd, COLORS.threshold),
        ]
      : [];
  const annotations = shapes.length
    ? [
        {
          x: trainEnd,
          xref: 'x',
          y: 1,
          yref: 'paper',
          text: `split: ${trainEnd}`,
          showarrow: false,
          xanchor: 'left',
          yanchor: 'top',
          xshift: 4,
          font: { size: 11, color: COLORS.threshold },
        },
      ]
    : [];
  const layout = {
    ...baseLayout({
      title: opts.title ?? 'Series with train/test split',
      x: 'date',
      y: line.name ?? 'value',
      xType: 'date',
    }),
    shapes,
    annotations,
  };
  return { data, layout };
}
