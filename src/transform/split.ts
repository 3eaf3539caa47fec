import { dateAt, firstRowFrom, rowCount, type Series, sliceSeries } from '../data/series';
import { InputError, invalid } from '../util/errors';

/** How to split a series in time. */
export interface SplitOptions {
  /** Share of rows (from the start) used for training, in (0, 1). Default 0.8. Ignored when trainUntil is set. */
  trainFrac?: number;
  /** Train on every row strictly before this ISO date instead of a fraction. Default: unset. */
  trainUntil?: string;
}

/** The two parts of a time-ordered split. */
export interface SplitSeries {
  train: Series;
  test: Series;
}

/**
 * Split a series in time: the first rows train, the rest test (never shuffled).
 *
 * With `trainFrac`, train has `floor(rows * trainFrac)` rows (as `int(len(df) * 0.8)` in the notebooks).
 * @throws InputError `invalid train fraction: <v>` outside (0, 1), or when a part would be empty.
 * @example
 * const { train, test } = timeSplit(series, { trainFrac: 0.8 });
 */
export function timeSplit(series: Series, opts: SplitOptions = {}): SplitSeries {
  const n = rowCount(series);
  let cut: number;
  if (opts.trainUntil !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(opts.trainUntil))
      throw invalid('train-until', opts.trainUntil, 'an ISO date YYYY-MM-DD');
    cut = firstRowFrom(series, opts.trainUntil);
    if (cut === -1) cut = n;
    if (cut === 0)
      throw new InputError(
        `invalid train-until: ${opts.trainUntil} (no data before it; the series starts ${dateAt(series, 0)})`,
      );
    if (cut === n)
      throw new InputError(
        `invalid train-until: ${opts.trainUntil} (no data after it; the series ends ${dateAt(series, n - 1)})`,
      );
  } else {
    const frac = opts.trainFrac ?? 0.8;
    if (!(frac > 0 && frac < 1)) throw invalid('train fraction', frac, 'between 0 and 1, exclusive');
    cut = Math.floor(n * frac);
    if (cut === 0 || cut === n)
      throw new InputError(`invalid train fraction: ${frac} (leaves an empty part of ${n} rows)`);
  }
  return { train: sliceSeries(series, 0, cut), test: sliceSeries(series, cut, n) };
}
