import type { FillMode } from './fill';

/** Date order rule: `'strict'` refuses duplicate or unsorted dates; `'keep'` keeps rows in file order. */
export type DateOrder = 'strict' | 'keep';

/** Options of {@link parseSeriesCsv} and {@link loadCsvSeries}. */
export interface CsvSeriesOptions {
  /** Date column. Default: the first of Date, timestamp, time, Datetime found (case-insensitive). */
  dateCol?: string;
  /** Value column(s); several make a multivariate series. Default: the first of Close, Adj Close, value, price. */
  valueCols?: string[];
  /** Missing or non-numeric values: `'none'` refuses them, `'ffill'` carries the last value forward, `'drop'` drops the row. Default `'none'`. */
  fill?: FillMode;
  /** `'strict'` (default) refuses duplicate, unsorted and newest-first dates; `'keep'` keeps the file's row order and dates only label rows. */
  order?: DateOrder;
  /** The series' `source`, also the file name in error messages. Default: the path (loadCsvSeries) or `'CSV'`. */
  source?: string;
  /** Field separator (`--sep`): one character, `tab` for a tab. Default `,`. */
  sep?: string;
  /** The dates' format (`--date-format`, e.g. `DD.MM.YYYY`; see `dateParser`). Default: the ISO forms of `parseDate`. */
  dateFormat?: string;
}
