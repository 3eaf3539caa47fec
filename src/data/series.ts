/**
 * A time series: one date per row and one or more numeric columns (features).
 *
 * Dates are ISO strings: `YYYY-MM-DD` for daily data, `YYYY-MM-DDTHH:MM:SS` when a time is present.
 * Rows are strictly increasing in time.
 */
export interface Series {
  /** ISO date of each row, strictly increasing. */
  dates: string[];
  /** Row-major values: `values[row][feature]`, all finite. */
  values: number[][];
  /** Name of each feature column, in order. */
  columns: string[];
  /** Where the data came from: a file path, `yahoo:SYMBOL`, `vega-datasets:sp500-2000.csv`, `synthetic:sine`. */
  source: string;
}

/**
 * Rows `[start, end)` of a series, as a new series with the same columns and source.
 *
 * @example
 * const head = sliceSeries(series, 0, 10);
 */
export function sliceSeries(s: Series, start: number, end: number): Series {
  return { dates: s.dates.slice(start, end), values: s.values.slice(start, end), columns: s.columns, source: s.source };
}

/**
 * The row of each of a few dates, found in one pass over the series: where a date appears more than once (order
 * `keep`), its last row, as an index of every date would give; dates not in the series are absent. Only the
 * dates asked for are indexed (an index of every date of a long series holds millions of entries).
 *
 * @throws never.
 * @example
 * rowsOfDates(series.dates, ['2020-03-16', 'nope']); // Map { '2020-03-16' => 4, ... } ('nope' absent)
 */
export function rowsOfDates(dates: readonly string[], wanted: Iterable<string>): Map<string, number> {
  const rows = new Map<string, number>();
  for (const d of wanted) rows.set(d, -1);
  if (rows.size > 0) for (let i = 0; i < dates.length; i++) if (rows.has(dates[i])) rows.set(dates[i], i);
  for (const [d, i] of rows) if (i < 0) rows.delete(d);
  return rows;
}
