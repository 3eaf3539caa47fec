import { resample } from '../data/resample';
import { autoResample } from '../data/resample-auto';
import { rowCount, type Series } from '../data/series';
import { InputError } from '../util/errors';

/** What the `auto` rule chose for one series (`10min` or `none`), and why, in words. */
export interface ResampleChoice {
  chosen: '10min' | 'none';
  why: string;
}

/**
 * A series as the run option `resample` left it, with the record of what ran: what {@link resampleSeries}
 * gives. `runPipeline` and `runCompare` take it in place of a series and run on it as it is, so a caller that
 * resamples first (the CLI, to read labels against the aggregated rows) resamples once and the run reports the
 * same `auto` choice.
 */
export interface ResampledSeries {
  /** The series as the rule left it (the one given when no rule ran). */
  series: Series;
  /** The rule that ran (`auto`, `10min`, `1h`, `1d`); absent when none ran (`none` or unset). */
  rule?: string;
  /** What `auto` chose, and why (only for `auto`). */
  auto?: ResampleChoice;
}

/**
 * The series as the run option `resample` leaves it: a bucket's means (`10min`, `1h`, `1d`), the series itself
 * (`none` or unset), or for `auto` the rule of `autoResample` with what it chose. It keeps no state: each call
 * resamples what it is given; hand the value it returns (not its `series`) on to `runPipeline` to resample once.
 *
 * @throws InputError `invalid resample: <rule> (10min, 1h or 1d)` for an unknown rule.
 * @example
 * resampleSeries(series, 'auto').auto; // { chosen: '10min', why: 'median step 5 min, 4,032 rows' }
 */
export function resampleSeries(series: Series, rule?: string): ResampledSeries {
  if (rule === undefined || rule === 'none') return { series };
  if (rule === 'auto') {
    const { series: out, chosen, why } = autoResample(series);
    return { series: out, rule, auto: { chosen, why } };
  }
  return { series: resample(series, rule), rule };
}

/**
 * Whether a run's input is a {@link ResampledSeries} (the record of a resampling) rather than a plain series.
 *
 * @throws never.
 * @example
 * isResampled(resampleSeries(series, '1h')); // true
 * isResampled(series); // false
 */
export function isResampled(input: Series | ResampledSeries): input is ResampledSeries {
  return 'series' in input && !('columns' in input);
}

/**
 * A run's input under the rule it runs with: a plain series resampled by `rule` ({@link resampleSeries}), or a
 * {@link ResampledSeries} taken as it is (not resampled again), when `rule` is the one that made it.
 *
 * @throws InputError `<source>: no data rows` for an empty series; `resample: the series was resampled by 1h, but
 *   the run asks for 1d` when the record's rule is not `rule` (`none` for unset); an unknown rule.
 * @example
 * const once = resampleSeries(series, 'auto');
 * resampleOnce(once, 'auto') === once; // true: the first choice, no second aggregation
 */
export function resampleOnce(input: Series | ResampledSeries, rule?: string): ResampledSeries {
  const given = isResampled(input) ? input.series : input;
  if (rowCount(given) === 0) throw new InputError(`${given.source}: no data rows`);
  if (!isResampled(input)) return resampleSeries(input, rule);
  const made = input.rule ?? 'none';
  const asked = rule ?? 'none';
  if (made !== asked)
    throw new InputError(`resample: the series was resampled by ${made}, but the run asks for ${asked}`);
  return input;
}

/**
 * The line a run prints for what `resample: 'auto'` chose, e.g. `resample: auto -> 10min means (median step
 * 5 min, 4,032 rows)` or `resample: auto -> none (1,200 rows, under 4,000)`.
 *
 * @throws never.
 * @example
 * resampleLine({ chosen: 'none', why: '1,200 rows, under 4,000' }); // 'resample: auto -> none (1,200 rows, under 4,000)'
 */
export function resampleLine(c: ResampleChoice): string {
  return `resample: auto -> ${c.chosen === 'none' ? 'none' : `${c.chosen} means`} (${c.why})`;
}
