/**
 * A time series: one date per row and one or more numeric columns (features).
 *
 * Dates are ISO strings: `YYYY-MM-DD` for daily data, `YYYY-MM-DDTHH:MM:SS` when a time is present.
 * Rows are strictly increasing in time.
 *
 * A series loaded from a CSV file is compact (see `compactSeries` in compact-series.ts): its dates and values live
 * in typed arrays and `dates` / `values` are made when first read. Code that walks a long series reads it through
 * the accessors of series.ts (`rowCount`, `dateAt`, `valueAt`, `column`, `valueTable`) so they are never made.
 *
 * @example
 * const s: Series = { dates: ['2020-01-02', '2020-01-03'], values: [[1], [2]], columns: ['close'], source: 'x' };
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
