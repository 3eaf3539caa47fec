import { isoOfMs, msOfIso } from '../data/compact-dates';
import { column, dateAt, dateStore, hasCompactValues, rowCount, type Series, valueAt } from '../data/series';
import { DECIMATE_BUCKETS, decimate } from '../plot/decimate';
import type { RunResult } from '../result';

/** Series longer than this are thinned before the report's charts are built from them. */
export const LIGHT_ABOVE = 100_000;

/** Buckets of the thinning: 16 times the charts' own, so their decimation picks the same shape. */
const BUCKETS = 16 * DECIMATE_BUCKETS;

/**
 * The rows of a long series the report's charts can draw, as a series of its own: per column the first, lowest
 * and highest row of each of 32000 buckets (see `decimate`), the first and last rows, every anomaly's row and the
 * rows either side of the split. The charts decimate it again to 2000 buckets, so they look as drawn from the
 * whole series, while no chart copies millions of rows. A series of at most {@link LIGHT_ABOVE} rows is returned
 * as it is (its report is the same as ever).
 *
 * @throws never.
 * @example
 * renderReport({ result, series: reportSeries(series, result), steps });
 */
export function reportSeries(series: Series, result: Pick<RunResult, 'anomalies' | 'split'>): Series {
  const n = rowCount(series);
  if (n <= LIGHT_ABOVE) return series;
  const keep = new Uint8Array(n);
  for (let c = 0; c < series.columns.length; c++) for (const i of decimate(column(series, c), BUCKETS)) keep[i] = 1;
  const wanted = new Set(result.anomalies.map((a) => a.date));
  const trainEnd = result.split.trainEnd;
  keep[0] = keep[n - 1] = 1;
  const mark = (i: number, d: string): void => {
    if (wanted.has(d)) keep[i] = 1;
    if (d === trainEnd) {
      keep[i] = 1;
      if (i + 1 < n) keep[i + 1] = 1;
    }
  };
  const store = dateStore(series);
  if (store) {
    // a compact series: the rows of those dates found by their milliseconds (no string per row)
    const byMs = new Map<number, string>();
    for (const d of [...wanted, trainEnd]) {
      const ms = msOfIso(d);
      if (!Number.isNaN(ms) && isoOfMs(ms, store.withTime) === d) byMs.set(ms, d);
    }
    for (let i = 0; i < n; i++) {
      const d = byMs.get(store.ms[i]);
      if (d !== undefined) mark(i, d);
    }
  } else for (let i = 0; i < n; i++) mark(i, series.dates[i]);
  const typed = hasCompactValues(series); // a series of arrays shares its rows with the thinned one
  const dates: string[] = [];
  const values: number[][] = [];
  for (let i = 0; i < n; i++)
    if (keep[i]) {
      dates.push(dateAt(series, i));
      values.push(typed ? series.columns.map((_, c) => valueAt(series, i, c)) : series.values[i]);
    }
  return { dates, values, columns: series.columns, source: series.source };
}
