import { decimate, pick, rowsOf } from './decimate';
import { baseLayout, COLORS, checkLine, type Figure, type Line, vline } from './figure';
import { plotText } from './text';

/** An anomaly as the chart needs it: the part of an `AnomalyRecord` it draws. */
export interface AnomalyPoint {
  /** ISO date of the anomaly (x). */
  date: string;
  /** Raw value at that date (y). */
  value: number;
  /** Reconstruction error, shown on hover. Optional. */
  mae?: number;
}

/** Options of {@link anomalyChart}. */
export interface AnomalyChartOptions {
  /** Chart title. Default `Anomalies in the series`. */
  title?: string;
  /** Last training date: draws a dashed split line there. Default: no line. */
  trainEnd?: string;
}

/**
 * Chart (f): the series with every anomaly as a red point at its date and value. A long series is drawn
 * decimated (min/max per bucket, see `decimate`), always through the anomalies' own points.
 *
 * @throws InputError when the line has a different number of dates and values.
 * @example
 * const fig = anomalyChart(lineOf(series), result.anomalies, { trainEnd: result.split.trainEnd });
 */
export function anomalyChart(line: Line, anomalies: AnomalyPoint[], opts: AnomalyChartOptions = {}): Figure {
  checkLine('anomaly chart', line);
  const name = plotText(line.name ?? 'value');
  const idx = decimate(
    line.values,
    undefined,
    rowsOf(
      line.dates,
      anomalies.map((a) => a.date),
    ),
  );
  const data = [
    {
      type: 'scatter',
      mode: 'lines',
      name,
      x: pick(line.dates, idx),
      y: pick(line.values, idx),
      line: { color: COLORS.train, width: 1.5 },
      hovertemplate: `%{x}<br>${name}: %{y}<extra></extra>`,
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: `anomalies (${anomalies.length})`,
      x: anomalies.map((a) => a.date),
      y: anomalies.map((a) => a.value),
      customdata: anomalies.map((a) => a.mae ?? null),
      marker: { color: COLORS.anomaly, size: 8, line: { color: '#ffffff', width: 1 } },
      hovertemplate: `%{x}<br>${name}: %{y}<br>MAE: %{customdata:.5g}<extra>anomaly</extra>`,
    },
  ];
  const layout = {
    ...baseLayout({
      title: opts.title ?? 'Anomalies in the series',
      x: 'date',
      y: line.name ?? 'value',
      xType: 'date',
    }),
    shapes: opts.trainEnd ? [vline(opts.trainEnd, COLORS.threshold)] : [],
  };
  return { data, layout };
}
