import { invalid } from '../util/errors';
import { dateAt, rowCount, type Series, valueAt } from './series';

/** Bucket widths accepted by {@link resample}. */
export const RESAMPLE_RULES = { '10min': 600_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
/** A bucket width: `10min`, `1h` or `1d`. */
export type ResampleRule = keyof typeof RESAMPLE_RULES;

const millis = (iso: string): number =>
  Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : /Z$/.test(iso) ? iso : `${iso}Z`);
const pad2 = (v: number): string => String(v).padStart(2, '0');

function isoOfMillis(ms: number, daily: boolean): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return daily ? day : `${day}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:00`;
}

/**
 * Mean of each column per time bucket (`10min`, `1h` or `1d`, aligned to UTC midnight), dated by the bucket's
 * start; buckets holding no row are left out (no filling). Rows are taken in file order, so out-of-order rows
 * fall in their own bucket. Orion aggregates NAB to 10-minute buckets this way (`time_segments_aggregate`,
 * which then imputes the empty buckets instead).
 *
 * @throws InputError `invalid resample: <rule> (10min, 1h or 1d)` for another rule.
 * @example
 * resample({ dates: ['2020-01-01T00:00:00', '2020-01-01T00:05:00'], values: [[1], [3]], columns: ['v'], source: 's' },
 *   '10min').values; // [[2]]
 */
export function resample(series: Series, rule: string): Series {
  if (!Object.hasOwn(RESAMPLE_RULES, rule)) throw invalid('resample', rule, '10min, 1h or 1d');
  const width = RESAMPLE_RULES[rule as ResampleRule];
  const F = series.columns.length;
  const dates: string[] = [];
  const values: number[][] = [];
  let bucket = NaN;
  let sums: number[] = [];
  let count = 0;
  const flush = (): void => {
    if (count === 0) return;
    dates.push(isoOfMillis(bucket, rule === '1d'));
    values.push(sums.map((s) => s / count));
  };
  // through the accessors: a compact (loaded) series' date strings and row arrays are not all made
  const n = rowCount(series);
  for (let r = 0; r < n; r++) {
    const b = Math.floor(millis(dateAt(series, r)) / width) * width;
    if (b !== bucket) {
      flush();
      bucket = b;
      sums = new Array<number>(F).fill(0);
      count = 0;
    }
    for (let j = 0; j < F; j++) sums[j] += valueAt(series, r, j);
    count++;
  }
  flush();
  return { dates, values, columns: series.columns, source: series.source };
}
