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
