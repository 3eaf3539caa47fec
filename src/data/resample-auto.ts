import { resample } from './resample';
import { dateAt, rowCount, type Series } from './series';

/** Fewest rows {@link autoResample} aggregates. */
export const AUTO_MIN_ROWS = 4000;
/** {@link autoResample} aggregates a series whose median sampling interval is under this many milliseconds. */
export const AUTO_MAX_STEP_MS = 600_000;

/** What {@link autoResample} chose, and why, in words for the run's output. */
export interface AutoResample {
  /** The series as the rule leaves it: 10-minute means, or the input itself. */
  series: Series;
  /** `10min` when aggregated, `none` when left as it is. */
  chosen: '10min' | 'none';
  /** Why, e.g. `median step 5 min, 4,032 rows` or `1,200 rows, under 4,000`. */
  why: string;
}

const millis = (iso: string): number =>
  Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : /Z$/.test(iso) ? iso : `${iso}Z`);
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * A sampling interval in words: `30 s`, `5 min`, `2.5 min`, `1 h`, `1 d`.
 *
 * @throws never.
 * @example
 * stepText(300_000); // '5 min'
 */
export function stepText(ms: number): string {
  const unit = (v: number, u: string): string => `${Number.parseFloat(v.toFixed(2))} ${u}`;
  if (Math.abs(ms) < 60_000) return unit(ms / 1000, 's');
  if (Math.abs(ms) < 3_600_000) return unit(ms / 60_000, 'min');
  if (Math.abs(ms) < 86_400_000) return unit(ms / 3_600_000, 'h');
  return unit(ms / 86_400_000, 'd');
}

/**
 * The median gap between consecutive dates (the upper one of an even count), read through `dateAt` so a compact
 * series' date strings are not all made. `NaN` for fewer than 2 rows.
 *
 * @throws never.
 * @example
 * medianStep({ dates: ['2020-01-01T00:00:00', '2020-01-01T00:05:00'], values: [[1], [2]], columns: ['v'], source: 's' });
 * // 300000
 */
export function medianStep(series: Series): number {
  const n = rowCount(series);
  if (n < 2) return Number.NaN;
  const gaps = new Float64Array(n - 1);
  let prev = millis(dateAt(series, 0));
  for (let i = 1; i < n; i++) {
    const t = millis(dateAt(series, i));
    gaps[i - 1] = t - prev;
    prev = t;
  }
  gaps.sort();
  return gaps[gaps.length >> 1];
}

/**
 * The aggregation rule of docs/selection.md's `resample-auto` candidate: 10-minute means (see `resample`) when the
 * series holds at least 4,000 rows and the median gap between consecutive dates is under 10 minutes; a shorter or
 * coarser series is returned as it is. The row count is checked first, so a short series' dates are never read.
 *
 * @throws never (the dates of a loaded series always parse).
 * @example
 * const r = autoResample(series); // a 4,032-row series sampled every 5 minutes
 * r.chosen; // '10min'
 * r.why; // 'median step 5 min, 4,032 rows'
 */
export function autoResample(series: Series): AutoResample {
  const n = rowCount(series);
  if (n < AUTO_MIN_ROWS) return { series, chosen: 'none', why: `${count(n)} rows, under ${count(AUTO_MIN_ROWS)}` };
  const median = medianStep(series);
  if (median < AUTO_MAX_STEP_MS) {
    return {
      series: resample(series, '10min'),
      chosen: '10min',
      why: `median step ${stepText(median)}, ${count(n)} rows`,
    };
  }
  return { series, chosen: 'none', why: `median step ${stepText(median)}, not under ${stepText(AUTO_MAX_STEP_MS)}` };
}
